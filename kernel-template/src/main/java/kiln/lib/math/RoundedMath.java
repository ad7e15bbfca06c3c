package kiln.lib.math;

/**
 * {@code Math}'s exp, log, log10, pow, sin, cos and tan as HotSpot gives them on x86-64: nearly correctly
 * rounded. HotSpot compiles these to intrinsics (Intel's LIBM) whose results are the correctly rounded ones
 * in well over 99 % of cases, while fdlibm's ({@code StrictMath}, which the JDK's bytecode for {@code Math}
 * calls) agree with them in only about 90 %. The javadoc allows either (1 ulp, semi-monotonic); programs
 * compared with HotSpot see the difference in their last digit.
 *
 * <p>Design: every function evaluates its result as a double-double (see {@link DoubleDouble}) with a
 * relative error near 2^-67 and rounds that once, so the result is the correctly rounded one unless the
 * exact value lies within 2^-67 of the midpoint between two doubles (about one input in 10^4, fewer for most
 * functions).
 * <ul>
 * <li>exp: x = (64m + j) ln2/64 + r with |r| <= ln2/128; exp x = 2^m 2^(j/64) e^r, the 64 values 2^(j/64) in
 * a double-double table, e^r - 1 a Taylor polynomial.
 * <li>log: x = 2^k m with m in [sqrt(1/2), sqrt 2), m = c(1 + r) for the nearest c = j/128, so |r| < 1/180;
 * log x = k ln2 + log c + log(1 + r), log c from a double-double table and log(1 + r) from its series with
 * the leading terms in double-double.
 * <li>log10: log x times 1/ln 10, in double-double, so log10(10^n) is exactly n.
 * <li>pow: exp(y log x) with both steps in double-double (y log x must be right to 2^-76 relative for
 * exp of it to be right to 2^-67, since |y log x| reaches 745); the javadoc's special cases first.
 * <li>sin, cos, tan: reduced by {@link PiOverTwoReduction} (exact) to |r| <= pi/4; r = a + b with a = k/64,
 * sin and cos of a from double-double tables, of b (|b| <= 1/128) from Taylor polynomials, then the
 * addition formulas; tan = sin / cos in double-double.
 * </ul>
 * The tables are computed when the class initializes (about 3,000 double-double operations), from exact
 * rationals and series, rather than stored: they are then visibly what they claim to be. <i>Rejected</i>:
 * exact rounding with a multiple-precision fallback (Ziv's method, as CORE-MATH does); it needs a second,
 * much larger implementation for one input in 10^4, and HotSpot is not correctly rounded either.
 */
public final class RoundedMath {
    private static final double LN2_HI = 0x1.62e42fefa3800p-1; // 42 bits: k * LN2_HI is exact for |k| < 2^11
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    private static final double LN2_OVER_64_HI = 0x1.62e42fefa0000p-7; // 36 bits: exact times |k| < 2^17
    private static final double LN2_OVER_64_LO = 0x1.cf79abc9e3b3ap-46;
    private static final double SIXTY_FOUR_OVER_LN2 = 0x1.71547652b82fep6;
    private static final double INVERSE_LN10_HI = 0x1.bcb7b1526e50ep-2;
    private static final double INVERSE_LN10_LO = 0x1.95355baaafad3p-57;
    private static final double SQRT_2 = 0x1.6a09e667f3bcdp0;

    /** 2^(j/64), j = 0..63. */
    private static final double[] EXP2_HI = new double[64];
    private static final double[] EXP2_LO = new double[64];
    /** log(j/128) for j = 90..182 (the centers for m in [sqrt(1/2), sqrt 2)), indexed by j. */
    private static final double[] LOG_HI = new double[183];
    private static final double[] LOG_LO = new double[183];
    /** sin(k/64) and cos(k/64), k = 0..51 (51/64 > pi/4). */
    private static final double[] SIN_HI = new double[52];
    private static final double[] SIN_LO = new double[52];
    private static final double[] COS_HI = new double[52];
    private static final double[] COS_LO = new double[52];

    static {
        // 2^(1/64) by six square roots of 2, then its powers: 64 products lose under 2^-98
        DoubleDouble step = new DoubleDouble(2.0, 0.0);
        for (int i = 0; i < 6; i++) {
            step.sqrt();
        }
        DoubleDouble power = new DoubleDouble(1.0, 0.0);
        for (int j = 0; j < 64; j++) {
            EXP2_HI[j] = power.hi;
            EXP2_LO[j] = power.lo;
            power.multiply(step.hi, step.lo);
        }
        // log(j/128) = 2 atanh(t), t = (j - 128) / (j + 128) <= 0.175: 24 terms of t^(2n+1) / (2n+1)
        for (int j = 90; j < LOG_HI.length; j++) {
            DoubleDouble t = new DoubleDouble(j - 128, 0.0).divide(j + 128, 0.0);
            DoubleDouble tSquared = new DoubleDouble(t.hi, t.lo).multiply(t.hi, t.lo);
            DoubleDouble sum = new DoubleDouble(0.0, 0.0);
            for (int n = 24; n >= 0; n--) {
                DoubleDouble coefficient = new DoubleDouble(1.0, 0.0).divide(2 * n + 1, 0.0);
                sum.multiply(tSquared.hi, tSquared.lo).add(coefficient.hi, coefficient.lo);
            }
            sum.multiply(t.hi, t.lo).multiply(2.0, 0.0);
            LOG_HI[j] = sum.hi;
            LOG_LO[j] = sum.lo;
        }
        // sin a and cos a by their Taylor series to a^33 / 33! (< 2^-110 for a <= 0.8), in Horner form
        DoubleDouble[] inverseFactorial = new DoubleDouble[34];
        inverseFactorial[0] = new DoubleDouble(1.0, 0.0);
        for (int n = 1; n < inverseFactorial.length; n++) {
            DoubleDouble previous = inverseFactorial[n - 1];
            inverseFactorial[n] = new DoubleDouble(previous.hi, previous.lo).divide(n, 0.0);
        }
        for (int k = 0; k < SIN_HI.length; k++) {
            double a = k / 64.0;
            double aSquaredHi = a * a; // exact: a has at most 6 significant bits
            DoubleDouble sin = new DoubleDouble(0.0, 0.0);
            DoubleDouble cos = new DoubleDouble(0.0, 0.0);
            for (int n = 16; n >= 0; n--) {
                DoubleDouble odd = inverseFactorial[2 * n + 1];
                DoubleDouble even = inverseFactorial[2 * n];
                double sign = (n & 1) == 0 ? 1.0 : -1.0;
                sin.multiply(aSquaredHi, 0.0).add(sign * odd.hi, sign * odd.lo);
                cos.multiply(aSquaredHi, 0.0).add(sign * even.hi, sign * even.lo);
            }
            sin.multiply(a, 0.0);
            SIN_HI[k] = sin.hi;
            SIN_LO[k] = sin.lo;
            COS_HI[k] = cos.hi;
            COS_LO[k] = cos.lo;
        }
    }

    private RoundedMath() {
    }

    // ---- exp ----

    public static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        } else if (Math.abs(x) < 0x1p-54) {
            return 1.0 + x;
        }
        return expOf(x, 0.0);
    }

    /** e^(zHi + zLo), rounded once, for |zLo| <= ulp(zHi). */
    private static double expOf(double zHi, double zLo) {
        if (zHi > 710.0) {
            return Double.POSITIVE_INFINITY;
        } else if (zHi < -746.0) {
            return 0.0;
        }
        double kd = Math.rint(zHi * SIXTY_FOUR_OVER_LN2);
        int k = (int) kd;
        double reducedHi = zHi - kd * LN2_OVER_64_HI; // exact
        double t = kd * LN2_OVER_64_LO;
        double r0 = reducedHi - t;
        double r1 = DoubleDouble.sumError(reducedHi, -t, r0) + zLo;
        double r = r0 + r1;
        r1 -= r - r0;
        r0 = r;
        // e^r = 1 + r0 + r1 + q, q = r0^2/2 + r0^3/6 + ... + r0^7/5040 + r0 r1
        double q = r0 * r0 * (0.5 + r0 * (1.0 / 6 + r0 * (1.0 / 24 + r0 * (1.0 / 120 + r0 * (1.0 / 720
                + r0 * (1.0 / 5040)))))) + r0 * r1;
        int j = k & 63;
        int m = k >> 6;
        double tableHi = EXP2_HI[j];
        double p = tableHi * r0;
        double s = tableHi + p;
        double tail = DoubleDouble.sumError(tableHi, p, s) + DoubleDouble.productError(tableHi, r0, p)
                + tableHi * (r1 + q) + EXP2_LO[j] * (1.0 + r0);
        double hi = s + tail;
        double lo = tail - (hi - s);
        return scaleByPowerOfTwo(hi, lo, m);
    }

    /**
     * (hi + lo) * 2^m rounded once. In the subnormal range the product rounds to the coarser grid; lo, which
     * that rounding cannot see, decides whether it should have gone the other way.
     */
    private static double scaleByPowerOfTwo(double hi, double lo, int m) {
        int half = m / 2;
        double scaled = hi * PiOverTwoReduction.powerOfTwo(half) * PiOverTwoReduction.powerOfTwo(m - half);
        if (scaled == 0.0 || Math.abs(scaled) >= Double.MIN_NORMAL || Double.isInfinite(scaled)) {
            return scaled;
        }
        double back = scaled * PiOverTwoReduction.powerOfTwo(-half) * PiOverTwoReduction.powerOfTwo(half - m);
        double roundingError = (hi - back) + lo; // in hi's scale; the grid step there is 2^(-1074-m)
        double halfStep = PiOverTwoReduction.powerOfTwo(-1075 - m);
        if (roundingError > halfStep) {
            return Math.nextUp(scaled);
        } else if (roundingError < -halfStep) {
            return Math.nextDown(scaled);
        }
        return scaled;
    }

    // ---- log, log10 ----

    public static double log(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            return x == 0.0 ? Double.NEGATIVE_INFINITY : x > 0.0 ? x : Double.NaN;
        }
        return logOf(x).value();
    }

    public static double log10(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            return x == 0.0 ? Double.NEGATIVE_INFINITY : x > 0.0 ? x : Double.NaN;
        }
        return logOf(x).multiply(INVERSE_LN10_HI, INVERSE_LN10_LO).value();
    }

    /** log x in double-double for a finite x > 0, to about 2^-90 relative. */
    private static DoubleDouble logOf(double x) {
        int k = 0;
        if (x < Double.MIN_NORMAL) {
            x *= 0x1p54;
            k = -54;
        }
        long bits = Double.doubleToRawLongBits(x);
        k += (int) (bits >>> 52) - 1023;
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > SQRT_2) {
            m *= 0.5;
            k++;
        }
        int j = (int) (m * 128.0 + 0.5);
        double center = j / 128.0;
        DoubleDouble r = new DoubleDouble(m - center, 0.0).divide(center, 0.0); // m - center is exact
        // log(1 + r) = r (1 - r (1/2 - r (1/3 - r (1/4 - r (1/5 - ...))))): from 1/5 on in double
        double r0 = r.hi;
        double inner = 0.2 - r0 * (1.0 / 6 - r0 * (1.0 / 7 - r0 * (1.0 / 8 - r0 * (1.0 / 9 - r0 * (1.0 / 10
                - r0 * (1.0 / 11 - r0 / 12))))));
        DoubleDouble series = new DoubleDouble(inner, 0.0);
        series.multiply(r.hi, r.lo).negate().add(0.25, 0.0);
        series.multiply(r.hi, r.lo).negate().add(0x1.5555555555555p-2, 0x1.5555555555555p-56);
        series.multiply(r.hi, r.lo).negate().add(0.5, 0.0);
        series.multiply(r.hi, r.lo).negate().add(1.0, 0.0);
        series.multiply(r.hi, r.lo);
        double kd = k;
        return series.add(LOG_HI[j], LOG_LO[j]).add(kd * LN2_HI, kd * LN2_LO);
    }

    // ---- pow ----

    public static double pow(double x, double y) {
        if (y == 0.0) {
            return 1.0;
        } else if (y == 1.0) {
            return x;
        } else if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        double ax = Math.abs(x);
        if (Double.isInfinite(y)) {
            if (ax == 1.0) {
                return Double.NaN;
            }
            return (ax > 1.0) == (y > 0) ? Double.POSITIVE_INFINITY : 0.0;
        }
        boolean integer = y == Math.rint(y);
        boolean oddInteger = integer && Math.abs(y) < 0x1p53 && ((long) y & 1) != 0;
        if (x == 0.0 || Double.isInfinite(x)) {
            // +0 and +inf: 0^y and inf^y; the sign of -0 and -inf survives odd integer powers only
            boolean large = (x == 0.0) == (y < 0);
            double magnitude = large ? Double.POSITIVE_INFINITY : 0.0;
            return x < 0 || (x == 0.0 && 1.0 / x < 0) ? (oddInteger ? -magnitude : magnitude) : magnitude;
        }
        if (x < 0 && !integer) {
            return Double.NaN;
        } else if (ax == 1.0) {
            return x < 0 && oddInteger ? -1.0 : 1.0; // also keeps y * log x from meeting an infinite y * 0
        }
        DoubleDouble log = logOf(ax);
        double zHi = y * log.hi;
        double result;
        if (Math.abs(zHi) > 800.0) {
            result = zHi > 0 ? Double.POSITIVE_INFINITY : 0.0;
        } else {
            double zTail = DoubleDouble.productError(y, log.hi, zHi) + y * log.lo;
            double z = zHi + zTail;
            result = expOf(z, zTail - (z - zHi));
        }
        return x < 0 && oddInteger ? -result : result;
    }

    // ---- sin, cos, tan ----

    public static double sin(double x) {
        if (Math.abs(x) < 0x1p-26) {
            return x; // sin x = x (1 - x^2/6 + ...) rounds to x
        } else if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        } else if (Math.abs(x) <= Math.PI / 4) {
            return sinOrCos(x, 0.0, true).value();
        }
        PiOverTwoReduction r = PiOverTwoReduction.of(x);
        double value = sinOrCos(r.hi, r.lo, (r.quadrant & 1) == 0).value();
        return (r.quadrant & 2) == 0 ? value : -value;
    }

    public static double cos(double x) {
        if (Math.abs(x) < 0x1p-27) {
            return 1.0;
        } else if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        } else if (Math.abs(x) <= Math.PI / 4) {
            return sinOrCos(x, 0.0, false).value();
        }
        PiOverTwoReduction r = PiOverTwoReduction.of(x);
        double value = sinOrCos(r.hi, r.lo, (r.quadrant & 1) != 0).value();
        return ((r.quadrant + 1) & 2) == 0 ? value : -value;
    }

    public static double tan(double x) {
        if (Math.abs(x) < 0x1p-27) {
            return x;
        } else if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        PiOverTwoReduction r = Math.abs(x) <= Math.PI / 4 ? null : PiOverTwoReduction.of(x);
        double hi = r == null ? x : r.hi;
        double lo = r == null ? 0.0 : r.lo;
        DoubleDouble sin = sinOrCos(hi, lo, true);
        DoubleDouble cos = sinOrCos(hi, lo, false);
        if (r == null || (r.quadrant & 1) == 0) {
            return sin.divide(cos.hi, cos.lo).value();
        }
        return cos.divide(sin.hi, sin.lo).negate().value(); // tan(x + pi/2) = -cos x / sin x
    }

    /** sin (or cos) of rHi + rLo, |r| <= pi/4 + 2^-50, in double-double. */
    private static DoubleDouble sinOrCos(double rHi, double rLo, boolean sine) {
        boolean negative = rHi < 0;
        if (negative) {
            rHi = -rHi;
            rLo = -rLo;
        }
        int k = (int) (rHi * 64.0 + 0.5);
        double bHi = rHi - k / 64.0; // exact (Sterbenz)
        double b0 = bHi + rLo;
        double b1 = DoubleDouble.sumError(bHi, rLo, b0);
        // sin b = b0 + sinTail, cos b = 1 + cosHi + cosTail, |b| <= 1/128
        double b0Squared = b0 * b0;
        double sinTail = b1 + b0 * b0Squared * (-1.0 / 6 + b0Squared * (1.0 / 120 + b0Squared * (-1.0 / 5040
                + b0Squared * (1.0 / 362880))));
        double cosHi = -0.5 * b0Squared;
        double cosTail = -0.5 * DoubleDouble.productError(b0, b0, b0Squared) - b0 * b1
                + b0Squared * b0Squared * (1.0 / 24 + b0Squared * (-1.0 / 720 + b0Squared * (1.0 / 40320)));
        // sin(a + b) = sin a cos b + cos a sin b, cos(a + b) = cos a cos b - sin a sin b
        double mainHi = sine ? SIN_HI[k] : COS_HI[k];
        double mainLo = sine ? SIN_LO[k] : COS_LO[k];
        double partnerHi = sine ? COS_HI[k] : -SIN_HI[k];
        double partnerLo = sine ? COS_LO[k] : -SIN_LO[k];
        double p1 = partnerHi * b0;
        double p2 = mainHi * cosHi;
        double s1 = mainHi + p1;
        double s2 = s1 + p2;
        double tail = DoubleDouble.sumError(mainHi, p1, s1) + DoubleDouble.sumError(s1, p2, s2)
                + DoubleDouble.productError(partnerHi, b0, p1) + DoubleDouble.productError(mainHi, cosHi, p2)
                + mainLo + mainHi * cosTail + mainLo * cosHi + partnerHi * sinTail + partnerLo * b0;
        DoubleDouble result = new DoubleDouble(0.0, 0.0).setSum(s2, tail);
        return negative && sine ? result.negate() : result;
    }
}
