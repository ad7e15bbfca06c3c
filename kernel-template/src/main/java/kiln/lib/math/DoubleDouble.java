package kiln.lib.math;

/**
 * A value held as an unevaluated sum hi + lo with |lo| <= ulp(hi)/2, about 106 significant bits, and the
 * error-free transformations it is built on: Dekker's product and Knuth's sum (Dekker, Numerische
 * Mathematik 18, 1971; Knuth, TAOCP vol. 2 §4.2.2). The operations update the receiver, so that a function
 * allocates one accumulator rather than one object per step.
 * <i>Rejected</i>: {@code Math.fma} for the product error; the JDK's Java fallback for it runs through
 * BigDecimal, which would pull that class into every program using these functions.
 */
final class DoubleDouble {
    /** 2^27 + 1: splits a double into two halves of at most 26 significant bits each. */
    private static final double SPLITTER = 134217729.0;

    double hi;
    double lo;

    DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
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

    /** Sets this to s + tail renormalized, for a tail much smaller than s. */
    DoubleDouble setSum(double s, double tail) {
        hi = s + tail;
        lo = tail - (hi - s);
        return this;
    }

    DoubleDouble add(double bHi, double bLo) {
        double s = hi + bHi;
        return setSum(s, sumError(hi, bHi, s) + lo + bLo);
    }

    DoubleDouble multiply(double bHi, double bLo) {
        double p = hi * bHi;
        return setSum(p, productError(hi, bHi, p) + (hi * bLo + lo * bHi));
    }

    DoubleDouble divide(double bHi, double bLo) {
        double q = hi / bHi;
        double p = q * bHi;
        double remainder = ((hi - p) - productError(q, bHi, p)) + lo - q * bLo;
        return setSum(q, remainder / bHi);
    }

    DoubleDouble negate() {
        hi = -hi;
        lo = -lo;
        return this;
    }

    /** The square root, one Newton step from the double one. */
    DoubleDouble sqrt() {
        double s = Math.sqrt(hi);
        double square = s * s;
        double remainder = ((hi - square) - productError(s, s, square)) + lo;
        return setSum(s, remainder / (2.0 * s));
    }

    double value() {
        return hi + lo;
    }
}
