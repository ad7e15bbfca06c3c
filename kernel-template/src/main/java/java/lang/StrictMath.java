package java.lang;

import jdk.internal.math.DoubleConsts;
import kiln.lib.math.Fdlibm;

/**
 * The strict (fdlibm-exact) math functions. JDK 17 implements most transcendental ones as natives of the
 * C fdlibm. Kiln computes those with its own {@link Fdlibm}; exp, pow, cbrt and hypot run the JDK's own
 * bytecode ({@code java.lang.FdLibm}, in Java since JDK 9), compiled by Kiln like the rest of the class
 * library. {@code sqrt} stays native: the compiler turns it into {@code sqrtsd} (docs/abi.md "Intrinsics"),
 * which is correctly rounded as IEEE 754 requires. The rest are specified exactly and delegate to
 * {@link Math}, as in the JDK.
 */
public final class StrictMath {
    public static final double E = 2.718281828459045;
    public static final double PI = 3.141592653589793;

    private StrictMath() {}

    public static native double sqrt(double a);

    public static double ceil(double a) {
        return floorOrCeil(a, -0.0, 1.0, 1.0);
    }

    public static double floor(double a) {
        return floorOrCeil(a, -1.0, 0.0, -1.0);
    }

    /** The JDK's algorithm: clear the fraction bits below the binary point, then step toward the boundary. */
    private static double floorOrCeil(double a, double negativeBoundary, double positiveBoundary, double sign) {
        int exponent = Math.getExponent(a);
        if (exponent < 0) {
            // |a| < 1: floorOrCeil(-0.0) is -0.0, floorOrCeil(+0.0) is +0.0
            return a == 0.0 ? a : a < 0.0 ? negativeBoundary : positiveBoundary;
        } else if (exponent >= 52) {
            return a; // infinity, NaN, or too large to have a fraction
        }
        long doppel = Double.doubleToRawLongBits(a);
        long mask = DoubleConsts.SIGNIF_BIT_MASK >> exponent;
        if ((mask & doppel) == 0L) {
            return a; // integral value
        }
        double result = Double.longBitsToDouble(doppel & ~mask);
        if (sign * a > 0.0) {
            result = result + sign;
        }
        return result;
    }

    /** Below 2^52, adding and subtracting 2^52 rounds the fraction away (round half even), as in the JDK. */
    public static double rint(double a) {
        double twoToThe52 = (double) (1L << 52);
        double sign = Math.copySign(1.0, a);
        a = Math.abs(a);
        if (a < twoToThe52) {
            a = (twoToThe52 + a) - twoToThe52;
        }
        return sign * a;
    }

    public static double sin(double a) {
        return Fdlibm.sin(a);
    }

    public static double cos(double a) {
        return Fdlibm.cos(a);
    }

    public static double tan(double a) {
        return Fdlibm.tan(a);
    }

    public static double asin(double a) {
        return Fdlibm.asin(a);
    }

    public static double acos(double a) {
        return Fdlibm.acos(a);
    }

    public static double atan(double a) {
        return Fdlibm.atan(a);
    }

    public static double toRadians(double a) {
        return Math.toRadians(a);
    }

    public static double toDegrees(double a) {
        return Math.toDegrees(a);
    }

    public static double exp(double a) {
        return FdLibm.Exp.compute(a);
    }

    public static double log(double a) {
        return Fdlibm.log(a);
    }

    public static double log10(double a) {
        return Fdlibm.log10(a);
    }

    public static double cbrt(double a) {
        return FdLibm.Cbrt.compute(a);
    }

    public static double IEEEremainder(double a, double b) {
        return Fdlibm.IEEEremainder(a, b);
    }

    public static double atan2(double a, double b) {
        return Fdlibm.atan2(a, b);
    }

    public static double pow(double a, double b) {
        return FdLibm.Pow.compute(a, b);
    }

    public static int round(float a) {
        return Math.round(a);
    }

    public static long round(double a) {
        return Math.round(a);
    }

    public static double random() {
        return Math.random();
    }

    public static int addExact(int x, int y) {
        return Math.addExact(x, y);
    }

    public static long addExact(long x, long y) {
        return Math.addExact(x, y);
    }

    public static int subtractExact(int x, int y) {
        return Math.subtractExact(x, y);
    }

    public static long subtractExact(long x, long y) {
        return Math.subtractExact(x, y);
    }

    public static int multiplyExact(int x, int y) {
        return Math.multiplyExact(x, y);
    }

    public static long multiplyExact(long x, int y) {
        return Math.multiplyExact(x, y);
    }

    public static long multiplyExact(long x, long y) {
        return Math.multiplyExact(x, y);
    }

    public static int incrementExact(int x) {
        return Math.incrementExact(x);
    }

    public static long incrementExact(long x) {
        return Math.incrementExact(x);
    }

    public static int decrementExact(int x) {
        return Math.decrementExact(x);
    }

    public static long decrementExact(long x) {
        return Math.decrementExact(x);
    }

    public static int negateExact(int x) {
        return Math.negateExact(x);
    }

    public static long negateExact(long x) {
        return Math.negateExact(x);
    }

    public static int toIntExact(long x) {
        return Math.toIntExact(x);
    }

    public static long multiplyFull(int x, int y) {
        return Math.multiplyFull(x, y);
    }

    public static long multiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y);
    }

    public static int floorDiv(int x, int y) {
        return Math.floorDiv(x, y);
    }

    public static long floorDiv(long x, int y) {
        return Math.floorDiv(x, y);
    }

    public static long floorDiv(long x, long y) {
        return Math.floorDiv(x, y);
    }

    public static int floorMod(int x, int y) {
        return Math.floorMod(x, y);
    }

    public static int floorMod(long x, int y) {
        return Math.floorMod(x, y);
    }

    public static long floorMod(long x, long y) {
        return Math.floorMod(x, y);
    }

    public static int abs(int x) {
        return Math.abs(x);
    }

    public static int absExact(int x) {
        return Math.absExact(x);
    }

    public static long abs(long x) {
        return Math.abs(x);
    }

    public static long absExact(long x) {
        return Math.absExact(x);
    }

    public static float abs(float a) {
        return Math.abs(a);
    }

    public static double abs(double a) {
        return Math.abs(a);
    }

    public static int max(int x, int y) {
        return Math.max(x, y);
    }

    public static long max(long x, long y) {
        return Math.max(x, y);
    }

    public static float max(float a, float b) {
        return Math.max(a, b);
    }

    public static double max(double a, double b) {
        return Math.max(a, b);
    }

    public static int min(int x, int y) {
        return Math.min(x, y);
    }

    public static long min(long x, long y) {
        return Math.min(x, y);
    }

    public static float min(float a, float b) {
        return Math.min(a, b);
    }

    public static double min(double a, double b) {
        return Math.min(a, b);
    }

    public static double fma(double a, double b, double c) {
        return Math.fma(a, b, c);
    }

    public static float fma(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    public static double ulp(double a) {
        return Math.ulp(a);
    }

    public static float ulp(float a) {
        return Math.ulp(a);
    }

    public static double signum(double a) {
        return Math.signum(a);
    }

    public static float signum(float a) {
        return Math.signum(a);
    }

    public static double sinh(double a) {
        return Fdlibm.sinh(a);
    }

    public static double cosh(double a) {
        return Fdlibm.cosh(a);
    }

    public static double tanh(double a) {
        return Fdlibm.tanh(a);
    }

    public static double hypot(double a, double b) {
        return FdLibm.Hypot.compute(a, b);
    }

    public static double expm1(double a) {
        return Fdlibm.expm1(a);
    }

    public static double log1p(double a) {
        return Fdlibm.log1p(a);
    }

    public static double copySign(double a, double b) {
        return Math.copySign(a, b);
    }

    public static float copySign(float a, float b) {
        return Math.copySign(a, b);
    }

    public static int getExponent(float a) {
        return Math.getExponent(a);
    }

    public static int getExponent(double a) {
        return Math.getExponent(a);
    }

    public static double nextAfter(double a, double b) {
        return Math.nextAfter(a, b);
    }

    public static float nextAfter(float a, double b) {
        return Math.nextAfter(a, b);
    }

    public static double nextUp(double a) {
        return Math.nextUp(a);
    }

    public static float nextUp(float a) {
        return Math.nextUp(a);
    }

    public static double nextDown(double a) {
        return Math.nextDown(a);
    }

    public static float nextDown(float a) {
        return Math.nextDown(a);
    }

    public static double scalb(double x, int y) {
        return Math.scalb(x, y);
    }

    public static float scalb(float x, int y) {
        return Math.scalb(x, y);
    }
}
