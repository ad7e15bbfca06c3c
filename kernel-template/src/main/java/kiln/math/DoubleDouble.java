package kiln.math;

/**
 * Error-free transformations for double-double arithmetic (a value held as an unevaluated sum hi + lo):
 * Dekker's product and Knuth's sum (Dekker, Numerische Mathematik 18, 1971; Knuth, TAOCP vol. 2 §4.2.2).
 * <i>Rejected</i>: {@code Math.fma} for the product error; the JDK's Java fallback for it runs through
 * BigDecimal, which would pull that class into every program using these functions.
 */
final class DoubleDouble {
    /** 2^27 + 1: splits a double into two halves of at most 26 significant bits each. */
    private static final double SPLITTER = 134217729.0;

    private DoubleDouble() {
    }

    /** a * b - p exactly, for p = a * b rounded, when neither a nor b is above 2^996. */
    static double productError(double a, double b, double p) {
        double aBig = SPLITTER * a;
        double aHi = aBig - (aBig - a);
        double aLo = a - aHi;
        double bBig = SPLITTER * b;
        double bHi = bBig - (bBig - b);
        double bLo = b - bHi;
        return ((aHi * bHi - p) + aHi * bLo + aLo * bHi) + aLo * bLo;
    }

    /** a + b - s exactly, for s = a + b rounded. */
    static double sumError(double a, double b, double s) {
        double bVirtual = s - a;
        return (a - (s - bVirtual)) + (b - bVirtual);
    }
}
