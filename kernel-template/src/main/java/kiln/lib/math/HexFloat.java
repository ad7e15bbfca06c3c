package kiln.lib.math;

/**
 * Hexadecimal floating-point strings ({@code 0x1.8p3}, JLS §3.10.2) for the JDK's {@code FloatingDecimal}, whose
 * {@code parseHexString} the compiler points here (FloatingDecimalHexPatch). The JDK matches them with a regular
 * expression, which put {@code java.util.regex} with the Unicode tables under it (about 2,300 methods and 1 MB of
 * code) into every image that parses a {@code double}, hexadecimal or not; the rest of {@code FloatingDecimal},
 * the decimal conversion included, stays the JDK's bytecode. Rounded here to nearest, ties to even (IEEE 754
 * §4.3.1), separately for {@code double} and {@code float} as the JDK does, so that a float is not rounded
 * twice; malformed input throws the JDK's {@code NumberFormatException}.
 */
public final class HexFloat {
    private HexFloat() {
    }

    /** {@code s}, trimmed, with an optional sign then {@code 0x} or {@code 0X}, as a double. */
    public static double parseDouble(String s) {
        return read(s, false);
    }

    /** As {@link #parseDouble}, rounded once, to a float. */
    public static float parseFloat(String s) {
        return (float) read(s, true);
    }

    private static double read(String in, boolean asFloat) {
        int i = 0;
        boolean negative = false;
        if (!in.isEmpty() && (in.charAt(0) == '-' || in.charAt(0) == '+')) {
            negative = in.charAt(0) == '-';
            i++;
        }
        if (in.length() < i + 2 || in.charAt(i) != '0' || (in.charAt(i + 1) != 'x' && in.charAt(i + 1) != 'X')) {
            throw badInput(in);
        }
        return readHex(in, i + 2, negative, asFloat);
    }

    private static NumberFormatException badInput(String in) {
        return new NumberFormatException("For input string: \"" + in + "\"");
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
