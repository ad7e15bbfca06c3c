package java.lang;

import java.lang.constant.Constable;
import java.lang.constant.ConstantDesc;
import java.lang.invoke.MethodHandles;
import java.util.Optional;
import jdk.internal.math.FloatingDecimal;

/**
 * The double box: a class the compiler knows by layout (boxing, the constant {@code TYPE}). It parses and
 * formats with the JDK's own {@link FloatingDecimal} bytecode, as the JDK's box does (hexadecimal strings
 * through its {@code java.util.regex} pattern).
 */
public final class Double extends Number implements Comparable<Double>, Constable, ConstantDesc {
    public static final double POSITIVE_INFINITY = 1.0 / 0.0;
    public static final double NEGATIVE_INFINITY = -1.0 / 0.0;
    public static final double NaN = 0.0 / 0.0;
    public static final double MAX_VALUE = 0x1.fffffffffffffP+1023;
    public static final double MIN_NORMAL = 0x1.0p-1022;
    public static final double MIN_VALUE = 0x0.0000000000001P-1022;
    public static final int MAX_EXPONENT = 1023;
    public static final int MIN_EXPONENT = -1022;
    public static final int SIZE = 64;
    public static final int BYTES = 8;
    @SuppressWarnings("unchecked")
    public static final Class<Double> TYPE = (Class<Double>) Class.getPrimitiveClass("double");

    private final double value;

    @Deprecated(since = "9")
    public Double(double value) {
        this.value = value;
    }

    @Deprecated(since = "9")
    public Double(String s) throws NumberFormatException {
        value = parseDouble(s);
    }

    public static String toString(double d) {
        return FloatingDecimal.toJavaFormatString(d);
    }

    /**
     * The hexadecimal form that the {@code Double.toHexString} javadoc specifies: "0x1." and the 13 hex digits
     * of the fraction without trailing zeros (at least one digit), then "p" and the binary exponent; subnormal
     * numbers as "0x0." ... "p-1022"; zero as "0x0.0p0"; NaN and infinities as {@link #toString(double)}.
     */
    public static String toHexString(double d) {
        if (!isFinite(d)) {
            return toString(d);
        }
        long bits = doubleToRawLongBits(d);
        StringBuilder hex = new StringBuilder(24);
        if (bits < 0) {
            hex.append('-');
        }
        int biasedExponent = (int) (bits >>> 52) & 0x7ff;
        long fraction = bits & 0xfffffffffffffL;
        if (biasedExponent == 0 && fraction == 0) {
            return hex.append("0x0.0p0").toString();
        }
        hex.append(biasedExponent == 0 ? "0x0." : "0x1.");
        appendFractionDigits(hex, fraction, 13);
        return hex.append('p').append(biasedExponent == 0 ? MIN_EXPONENT : biasedExponent - 1023).toString();
    }

    /** The {@code count} hex digits of {@code fraction}, most significant first, less trailing zeros but one. */
    static void appendFractionDigits(StringBuilder hex, long fraction, int count) {
        int last = count - 1;
        while (last > 0 && ((fraction >>> (4 * (count - 1 - last))) & 0xf) == 0) {
            last--;
        }
        for (int i = 0; i <= last; i++) {
            hex.append(Character.forDigit((int) (fraction >>> (4 * (count - 1 - i))) & 0xf, 16));
        }
    }

    public static Double valueOf(String s) throws NumberFormatException {
        return new Double(parseDouble(s));
    }

    public static Double valueOf(double d) {
        return new Double(d);
    }

    public static double parseDouble(String s) throws NumberFormatException {
        return FloatingDecimal.parseDouble(s);
    }

    public static boolean isNaN(double v) {
        return v != v;
    }

    public static boolean isInfinite(double v) {
        return v == POSITIVE_INFINITY || v == NEGATIVE_INFINITY;
    }

    public static boolean isFinite(double d) {
        return Math.abs(d) <= MAX_VALUE;
    }

    public boolean isNaN() {
        return isNaN(value);
    }

    public boolean isInfinite() {
        return isInfinite(value);
    }

    @Override
    public String toString() {
        return toString(value);
    }

    @Override
    public byte byteValue() {
        return (byte) value;
    }

    @Override
    public short shortValue() {
        return (short) value;
    }

    @Override
    public int intValue() {
        return (int) value;
    }

    @Override
    public long longValue() {
        return (long) value;
    }

    @Override
    public float floatValue() {
        return (float) value;
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public int hashCode() {
        return hashCode(value);
    }

    public static int hashCode(double value) {
        long bits = doubleToLongBits(value);
        return (int) (bits ^ (bits >>> 32));
    }

    /** Equal bit patterns, after folding every NaN into one: NaN equals NaN, 0.0 does not equal -0.0. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Double other && doubleToLongBits(other.value) == doubleToLongBits(value);
    }

    /** The bits, with every NaN folded into the canonical one. */
    public static long doubleToLongBits(double value) {
        return isNaN(value) ? 0x7ff8000000000000L : doubleToRawLongBits(value);
    }

    public static native long doubleToRawLongBits(double value);

    public static native double longBitsToDouble(long bits);

    @Override
    public int compareTo(Double anotherDouble) {
        return compare(value, anotherDouble.value);
    }

    /** Numeric order, except that -0.0 is below 0.0 and NaN is above everything (and equal to itself). */
    public static int compare(double a, double b) {
        if (a < b) {
            return -1;
        }
        if (a > b) {
            return 1;
        }
        return Long.compare(doubleToLongBits(a), doubleToLongBits(b));
    }

    public static double sum(double a, double b) {
        return a + b;
    }

    public static double max(double a, double b) {
        return Math.max(a, b);
    }

    public static double min(double a, double b) {
        return Math.min(a, b);
    }

    @Override
    public Optional<Double> describeConstable() {
        return Optional.of(this);
    }

    @Override
    public Double resolveConstantDesc(MethodHandles.Lookup lookup) {
        return this;
    }
}
