package java.lang;

/** Also holds the number formatting and parsing that {@link Integer}, {@link Short} and {@link Byte} share. */
public final class Long extends Number implements Comparable<Long> {
    public static final long MIN_VALUE = 0x8000000000000000L;
    public static final long MAX_VALUE = 0x7fffffffffffffffL;
    @SuppressWarnings("unchecked")
    public static final Class<Long> TYPE = (Class<Long>) Class.getPrimitiveClass("long");
    public static final int SIZE = 64;
    public static final int BYTES = 8;

    private final long value;

    /** Long.valueOf caches -128..127 (JLS §5.1.7 asks this of Integer; the JDK does it for Long too). */
    private static final class Cache {
        static final Long[] VALUES = new Long[256];

        static {
            for (int i = 0; i < VALUES.length; i++) {
                VALUES[i] = new Long(i - 128);
            }
        }
    }

    @Deprecated(since = "9")
    public Long(long value) {
        this.value = value;
    }

    @Deprecated(since = "9")
    public Long(String s) throws NumberFormatException {
        this.value = parseLong(s, 10);
    }

    public static Long valueOf(long l) {
        return l >= -128 && l <= 127 ? Cache.VALUES[(int) l + 128] : new Long(l);
    }

    public static Long valueOf(String s, int radix) throws NumberFormatException {
        return valueOf(parseLong(s, radix));
    }

    public static Long valueOf(String s) throws NumberFormatException {
        return valueOf(parseLong(s, 10));
    }

    /** Converts on the negative side, so that MIN_VALUE needs no special case. Bad radixes mean 10. */
    public static String toString(long i, int radix) {
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            radix = 10;
        }
        char[] buffer = new char[65];
        int position = 64;
        boolean negative = i < 0;
        if (!negative) {
            i = -i;
        }
        while (i <= -radix) {
            buffer[position--] = Character.forDigit((int) -(i % radix), radix);
            i /= radix;
        }
        buffer[position] = Character.forDigit((int) -i, radix);
        if (negative) {
            buffer[--position] = '-';
        }
        return new String(buffer, position, 65 - position);
    }

    public static String toString(long i) {
        return toString(i, 10);
    }

    public static String toUnsignedString(long i, int radix) {
        if (i >= 0) {
            return toString(i, radix);
        }
        if (radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
            radix = 10;
        }
        long quotient = divideUnsigned(i, radix);
        int remainder = (int) (i - quotient * radix);
        return toString(quotient, radix) + Character.forDigit(remainder, radix);
    }

    public static String toUnsignedString(long i) {
        return toUnsignedString(i, 10);
    }

    public static String toHexString(long i) {
        return toUnsignedStringPowerOfTwo(i, 4);
    }

    public static String toOctalString(long i) {
        return toUnsignedStringPowerOfTwo(i, 3);
    }

    public static String toBinaryString(long i) {
        return toUnsignedStringPowerOfTwo(i, 1);
    }

    /** Digits of radix {@code 1 << shift}, treating {@code i} as unsigned; Integer's variants come here too. */
    static String toUnsignedStringPowerOfTwo(long i, int shift) {
        int radix = 1 << shift;
        char[] buffer = new char[64];
        int position = 64;
        do {
            buffer[--position] = Character.forDigit((int) i & (radix - 1), radix);
            i >>>= shift;
        } while (i != 0);
        return new String(buffer, position, 64 - position);
    }

    public static long parseLong(String s, int radix) throws NumberFormatException {
        return parse(s, radix, MIN_VALUE, MAX_VALUE);
    }

    public static long parseLong(String s) throws NumberFormatException {
        return parse(s, 10, MIN_VALUE, MAX_VALUE);
    }

    /** Unlike Integer's, an empty range fails with an empty message, as in the JDK. */
    public static long parseLong(CharSequence s, int beginIndex, int endIndex, int radix) throws NumberFormatException {
        checkSubSequence(s, beginIndex, endIndex, radix);
        if (beginIndex == endIndex) {
            throw new NumberFormatException("");
        }
        return parseNonEmpty(s, beginIndex, endIndex, radix, MIN_VALUE, MAX_VALUE);
    }

    /** The checks the sub-sequence parsers make first, in the JDK's order. */
    static void checkSubSequence(CharSequence s, int beginIndex, int endIndex, int radix) {
        if (s == null) {
            throw new NullPointerException();
        }
        if (beginIndex < 0 || beginIndex > endIndex || endIndex > s.length()) {
            throw new IndexOutOfBoundsException();
        }
        checkRadix(radix);
    }

    /**
     * {@link #parse(String, int, long, long)} over a checked, non-empty {@code s[beginIndex, endIndex)}, with the
     * JDK's messages for this form: "Error at index i in: "..."", the index counted from {@code beginIndex}.
     */
    static long parseNonEmpty(CharSequence s, int beginIndex, int endIndex, int radix, long min, long max)
            throws NumberFormatException {
        int i = beginIndex;
        boolean negative = false;
        long limit = -max;
        char first = s.charAt(i);
        if (first < '0') {
            if (first == '-') {
                negative = true;
                limit = min;
            } else if (first != '+') {
                throw errorAt(s, beginIndex, endIndex, i);
            }
            i++;
            if (i == endIndex) {
                throw errorAt(s, beginIndex, endIndex, i);
            }
        }
        long multiplyMin = limit / radix;
        long result = 0;
        while (i < endIndex) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || result < multiplyMin) {
                throw errorAt(s, beginIndex, endIndex, i);
            }
            result *= radix;
            if (result < limit + digit) {
                throw errorAt(s, beginIndex, endIndex, i);
            }
            i++;
            result -= digit;
        }
        return negative ? result : -result;
    }

    private static NumberFormatException errorAt(CharSequence s, int beginIndex, int endIndex, int errorIndex) {
        return new NumberFormatException("Error at index " + (errorIndex - beginIndex) + " in: \""
                + s.subSequence(beginIndex, endIndex) + "\"");
    }

    private static void checkRadix(int radix) {
        if (radix < Character.MIN_RADIX) {
            throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        }
        if (radix > Character.MAX_RADIX) {
            throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        }
    }

    public static long parseUnsignedLong(String s, int radix) throws NumberFormatException {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        if (s.isEmpty()) {
            throw NumberFormatException.forInputString(s, radix);
        }
        return parseUnsigned(s, 0, s.length(), radix, s);
    }

    public static long parseUnsignedLong(String s) throws NumberFormatException {
        return parseUnsignedLong(s, 10);
    }

    public static long parseUnsignedLong(CharSequence s, int beginIndex, int endIndex, int radix)
            throws NumberFormatException {
        if (s == null) {
            throw new NullPointerException();
        }
        if (beginIndex < 0 || beginIndex > endIndex || endIndex > s.length()) {
            throw new IndexOutOfBoundsException();
        }
        if (beginIndex == endIndex) {
            throw NumberFormatException.forInputString("", radix);
        }
        return parseUnsigned(s, beginIndex, endIndex, radix, s.subSequence(beginIndex, endIndex));
    }

    /**
     * The JDK's algorithm: up to 12 digits (18 in base 10) cannot overflow a signed long; longer strings parse
     * all but the last digit signed, then check the top 7 bits of {@code first * radix} ({@code radix <= 36 < 2^6})
     * for overflow past 64 bits. {@code shown} is what the messages quote.
     */
    private static long parseUnsigned(CharSequence s, int beginIndex, int endIndex, int radix, CharSequence shown) {
        int length = endIndex - beginIndex;
        if (s.charAt(beginIndex) == '-') {
            throw new NumberFormatException("Illegal leading minus sign on unsigned string " + shown + ".");
        }
        if (length <= 12 || radix == 10 && length <= 18) {
            return s instanceof String && beginIndex == 0 && endIndex == s.length()
                    ? parseLong((String) s, radix) : parseLong(s, beginIndex, endIndex, radix);
        }
        long first = parseLong(s, beginIndex, endIndex - 1, radix);
        int second = Character.digit(s.charAt(endIndex - 1), radix);
        if (second < 0) {
            throw new NumberFormatException("Bad digit at end of " + shown);
        }
        long result = first * radix + second;
        int guard = radix * (int) (first >>> 57);
        if (guard >= 128 || result >= 0 && guard >= 128 - Character.MAX_RADIX) {
            throw new NumberFormatException("String value " + shown + " exceeds range of unsigned long.");
        }
        return result;
    }

    /** Integer.decode's grammar: optional sign, then 0x, 0X, # (hex), 0 (octal) or nothing (decimal). */
    public static Long decode(String nm) throws NumberFormatException {
        return valueOf(decode(nm, MIN_VALUE, MAX_VALUE));
    }

    /**
     * Parses the digits with the sign put back in front, which is what the JDK's retry after an overflow
     * amounts to (so MIN_VALUE parses, and a bad number's message quotes "-digits").
     */
    static long decode(String nm, long min, long max) throws NumberFormatException {
        if (nm.isEmpty()) {
            throw new NumberFormatException("Zero length string");
        }
        int radix = 10;
        int index = 0;
        boolean negative = false;
        char first = nm.charAt(0);
        if (first == '-') {
            negative = true;
            index++;
        } else if (first == '+') {
            index++;
        }
        if (nm.startsWith("0x", index) || nm.startsWith("0X", index)) {
            index += 2;
            radix = 16;
        } else if (nm.startsWith("#", index)) {
            index++;
            radix = 16;
        } else if (nm.startsWith("0", index) && nm.length() > 1 + index) {
            index++;
            radix = 8;
        }
        if (nm.startsWith("-", index) || nm.startsWith("+", index)) {
            throw new NumberFormatException("Sign character in wrong position");
        }
        String digits = nm.substring(index);
        return parse(negative ? "-" + digits : digits, radix, min, max);
    }

    /** Kiln has no system properties unless the program sets them, so usually the default. */
    public static Long getLong(String nm) {
        return getLong(nm, null);
    }

    public static Long getLong(String nm, long val) {
        Long result = getLong(nm, null);
        return result == null ? valueOf(val) : result;
    }

    public static Long getLong(String nm, Long val) {
        String property = nm == null || nm.isEmpty() ? null : System.getProperty(nm);
        if (property != null) {
            try {
                return decode(property);
            } catch (NumberFormatException e) {
                // the JDK answers the default for a malformed property
            }
        }
        return val;
    }

    /**
     * An optional sign and digits of {@code radix} ({@link Character#digit}), within [min, max]; the JDK's
     * messages. Accumulates negatively, as the JDK does, because |min| > max.
     */
    static long parse(String s, int radix, long min, long max) throws NumberFormatException {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        checkRadix(radix);
        int length = s.length();
        int i = 0;
        boolean negative = false;
        long limit = -max;
        if (length > 0 && s.charAt(0) < '0') {
            char sign = s.charAt(0);
            if (sign == '-') {
                negative = true;
                limit = min;
            } else if (sign != '+') {
                throw NumberFormatException.forInputString(s, radix);
            }
            i++;
        }
        if (i == length) {
            throw NumberFormatException.forInputString(s, radix);
        }
        long multiplyMin = limit / radix;
        long result = 0;
        while (i < length) {
            int digit = Character.digit(s.charAt(i++), radix);
            if (digit < 0 || result < multiplyMin) {
                throw NumberFormatException.forInputString(s, radix);
            }
            result *= radix;
            if (result < limit + digit) {
                throw NumberFormatException.forInputString(s, radix);
            }
            result -= digit;
        }
        return negative ? result : -result;
    }

    public byte byteValue() {
        return (byte) value;
    }

    public short shortValue() {
        return (short) value;
    }

    public int intValue() {
        return (int) value;
    }

    public long longValue() {
        return value;
    }

    public float floatValue() {
        return (float) value;
    }

    public double doubleValue() {
        return (double) value;
    }

    public String toString() {
        return toString(value);
    }

    public int hashCode() {
        return hashCode(value);
    }

    public static int hashCode(long value) {
        return (int) (value ^ (value >>> 32));
    }

    public boolean equals(Object obj) {
        return obj instanceof Long && value == ((Long) obj).value;
    }

    public int compareTo(Long anotherLong) {
        return compare(value, anotherLong.value);
    }

    public static int compare(long x, long y) {
        return x < y ? -1 : (x == y ? 0 : 1);
    }

    public static int compareUnsigned(long x, long y) {
        return compare(x + MIN_VALUE, y + MIN_VALUE);
    }

    /** Hacker's Delight §9-3: halve, divide, double, then correct by one. */
    public static long divideUnsigned(long dividend, long divisor) {
        if (divisor < 0) {
            return compareUnsigned(dividend, divisor) < 0 ? 0 : 1;
        }
        if (dividend >= 0) {
            return dividend / divisor;
        }
        long quotient = ((dividend >>> 1) / divisor) << 1;
        long remainder = dividend - quotient * divisor;
        return quotient + (compareUnsigned(remainder, divisor) >= 0 ? 1 : 0);
    }

    public static long remainderUnsigned(long dividend, long divisor) {
        return dividend - divideUnsigned(dividend, divisor) * divisor;
    }

    public static long highestOneBit(long i) {
        return i & (MIN_VALUE >>> numberOfLeadingZeros(i));
    }

    public static long lowestOneBit(long i) {
        return i & -i;
    }

    public static int numberOfLeadingZeros(long i) {
        int high = (int) (i >>> 32);
        return high == 0 ? 32 + Integer.numberOfLeadingZeros((int) i) : Integer.numberOfLeadingZeros(high);
    }

    public static int numberOfTrailingZeros(long i) {
        int low = (int) i;
        return low == 0 ? 32 + Integer.numberOfTrailingZeros((int) (i >>> 32)) : Integer.numberOfTrailingZeros(low);
    }

    public static int bitCount(long i) {
        return Integer.bitCount((int) i) + Integer.bitCount((int) (i >>> 32));
    }

    public static long rotateLeft(long i, int distance) {
        return (i << distance) | (i >>> -distance);
    }

    public static long rotateRight(long i, int distance) {
        return (i >>> distance) | (i << -distance);
    }

    public static long reverse(long i) {
        return (long) Integer.reverse((int) i) << 32 | Integer.reverse((int) (i >>> 32)) & 0xFFFF_FFFFL;
    }

    public static long reverseBytes(long i) {
        return (long) Integer.reverseBytes((int) i) << 32 | Integer.reverseBytes((int) (i >>> 32)) & 0xFFFF_FFFFL;
    }

    public static int signum(long i) {
        return (int) ((i >> 63) | (-i >>> 63));
    }

    public static long sum(long a, long b) {
        return a + b;
    }

    public static long max(long a, long b) {
        return Math.max(a, b);
    }

    public static long min(long a, long b) {
        return Math.min(a, b);
    }
}
