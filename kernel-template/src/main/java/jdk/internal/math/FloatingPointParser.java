package jdk.internal.math;

/**
 * {@code Double.parseDouble} and {@code Float.parseFloat} for Kiln: the grammar of {@code Double.valueOf(String)}
 * (JLS §3.10.2 literals with optional sign, suffix, "NaN", "Infinity", surrounding whitespace) read by hand.
 * The JDK's {@code FloatingDecimal.readJavaFormatString} matches hexadecimal input with a regular expression,
 * which pulls java.util.regex (and Unicode normalization) into every program that parses a number. Decimal
 * input goes on to the JDK's own correctly rounded conversion ({@link FloatingDecimal.ASCIIToBinaryBuffer}),
 * given exactly what the JDK's reader would give it; hexadecimal input is rounded here (IEEE 754 §4.3.1,
 * round to nearest, ties to even), separately for double and float as the JDK does, so that a float is not
 * rounded twice. Error messages are the JDK's.
 */
public final class FloatingPointParser {
    /** A decimal exponent beyond which every value is zero or infinite (JDK: BIG_DECIMAL_EXPONENT). */
    private static final int BIG_DECIMAL_EXPONENT = 324;

    private FloatingPointParser() {
    }

    public static double parseDouble(String s) {
        return read(s, false);
    }

    public static float parseFloat(String s) {
        return (float) read(s, true);
    }

    /** The value of {@code s} as a double, or, with {@code asFloat}, as a float (exactly representable as a double). */
    private static double read(String s, boolean asFloat) {
        String in = s.trim();
        int length = in.length();
        if (length == 0) {
            throw new NumberFormatException("empty String");
        }
        int i = 0;
        boolean negative = false;
        boolean signSeen = false;
        char c = in.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            signSeen = true;
            i++;
            if (i == length) {
                throw badInput(in);
            }
        }
        c = in.charAt(i);
        if (c == 'N' || c == 'I') {
            String word = c == 'N' ? "NaN" : "Infinity";
            if (length - i != word.length() || !in.startsWith(word, i)) {
                throw badInput(in);
            }
            return c == 'N' ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (c == '0' && i + 1 < length && (in.charAt(i + 1) == 'x' || in.charAt(i + 1) == 'X')) {
            return readHex(in, i + 2, negative, asFloat);
        }
        return readDecimal(in, i, signSeen, negative, asFloat);
    }

    private static NumberFormatException badInput(String in) {
        return new NumberFormatException("For input string: \"" + in + "\"");
    }

    /**
     * Digits with at most one point, then an optional exponent and an optional type suffix. The value is
     * 0.d1d2...dn × 10^decimalExponent with d1 not zero and trailing zeros dropped, the form that
     * {@link FloatingDecimal.ASCIIToBinaryBuffer} takes.
     */
    private static double readDecimal(String in, int start, boolean signSeen, boolean negative, boolean asFloat) {
        int length = in.length();
        char[] digits = new char[length];
        int nDigits = 0;
        int nLeadZero = 0;
        int nTrailZero = 0;
        int pointAt = 0;
        boolean pointSeen = false;
        int i = start;
        boolean leading = true;
        for (; i < length; i++) {
            char c = in.charAt(i);
            if (c == '.') {
                if (pointSeen) {
                    throw new NumberFormatException("multiple points");
                }
                // The JDK counts the point's position in the string, less one for a sign.
                pointAt = signSeen ? i - 1 : i;
                pointSeen = true;
            } else if (c == '0') {
                if (leading) {
                    nLeadZero++;
                } else {
                    digits[nDigits++] = c;
                    nTrailZero++;
                }
            } else if (c >= '1' && c <= '9') {
                leading = false;
                digits[nDigits++] = c;
                nTrailZero = 0;
            } else {
                break;
            }
        }
        nDigits -= nTrailZero;
        boolean zero = nDigits == 0;
        if (zero && nLeadZero == 0) {
            throw badInput(in);
        }
        int decimalExponent = pointSeen ? pointAt - nLeadZero : nDigits + nTrailZero;
        if (i < length && (in.charAt(i) == 'e' || in.charAt(i) == 'E')) {
            i++;
            int sign = 1;
            if (i < length && (in.charAt(i) == '-' || in.charAt(i) == '+')) {
                sign = in.charAt(i) == '-' ? -1 : 1;
                i++;
            }
            int digitsAt = i;
            int value = 0;
            boolean overflow = false;
            for (; i < length && in.charAt(i) >= '0' && in.charAt(i) <= '9'; i++) {
                if (value >= Integer.MAX_VALUE / 10) {
                    overflow = true;
                }
                value = value * 10 + (in.charAt(i) - '0');
            }
            if (i == digitsAt) {
                throw badInput(in);
            }
            // As the JDK: an exponent this large replaces the position of the point rather than adding to it.
            int limit = BIG_DECIMAL_EXPONENT + nDigits + nTrailZero;
            decimalExponent = overflow || value > limit ? sign * limit : decimalExponent + sign * value;
        }
        if (i < length && (i != length - 1 || "fFdD".indexOf(in.charAt(i)) < 0)) {
            throw badInput(in);
        }
        if (zero) {
            return negative ? -0.0 : 0.0;
        }
        FloatingDecimal.ASCIIToBinaryBuffer buffer = new FloatingDecimal.ASCIIToBinaryBuffer(negative, decimalExponent, digits, nDigits);
        return asFloat ? buffer.floatValue() : buffer.doubleValue();
    }

    /**
     * {@code 0x} (already read at {@code start - 2}), hex digits with at most one point and at least one digit,
     * then a mandatory binary exponent {@code p} with decimal digits, then an optional type suffix.
     */
    private static double readHex(String in, int start, boolean negative, boolean asFloat) {
        int length = in.length();
        int i = start;
        // The first 15 significant hex digits (60 bits); the rest only shift the value and set the sticky bit.
        long significand = 0;
        int kept = 0;
        long scale = 0;
        boolean sticky = false;
        boolean pointSeen = false;
        int digitCount = 0;
        for (; i < length; i++) {
            char c = in.charAt(i);
            if (c == '.') {
                if (pointSeen) {
                    throw badInput(in);
                }
                pointSeen = true;
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                break;
            }
            digitCount++;
            if (pointSeen) {
                scale -= 4;
            }
            if (significand == 0 && digit == 0) {
                continue;
            }
            if (kept < 15) {
                significand = significand << 4 | digit;
                kept++;
            } else {
                scale += 4;
                sticky |= digit != 0;
            }
        }
        if (digitCount == 0 || i == length || (in.charAt(i) != 'p' && in.charAt(i) != 'P')) {
            throw badInput(in);
        }
        i++;
        boolean negativeExponent = false;
        if (i < length && (in.charAt(i) == '-' || in.charAt(i) == '+')) {
            negativeExponent = in.charAt(i) == '-';
            i++;
        }
        int exponentAt = i;
        long exponent = 0;
        for (; i < length && in.charAt(i) >= '0' && in.charAt(i) <= '9'; i++) {
            // Saturate: anything beyond int range is zero or infinite whatever the digits (the JDK's result too).
            exponent = Math.min(exponent * 10 + (in.charAt(i) - '0'), 1L << 40);
        }
        if (i == exponentAt || (i < length && (i != length - 1 || "fFdD".indexOf(in.charAt(i)) < 0))) {
            throw badInput(in);
        }
        if (significand == 0) {
            return negative ? -0.0 : 0.0;
        }
        long binaryExponent = (negativeExponent ? -exponent : exponent) + scale;
        double magnitude = asFloat
                ? Float.intBitsToFloat((int) round(significand, binaryExponent, sticky, 24, -126, 127))
                : Double.longBitsToDouble(round(significand, binaryExponent, sticky, 53, -1022, 1023));
        return negative ? -magnitude : magnitude;
    }

    /** The value of an ASCII hex digit (the JDK's pattern uses {@code \p{XDigit}}, which is ASCII only), or -1. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /**
     * The IEEE 754 bits (sign clear) of significand × 2^exponent, plus a little more if {@code sticky}, rounded
     * to nearest, ties to even, in a format with {@code precision} significand bits and normal exponents
     * {@code minExponent..maxExponent}: subnormal below, infinite above.
     */
    private static long round(long significand, long exponent, boolean sticky, int precision, int minExponent, int maxExponent) {
        int bitLength = 64 - Long.numberOfLeadingZeros(significand);
        long leadExponent = exponent + bitLength - 1;
        if (leadExponent > maxExponent + 1) {
            return infinityBits(precision, maxExponent);
        }
        // The weight of the result's last bit: that of a normal number, or the fixed one of subnormals.
        long lastBitExponent = Math.max(leadExponent, minExponent) - (precision - 1);
        long shift = lastBitExponent - exponent;
        long result;
        if (shift <= 0) {
            result = significand << -shift;
        } else if (shift > 63) {
            return 0;
        } else {
            result = significand >>> shift;
            long rest = significand & ((1L << shift) - 1);
            long half = 1L << (shift - 1);
            if (rest > half || (rest == half && (sticky || (result & 1) != 0))) {
                result++;
            }
        }
        if (result == 1L << precision) {
            result >>>= 1;
            lastBitExponent++;
        }
        if (result == 0) {
            return 0;
        }
        if (result < 1L << (precision - 1)) {
            return result;
        }
        long biasedExponent = lastBitExponent + (precision - 1) + maxExponent;
        if (biasedExponent >= 2L * maxExponent + 1) {
            return infinityBits(precision, maxExponent);
        }
        return biasedExponent << (precision - 1) | (result & ((1L << (precision - 1)) - 1));
    }

    private static long infinityBits(int precision, int maxExponent) {
        return (2L * maxExponent + 1) << (precision - 1);
    }
}
