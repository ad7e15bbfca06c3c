package kiln.lib.math;

/**
 * The results {@code StrictMath} must return (its javadoc: "the results of the well-known network library
 * netlib's fdlibm, version 5.3"), computed by Kiln's own code. A bit-identical result needs the same
 * approximation done with the same floating-point operations in the same order, so each function below uses
 * fdlibm's published algorithm and minimax coefficients (Sun Microsystems, 1993; the algorithms are described
 * in the fdlibm distribution's comments and in Muller, "Elementary Functions", ch. 11). What is Kiln's own:
 * the code, the integer arithmetic behind the reduction of large arguments for sin, cos and tan
 * ({@link PiOverTwoReduction#fdlibm}, which reproduces fdlibm's truncation and final summation, since those
 * decide the last bits), and the exact {@link #IEEEremainder}.
 *
 * <p>exp, pow, cbrt and hypot are not here: every JDK since 9 carries them in Java ({@code java.lang.FdLibm}),
 * and Kiln compiles that bytecode. sqrt is an instruction.
 */
public final class Fdlibm {
    private static final int MAGNITUDE = 0x7fff_ffff;
    private static final int NON_FINITE = 0x7ff0_0000;
    private static final double TWO_54 = 0x1.0p54;
    private static final double LN2_HI = 0x1.62e42feep-1; // ln 2 to 32 bits: k * LN2_HI is exact for |k| < 2^20
    private static final double LN2_LO = 0x1.a39ef35793c76p-33;
    private static final double PI = 3.141592653589793;

    private Fdlibm() {
    }

    // ---- word access: fdlibm tests ranges on the high 32 bits of a double ----

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >> 32);
    }

    private static int low(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    private static double withHigh(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xFFFF_FFFFL));
    }

    private static double lowCleared(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0xFFFF_FFFF_0000_0000L);
    }

    // ---- sin, cos, tan: polynomial kernels on [-pi/4, pi/4] after reduction ----

    private static final double[] SIN = {
        -0x1.5555555555549p-3, 0x1.111111110f8a6p-7, -0x1.a01a019c161d5p-13,
        0x1.71de357b1fe7dp-19, -0x1.ae5e68a2b9cebp-26, 0x1.5d93a5acfd57cp-33,
    };
    private static final double[] COS = {
        0x1.555555555554cp-5, -0x1.6c16c16c15177p-10, 0x1.a01a019cb159p-16,
        -0x1.27e4f809c52adp-22, 0x1.1ee9ebdb4b1c4p-29, -0x1.8fae9be8838d4p-37,
    };
    private static final double[] TAN = {
        0x1.5555555555563p-2, 0x1.111111110fe7ap-3, 0x1.ba1ba1bb341fep-5, 0x1.664f48406d637p-6,
        0x1.226e3e96e8493p-7, 0x1.d6d22c9560328p-9, 0x1.7dbc8fee08315p-10, 0x1.344d8f2f26501p-11,
        0x1.026f71a8d1068p-12, 0x1.47e88a03792a6p-14, 0x1.2b80f32f0a7e9p-14, -0x1.375cbdb605373p-16,
        0x1.b2a7074bf7ad4p-16,
    };
    private static final double PI_OVER_4 = 0x1.921fb54442d18p-1;
    private static final double PI_OVER_4_LO = 0x1.1a62633145c07p-55;
    /** High word of the largest |x| the kernels take without reduction (just above pi/4). */
    private static final int KERNEL_LIMIT = 0x3fe9_21fb;

    public static double sin(double x) {
        int ix = high(x) & MAGNITUDE;
        if (ix <= KERNEL_LIMIT) {
            return sinKernel(x, 0.0, false);
        } else if (ix >= NON_FINITE) {
            return x - x;
        }
        PiOverTwoReduction r = PiOverTwoReduction.fdlibm(x);
        return switch (r.quadrant & 3) {
            case 0 -> sinKernel(r.hi, r.lo, true);
            case 1 -> cosKernel(r.hi, r.lo);
            case 2 -> -sinKernel(r.hi, r.lo, true);
            default -> -cosKernel(r.hi, r.lo);
        };
    }

    public static double cos(double x) {
        int ix = high(x) & MAGNITUDE;
        if (ix <= KERNEL_LIMIT) {
            return cosKernel(x, 0.0);
        } else if (ix >= NON_FINITE) {
            return x - x;
        }
        PiOverTwoReduction r = PiOverTwoReduction.fdlibm(x);
        return switch (r.quadrant & 3) {
            case 0 -> cosKernel(r.hi, r.lo);
            case 1 -> -sinKernel(r.hi, r.lo, true);
            case 2 -> -cosKernel(r.hi, r.lo);
            default -> sinKernel(r.hi, r.lo, true);
        };
    }

    public static double tan(double x) {
        int ix = high(x) & MAGNITUDE;
        if (ix <= KERNEL_LIMIT) {
            return tanKernel(x, 0.0, true);
        } else if (ix >= NON_FINITE) {
            return x - x;
        }
        PiOverTwoReduction r = PiOverTwoReduction.fdlibm(x);
        return tanKernel(r.hi, r.lo, (r.quadrant & 1) == 0);
    }

    /** sin(x + y) for |x| <= ~pi/4, y a tail below an ulp of x (ignored unless {@code hasTail}). */
    private static double sinKernel(double x, double y, boolean hasTail) {
        if ((high(x) & MAGNITUDE) < 0x3e40_0000) { // |x| < 2^-27: sin x rounds to x
            return x;
        }
        double z = x * x;
        double v = z * x;
        double r = SIN[1] + z * (SIN[2] + z * (SIN[3] + z * (SIN[4] + z * SIN[5])));
        if (!hasTail) {
            return x + v * (SIN[0] + z * r);
        }
        return x - ((z * (0.5 * y - v * r) - y) - v * SIN[0]);
    }

    /** cos(x + y), same domain. */
    private static double cosKernel(double x, double y) {
        int ix = high(x) & MAGNITUDE;
        if (ix < 0x3e40_0000) {
            return 1.0;
        }
        double z = x * x;
        double r = z * (COS[0] + z * (COS[1] + z * (COS[2] + z * (COS[3] + z * (COS[4] + z * COS[5])))));
        if (ix < 0x3fd3_3333) { // |x| < 0.3
            return 1.0 - (0.5 * z - (z * r - x * y));
        }
        // 1 - z/2 loses bits when z/2 is large: subtract a short qx ~ x^2/4 from both parts first
        double qx = ix > 0x3fe9_0000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x0020_0000) << 32);
        double hz = 0.5 * z - qx;
        double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }

    /** tan(x + y) if {@code tangent}, else -1/tan(x + y), same domain. */
    private static double tanKernel(double x, double y, boolean tangent) {
        int hx = high(x);
        int ix = hx & MAGNITUDE;
        if (ix < 0x3e30_0000) { // |x| < 2^-28
            if (tangent) {
                return x;
            } else if ((ix | low(x)) == 0) {
                return 1.0 / Math.abs(x);
            }
            return negativeReciprocal(x + y, x, y);
        }
        boolean large = ix >= 0x3fe5_9428; // |x| >= 0.6744: tan(pi/4 - |x|) converges faster
        if (large) {
            if (hx < 0) {
                x = -x;
                y = -y;
            }
            x = (PI_OVER_4 - x) + (PI_OVER_4_LO - y);
            y = 0.0;
        }
        double z = x * x;
        double w = z * z;
        // x^5 (T1 + x^2 T2 + ...) split into odd and even halves, as fdlibm evaluates it
        double odd = TAN[1] + w * (TAN[3] + w * (TAN[5] + w * (TAN[7] + w * (TAN[9] + w * TAN[11]))));
        double even = z * (TAN[2] + w * (TAN[4] + w * (TAN[6] + w * (TAN[8] + w * (TAN[10] + w * TAN[12])))));
        double s = z * x;
        double r = y + z * (s * (odd + even) + y);
        r += TAN[0] * s;
        w = x + r;
        if (large) {
            double v = tangent ? 1.0 : -1.0;
            return (double) (1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)));
        }
        if (tangent) {
            return w;
        }
        return negativeReciprocal(w, x, r);
    }

    /**
     * -1/w for w = x + tail rounded, to below one ulp: w = z + v with z's low word cleared and v the exact
     * rest, and -1/w = t + a (1 + t z + t v) with a = -1/w rounded and t its high word.
     */
    private static double negativeReciprocal(double w, double x, double tail) {
        double z = lowCleared(w);
        double v = tail - (z - x);
        double a = -1.0 / w;
        double t = lowCleared(a);
        double s = 1.0 + t * z;
        return t + a * (s + t * v);
    }

    // ---- asin, acos: a rational approximation of (asin x - x) / x^3 in x^2 ----

    private static final double[] ASIN_P = {
        0x1.5555555555555p-3, -0x1.4d61203eb6f7dp-2, 0x1.9c1550e884455p-3,
        -0x1.48228b5688f3bp-5, 0x1.9efe07501b288p-11, 0x1.23de10dfdf709p-15,
    };
    private static final double[] ASIN_Q = {
        -0x1.33a271c8a2d4bp1, 0x1.02ae59c598ac8p1, -0x1.6066c1b8d0159p-1, 0x1.3b8c5b12e9282p-4,
    };
    private static final double PI_OVER_2_HI = 0x1.921fb54442d18p0;
    private static final double PI_OVER_2_LO = 0x1.1a62633145c07p-54;

    private static double asinNumerator(double t) {
        return t * (ASIN_P[0] + t * (ASIN_P[1] + t * (ASIN_P[2] + t * (ASIN_P[3] + t * (ASIN_P[4] + t * ASIN_P[5])))));
    }

    private static double asinDenominator(double t) {
        return 1.0 + t * (ASIN_Q[0] + t * (ASIN_Q[1] + t * (ASIN_Q[2] + t * ASIN_Q[3])));
    }

    public static double asin(double x) {
        int hx = high(x);
        int ix = hx & MAGNITUDE;
        if (ix >= 0x3ff0_0000) { // |x| >= 1
            if (((ix - 0x3ff0_0000) | low(x)) == 0) {
                return x * PI_OVER_2_HI + x * PI_OVER_2_LO;
            }
            return (x - x) / (x - x);
        } else if (ix < 0x3fe0_0000) { // |x| < 0.5
            if (ix < 0x3e40_0000) {
                return x;
            }
            double t = x * x;
            return x + x * (asinNumerator(t) / asinDenominator(t));
        }
        // asin x = pi/2 - 2 asin(sqrt((1-|x|)/2))
        double t = (1.0 - Math.abs(x)) * 0.5;
        double p = asinNumerator(t);
        double q = asinDenominator(t);
        double s = Math.sqrt(t);
        double result;
        if (ix >= 0x3fef_3333) { // |x| > 0.975
            result = PI_OVER_2_HI - (2.0 * (s + s * (p / q)) - PI_OVER_2_LO);
        } else {
            double w = lowCleared(s);
            double c = (t - w * w) / (s + w);
            double r = p / q;
            p = 2.0 * s * r - (PI_OVER_2_LO - 2.0 * c);
            q = PI_OVER_4 - 2.0 * w;
            result = PI_OVER_4 - (p - q);
        }
        return hx > 0 ? result : -result;
    }

    public static double acos(double x) {
        int hx = high(x);
        int ix = hx & MAGNITUDE;
        if (ix >= 0x3ff0_0000) { // |x| >= 1
            if (((ix - 0x3ff0_0000) | low(x)) == 0) {
                return hx > 0 ? 0.0 : PI + 2.0 * PI_OVER_2_LO;
            }
            return (x - x) / (x - x);
        }
        if (ix < 0x3fe0_0000) { // |x| < 0.5
            if (ix <= 0x3c60_0000) {
                return PI_OVER_2_HI + PI_OVER_2_LO;
            }
            double z = x * x;
            double r = asinNumerator(z) / asinDenominator(z);
            return PI_OVER_2_HI - (x - (PI_OVER_2_LO - x * r));
        } else if (hx < 0) { // x <= -0.5: acos x = pi - 2 asin(sqrt((1+x)/2))
            double z = (1.0 + x) * 0.5;
            double r = asinNumerator(z) / asinDenominator(z);
            double s = Math.sqrt(z);
            double w = r * s - PI_OVER_2_LO;
            return PI - 2.0 * (s + w);
        }
        // x >= 0.5: acos x = 2 asin(sqrt((1-x)/2))
        double z = (1.0 - x) * 0.5;
        double s = Math.sqrt(z);
        double df = lowCleared(s);
        double c = (z - df * df) / (s + df);
        double r = asinNumerator(z) / asinDenominator(z);
        double w = r * s + c;
        return 2.0 * (df + w);
    }

    // ---- atan, atan2: reduction to |x| <= 7/16 around the breakpoints 0.5, 1, 1.5, infinity ----

    private static final double[] ATAN_HI = {
        0x1.dac670561bb4fp-2, 0x1.921fb54442d18p-1, 0x1.f730bd281f69bp-1, 0x1.921fb54442d18p0,
    };
    private static final double[] ATAN_LO = {
        0x1.a2b7f222f65e2p-56, 0x1.1a62633145c07p-55, 0x1.007887af0cbbdp-56, 0x1.1a62633145c07p-54,
    };
    private static final double[] ATAN = {
        0x1.555555555550dp-2, -0x1.999999998ebc4p-3, 0x1.24924920083ffp-3, -0x1.c71c6fe231671p-4,
        0x1.745cdc54c206ep-4, -0x1.3b0f2af749a6dp-4, 0x1.10d66a0d03d51p-4, -0x1.dde2d52defd9ap-5,
        0x1.97b4b24760debp-5, -0x1.2b4442c6a6c2fp-5, 0x1.0ad3ae322da11p-6,
    };

    public static double atan(double x) {
        int hx = high(x);
        int ix = hx & MAGNITUDE;
        int breakpoint;
        if (ix >= 0x4410_0000) { // |x| >= 2^66, or NaN
            if (Double.isNaN(x)) {
                return x + x;
            }
            return hx > 0 ? ATAN_HI[3] + ATAN_LO[3] : -ATAN_HI[3] - ATAN_LO[3];
        } else if (ix < 0x3fdc_0000) { // |x| < 7/16
            if (ix < 0x3e20_0000) {
                return x;
            }
            breakpoint = -1;
        } else {
            x = Math.abs(x);
            if (ix < 0x3fe6_0000) { // 7/16 <= |x| < 11/16
                breakpoint = 0;
                x = (2.0 * x - 1.0) / (2.0 + x);
            } else if (ix < 0x3ff3_0000) { // < 19/16
                breakpoint = 1;
                x = (x - 1.0) / (x + 1.0);
            } else if (ix < 0x4003_8000) { // < 39/16
                breakpoint = 2;
                x = (x - 1.5) / (1.0 + 1.5 * x);
            } else {
                breakpoint = 3;
                x = -1.0 / x;
            }
        }
        double z = x * x;
        double w = z * z;
        double even = z * (ATAN[0] + w * (ATAN[2] + w * (ATAN[4] + w * (ATAN[6] + w * (ATAN[8] + w * ATAN[10])))));
        double odd = w * (ATAN[1] + w * (ATAN[3] + w * (ATAN[5] + w * (ATAN[7] + w * ATAN[9]))));
        if (breakpoint < 0) {
            return x - x * (even + odd);
        }
        z = ATAN_HI[breakpoint] - ((x * (even + odd) - ATAN_LO[breakpoint]) - x);
        return hx < 0 ? -z : z;
    }

    public static double atan2(double y, double x) {
        final double tiny = 1.0e-300;
        final double piLo = 0x1.1a62633145c07p-53;
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return x + y;
        }
        int hx = high(x);
        int ix = hx & MAGNITUDE;
        int hy = high(y);
        int iy = hy & MAGNITUDE;
        if (((hx - 0x3ff0_0000) | low(x)) == 0) { // x == 1
            return atan(y);
        }
        int signs = ((hy >> 31) & 1) | ((hx >> 30) & 2); // bit 0: y < 0, bit 1: x < 0
        if ((iy | low(y)) == 0) { // y == 0
            return signs < 2 ? y : signs == 2 ? PI + tiny : -PI - tiny;
        }
        if ((ix | low(x)) == 0) { // x == 0
            return hy < 0 ? -PI_OVER_2_HI - tiny : PI_OVER_2_HI + tiny;
        }
        if (ix == NON_FINITE) { // x infinite
            if (iy == NON_FINITE) {
                return switch (signs) {
                    case 0 -> PI_OVER_4 + tiny;
                    case 1 -> -PI_OVER_4 - tiny;
                    case 2 -> 3.0 * PI_OVER_4 + tiny;
                    default -> -3.0 * PI_OVER_4 - tiny;
                };
            }
            return switch (signs) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> PI + tiny;
                default -> -PI - tiny;
            };
        }
        if (iy == NON_FINITE) {
            return hy < 0 ? -PI_OVER_2_HI - tiny : PI_OVER_2_HI + tiny;
        }
        int exponentGap = (iy - ix) >> 20;
        double z;
        if (exponentGap > 60) { // |y/x| > 2^60
            z = PI_OVER_2_HI + 0.5 * piLo;
        } else if (hx < 0 && exponentGap < -60) { // |y|/x < -2^-60
            z = 0.0;
        } else {
            z = atan(Math.abs(y / x));
        }
        return switch (signs) {
            case 0 -> z;
            case 1 -> -z;
            case 2 -> PI - (z - piLo);
            default -> (z - piLo) - PI;
        };
    }

    // ---- log, log10, log1p: x = 2^k (1+f), log(1+f) = 2s + s R(s^2) with s = f/(2+f) ----

    private static final double[] LOG = {
        0x1.5555555555593p-1, 0x1.999999997fa04p-2, 0x1.2492494229359p-2, 0x1.c71c51d8e78afp-3,
        0x1.7466496cb03dep-3, 0x1.39a09d078c69fp-3, 0x1.2f112df3e5244p-3,
    };

    /** log and log10 where they compute nothing: -infinity at zero, NaN below zero and at NaN, +infinity. */
    private static boolean outsideLogDomain(double x) {
        return !(x > 0.0) || x == Double.POSITIVE_INFINITY;
    }

    private static double atEdgeOfLogDomain(double x) {
        return x == 0.0 ? Double.NEGATIVE_INFINITY : x > 0.0 ? x : Double.NaN;
    }

    public static double log(double x) {
        if (outsideLogDomain(x)) {
            return atEdgeOfLogDomain(x);
        }
        int k = x < Double.MIN_NORMAL ? -54 : 0; // subnormal: scale by 2^54 first
        x = x < Double.MIN_NORMAL ? x * TWO_54 : x;
        int hx = high(x);
        k += (hx >> 20) - 1023;
        hx &= 0x000f_ffff;
        int aboveSqrt2 = (hx + 0x9_5f64) & 0x10_0000; // fraction above sqrt(2): halve it, k + 1
        x = withHigh(x, hx | (aboveSqrt2 ^ 0x3ff0_0000));
        k += aboveSqrt2 >> 20;
        double f = x - 1.0;
        double dk = k;
        if ((0x000f_ffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0.0) {
                return k == 0 ? 0.0 : dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            return k == 0 ? f - r : dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double w = z * z;
        double r = z * (LOG[0] + w * (LOG[2] + w * (LOG[4] + w * LOG[6])))
                + w * (LOG[1] + w * (LOG[3] + w * LOG[5]));
        boolean middle = ((hx - 0x6_147a) | (0x6b851 - hx)) > 0; // fraction bits in (0.38, 0.42): fdlibm's split
        if (middle) {
            double halfFSquared = 0.5 * f * f;
            return k == 0 ? f - (halfFSquared - s * (halfFSquared + r))
                    : dk * LN2_HI - ((halfFSquared - (s * (halfFSquared + r) + dk * LN2_LO)) - f);
        }
        return k == 0 ? f - s * (f - r) : dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    public static double log10(double x) {
        final double inverseLn10 = 0x1.bcb7b1526e50ep-2;
        final double log10Of2Hi = 0x1.34413509f6p-2;
        final double log10Of2Lo = 0x1.9fef311f12b36p-42;
        if (outsideLogDomain(x)) {
            return atEdgeOfLogDomain(x);
        }
        int k = x < Double.MIN_NORMAL ? -54 : 0;
        x = x < Double.MIN_NORMAL ? x * TWO_54 : x;
        int hx = high(x);
        k += (hx >> 20) - 1023;
        int negative = (k & 0x8000_0000) >>> 31; // k < 0: take x in [0.5, 1) so the two parts share a sign
        double y = k + negative;
        x = withHigh(x, (hx & 0x000f_ffff) | ((0x3ff - negative) << 20));
        double z = y * log10Of2Lo + inverseLn10 * log(x);
        return z + y * log10Of2Hi;
    }

    public static double log1p(double x) {
        int hx = high(x);
        int ax = hx & MAGNITUDE;
        int k = 1;
        double f = 0;
        double c = 0;
        int hu = 0;
        if (hx < 0x3fda_827a) { // x < 0.41422
            if (ax >= 0x3ff0_0000) { // x <= -1
                return x == -1.0 ? Double.NEGATIVE_INFINITY : Double.NaN;
            }
            if (ax < 0x3e20_0000) { // |x| < 2^-29
                return ax < 0x3c90_0000 ? x : x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2_bec3) { // -0.2929 < x < 0.41422: f = x, no scaling
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= NON_FINITE) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x4340_0000) { // x < 2^53: 1 + x is inexact, keep the correction c
                u = 1.0 + x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
                c /= u;
            } else {
                u = x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000f_ffff;
            if (hu < 0x6_a09e) { // u's fraction below sqrt(2)
                u = withHigh(u, hu | 0x3ff0_0000);
            } else {
                k += 1;
                u = withHigh(u, hu | 0x3fe0_0000);
                hu = (0x0010_0000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double halfFSquared = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^-20
            if (f == 0.0) {
                if (k == 0) {
                    return 0.0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = halfFSquared * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LOG[0] + z * (LOG[1] + z * (LOG[2] + z * (LOG[3] + z * (LOG[4] + z * (LOG[5] + z * LOG[6]))))));
        return k == 0 ? f - (halfFSquared - s * (halfFSquared + r))
                : k * LN2_HI - ((halfFSquared - (s * (halfFSquared + r) + (k * LN2_LO + c))) - f);
    }

    // ---- expm1, and the hyperbolic functions built on it and exp ----

    private static final double[] EXPM1 = {
        -0x1.11111111110f4p-5, 0x1.a01a019fe5585p-10, -0x1.4ce199eaadbb7p-14,
        0x1.0cfca86e65239p-18, -0x1.afdb76e09c32dp-23,
    };

    public static double expm1(double x) {
        final double huge = 1.0e+300;
        final double tiny = 1.0e-300;
        int hx = high(x);
        boolean negative = hx < 0;
        hx &= MAGNITUDE;
        if (hx >= 0x4043_687a) { // |x| >= 56 ln 2
            if (hx >= 0x4086_2e42) { // |x| >= 709.78
                if (hx >= NON_FINITE) {
                    return Double.isNaN(x) ? x + x : negative ? -1.0 : x;
                }
                if (x > 0x1.62e42fefa39efp9) {
                    return huge * huge;
                }
            }
            if (negative && x + tiny < 0.0) {
                return tiny - 1.0;
            }
        }
        int k;
        double c = 0;
        if (hx > 0x3fd6_2e42) { // |x| > ln2 / 2: x = k ln2 + r, r = hi - lo
            double hi;
            double lo;
            if (hx < 0x3ff0_a2b2) { // |x| < 1.5 ln2
                k = negative ? -1 : 1;
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
            } else {
                k = (int) (0x1.71547652b82fep0 * x + (negative ? -0.5 : 0.5));
                double t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c90_0000) { // |x| < 2^-54
            return x;
        } else {
            k = 0;
        }
        double halfX = 0.5 * x;
        double hxs = x * halfX;
        double r1 = 1.0 + hxs * (EXPM1[0] + hxs * (EXPM1[1] + hxs * (EXPM1[2] + hxs * (EXPM1[3] + hxs * EXPM1[4]))));
        double t = 3.0 - r1 * halfX;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5 * (x - e) - 0.5;
        } else if (k == 1) {
            return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
        } else if (k <= -2 || k > 56) { // exp(x) - 1 ~ exp(x): scale 1 + r, then subtract 1
            double y = 1.0 - (e - x);
            return withHigh(y, high(y) + (k << 20)) - 1.0;
        } else if (k < 20) {
            double oneMinusTwoToMinusK = Double.longBitsToDouble((long) (0x3ff0_0000 - (0x20_0000 >> k)) << 32);
            double y = oneMinusTwoToMinusK - (e - x);
            return withHigh(y, high(y) + (k << 20));
        }
        double twoToMinusK = Double.longBitsToDouble((long) ((0x3ff - k) << 20) << 32);
        double y = (x - (e + twoToMinusK)) + 1.0;
        return withHigh(y, high(y) + (k << 20));
    }

    /** |x| below which cosh and sinh still fit a double, as the high word and low word fdlibm compares. */
    private static boolean belowOverflowThreshold(int ix, int lx) {
        return ix < 0x4086_33ce || (ix == 0x4086_33ce && Integer.compareUnsigned(lx, 0x8fb9_f87d) <= 0);
    }

    public static double sinh(double x) {
        final double shuge = 1.0e307;
        int jx = high(x);
        int ix = jx & MAGNITUDE;
        if (ix >= NON_FINITE) {
            return x + x;
        }
        double h = jx < 0 ? -0.5 : 0.5;
        if (ix < 0x4036_0000) { // |x| < 22
            if (ix < 0x3e30_0000) {
                return x;
            }
            double t = expm1(Math.abs(x));
            return ix < 0x3ff0_0000 ? h * (2.0 * t - t * t / (t + 1.0)) : h * (t + t / (t + 1.0));
        } else if (ix < 0x4086_2e42) { // |x| < log(MAX_VALUE)
            return h * StrictMath.exp(Math.abs(x));
        } else if (belowOverflowThreshold(ix, low(x))) {
            double w = StrictMath.exp(0.5 * Math.abs(x));
            return h * w * w;
        }
        return x * shuge;
    }

    public static double cosh(double x) {
        int ix = high(x) & MAGNITUDE;
        if (ix >= NON_FINITE) {
            return x * x;
        }
        if (ix < 0x3fd6_2e43) { // |x| < ln2 / 2
            double t = expm1(Math.abs(x));
            double w = 1.0 + t;
            return ix < 0x3c80_0000 ? w : 1.0 + (t * t) / (w + w);
        } else if (ix < 0x4036_0000) { // |x| < 22
            double t = StrictMath.exp(Math.abs(x));
            return 0.5 * t + 0.5 / t;
        } else if (ix < 0x4086_2e42) {
            return 0.5 * StrictMath.exp(Math.abs(x));
        } else if (belowOverflowThreshold(ix, low(x))) {
            double w = StrictMath.exp(0.5 * Math.abs(x));
            return 0.5 * w * w;
        }
        return Double.POSITIVE_INFINITY;
    }

    public static double tanh(double x) {
        int jx = high(x);
        int ix = jx & MAGNITUDE;
        if (ix >= NON_FINITE) {
            return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
        }
        double z;
        if (ix < 0x4036_0000) { // |x| < 22
            if (ix < 0x3c80_0000) {
                return x * (1.0 + x);
            } else if (ix >= 0x3ff0_0000) {
                z = 1.0 - 2.0 / (expm1(2.0 * Math.abs(x)) + 2.0);
            } else {
                double t = expm1(-2.0 * Math.abs(x));
                z = -t / (t + 2.0);
            }
        } else {
            z = 1.0;
        }
        return jx >= 0 ? z : -z;
    }

    // ---- IEEEremainder: exact, so any correct method gives fdlibm's result ----

    /**
     * x - n p for the integer n nearest x/p, ties to even (IEEE 754-2019 §5.3.1). Exact: the significands
     * are integers, and x's is reduced modulo p's by long division one bit at a time, which also yields
     * the parity of n for the tie.
     */
    public static double IEEEremainder(double x, double p) {
        if (Double.isNaN(x) || Double.isNaN(p) || Double.isInfinite(x) || p == 0.0) {
            return Double.NaN;
        } else if (Double.isInfinite(p) || x == 0.0) {
            return x;
        }
        long xBits = Double.doubleToRawLongBits(x) & Long.MAX_VALUE;
        long pBits = Double.doubleToRawLongBits(p) & Long.MAX_VALUE;
        long xSignificand = significand(xBits);
        long pSignificand = significand(pBits);
        int xExponent = exponent(xBits);
        int pExponent = exponent(pBits);
        long remainder; // in units of 2^min(xExponent, pExponent)
        int unitExponent;
        boolean roundUp;
        if (xExponent >= pExponent) {
            remainder = xSignificand % pSignificand;
            long quotientBit = (xSignificand / pSignificand) & 1;
            for (int shift = xExponent - pExponent; shift > 0; shift--) {
                remainder <<= 1;
                quotientBit = remainder >= pSignificand ? 1 : 0;
                remainder -= quotientBit * pSignificand;
            }
            unitExponent = pExponent;
            long twice = remainder << 1;
            roundUp = twice > pSignificand || (twice == pSignificand && quotientBit == 1);
            if (roundUp) {
                remainder -= pSignificand;
            }
        } else {
            // |x| < |p| in exponent: n is 0 or 1; 2|x| > |p| iff xSignificand > pSignificand * 2^(gap - 1)
            int gap = pExponent - xExponent - 1;
            roundUp = gap < 11 && xSignificand > pSignificand << gap;
            remainder = xSignificand;
            unitExponent = xExponent;
            if (roundUp) {
                double difference = Math.abs(x) - Math.abs(p); // |p|/2 < |x| < |p|: exact (Sterbenz)
                return x < 0 ? -difference : difference;
            }
        }
        double magnitude = Math.scalb((double) remainder, unitExponent); // exact: the result is representable
        return x < 0 ? -magnitude : magnitude == 0.0 ? 0.0 : magnitude;
    }

    private static long significand(long magnitudeBits) {
        long fraction = magnitudeBits & 0x000F_FFFF_FFFF_FFFFL;
        return (magnitudeBits >>> 52) == 0 ? fraction : fraction | 0x0010_0000_0000_0000L;
    }

    private static int exponent(long magnitudeBits) {
        int biased = (int) (magnitudeBits >>> 52);
        return (biased == 0 ? 1 : biased) - 1075;
    }
}
