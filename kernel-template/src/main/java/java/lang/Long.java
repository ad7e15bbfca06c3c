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

    /**
     * An optional sign and digits of {@code radix} ({@link Character#digit}), within [min, max]; the JDK's
     * messages. Accumulates negatively, as the JDK does, because |min| > max.
     */
    static long parse(String s, int radix, long min, long max) throws NumberFormatException {
        if (s == null) {
            throw new NumberFormatException("Cannot parse null string");
        }
        if (radix < Character.MIN_RADIX) {
            throw new NumberFormatException("radix " + radix + " less than Character.MIN_RADIX");
        }
        if (radix > Character.MAX_RADIX) {
            throw new NumberFormatException("radix " + radix + " greater than Character.MAX_RADIX");
        }
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
