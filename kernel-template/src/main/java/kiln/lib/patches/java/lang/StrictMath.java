package kiln.lib.patches.java.lang;

import kiln.lib.math.Fdlibm;

/**
 * Replaces the natives of the JDK's {@code java.lang.StrictMath} (see the compiler's JdkMethodPatches): JDK 17
 * computes sin, cos, tan, asin, acos, atan, atan2, log, log10, log1p, expm1, sinh, cosh, tanh and
 * IEEEremainder in the C fdlibm, and Kiln with {@link Fdlibm}, bit for bit the same results (docs/compiler.md
 * "The class library"). {@code sqrt} stays native: the compiler turns it into {@code sqrtsd}. Everything else,
 * exp, pow, cbrt and hypot ({@code java.lang.FdLibm}), floor, ceil, rint and the exact arithmetic, is the JDK's
 * bytecode.
 */
public final class StrictMath {
    private StrictMath() {
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

    public static double log(double a) {
        return Fdlibm.log(a);
    }

    public static double log10(double a) {
        return Fdlibm.log10(a);
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

    public static double expm1(double a) {
        return Fdlibm.expm1(a);
    }

    public static double log1p(double a) {
        return Fdlibm.log1p(a);
    }

    public static double IEEEremainder(double a, double b) {
        return Fdlibm.IEEEremainder(a, b);
    }

    public static double atan2(double a, double b) {
        return Fdlibm.atan2(a, b);
    }
}
