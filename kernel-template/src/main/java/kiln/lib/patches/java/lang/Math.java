package kiln.lib.patches.java.lang;

import kiln.lib.math.RoundedMath;

/**
 * Replaces seven methods of the JDK's {@code java.lang.Math} (see the compiler's JdkMethodPatches): the
 * JDK's bytecode computes them with fdlibm through {@code StrictMath}, where HotSpot runs nearly correctly
 * rounded intrinsics, and programs compared with HotSpot must print the same digits. The rest of
 * {@code Math} is the JDK's own bytecode.
 */
public final class Math {
    private Math() {
    }

    public static double exp(double a) {
        return RoundedMath.exp(a);
    }

    public static double log(double a) {
        return RoundedMath.log(a);
    }

    public static double log10(double a) {
        return RoundedMath.log10(a);
    }

    public static double pow(double a, double b) {
        return RoundedMath.pow(a, b);
    }

    public static double sin(double a) {
        return RoundedMath.sin(a);
    }

    public static double cos(double a) {
        return RoundedMath.cos(a);
    }

    public static double tan(double a) {
        return RoundedMath.tan(a);
    }
}
