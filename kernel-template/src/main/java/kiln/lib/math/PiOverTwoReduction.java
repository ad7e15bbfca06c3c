package kiln.lib.math;

/**
 * x = n * pi/2 + r with |r| <= pi/4, r returned as an unevaluated sum hi + lo (lo below half an ulp of hi).
 * Two reductions: {@link #of}, exact, for {@link RoundedMath}; {@link #fdlibm}, rounded the way fdlibm
 * rounds, for {@link Fdlibm} (StrictMath's results depend on those roundings).
 *
 * <p>The exact one is Payne and Hanek's method (ACM SIGNUM Newsletter 18(1), 1983) in integer arithmetic:
 * x = m * 2^e with an integer m < 2^53, so x * 2/pi needs only the bits of 2/pi from weight 2^(2-e) on
 * (earlier bits give multiples of 8, and n only matters modulo 8); five 64-bit words of them times m give
 * the fraction of x * 2/pi to at least 200 bits. The worst case among all doubles loses 61 of them to
 * cancellation (Muller, "Elementary Functions", 3rd ed., §11.4), which leaves more than the 107 that hi + lo
 * hold; the fraction times pi/2 is then rounded once into hi and once more into lo. <i>Rejected</i> for
 * {@link RoundedMath}: Cody and Waite's subtraction of a three-part pi/2 for moderate arguments (faster,
 * but it rounds at each step); the reduction is not the hot part of a program that prints or sums sines.
 */
final class PiOverTwoReduction {
    /** 2/pi in binary, 1600 bits after the point, most significant first (2/pi = 0.A2F9836E...). */
    private static final long[] TWO_OVER_PI = {
        0xA2F9836E4E441529L, 0xFC2757D1F534DDC0L, 0xDB6295993C439041L, 0xFE5163ABDEBBC561L,
        0xB7246E3A424DD2E0L, 0x06492EEA09D1921CL, 0xFE1DEB1CB129A73EL, 0xE88235F52EBB4484L,
        0xE99C7026B45F7E41L, 0x3991D639835339F4L, 0x9C845F8BBDF9283BL, 0x1FF897FFDE05980FL,
        0xEF2F118B5A0A6D1FL, 0x6D367ECF27CB09B7L, 0x4F463F669E5FEA2DL, 0x7527BAC7EBE5F17BL,
        0x3D0739F78A5292EAL, 0x6BFB5FB11F8D5D08L, 0x56033046FC7B6BABL, 0xF0CFBC209AF4361DL,
        0xA9E391615EE61B08L, 0x6599855F14A06840L, 0x8DFFD8804D732731L, 0x06061556CA73A8C9L,
        0x60E27BC08C6B47C4L,
    };
    private static final int WINDOW_WORDS = 5;
    /** pi/2 = PI_OVER_TWO_HI + PI_OVER_TWO_LO to 107 bits. */
    static final double PI_OVER_TWO_HI = 0x1.921fb54442d18p0;
    static final double PI_OVER_TWO_LO = 0x1.1a62633145c07p-54;

    /** n modulo 8, with the sign of x (n is only ever used modulo 4). */
    final int quadrant;
    final double hi;
    final double lo;

    private PiOverTwoReduction(int quadrant, double hi, double lo) {
        this.quadrant = quadrant;
        this.hi = hi;
        this.lo = lo;
    }

    /** pi/2 in three 33-bit parts and their tails (fdlibm's split): n * PART is exact for n < 2^20. */
    private static final double PART_1 = 0x1.921fb544p0;
    private static final double TAIL_1 = 0x1.0b4611a626331p-34;
    private static final double PART_2 = 0x1.0b4611a6p-34;
    private static final double TAIL_2 = 0x1.3198a2e037073p-69;
    private static final double PART_3 = 0x1.3198a2ep-69;
    private static final double TAIL_3 = 0x1.b839a252049c1p-104;
    private static final double TWO_OVER_PI_ROUNDED = 0x1.45f306dc9c883p-1;

    /**
     * Reduces a finite x with |x| > pi/4 as fdlibm does, whose rounding StrictMath's results depend on:
     * below 2^19 pi/2, by subtracting n times the three-part pi/2, as many parts as cancellation needs;
     * above, by {@link #fdlibmLarge}.
     */
    static PiOverTwoReduction fdlibm(double x) {
        int hx = (int) (Double.doubleToRawLongBits(x) >> 32);
        int ix = hx & 0x7fff_ffff;
        if (ix > 0x4139_21fb) {
            return fdlibmLarge(x);
        }
        double t = Math.abs(x);
        int n;
        double r;
        double w;
        double hi;
        if (ix < 0x4002_d97c) { // |x| < 3pi/4: n = 1; near pi/2 itself, two parts
            n = 1;
            boolean nearPiOverTwo = ix == 0x3ff9_21fb;
            r = nearPiOverTwo ? (t - PART_1) - PART_2 : t - PART_1;
            w = nearPiOverTwo ? TAIL_2 : TAIL_1;
            hi = r - w;
        } else {
            n = (int) (t * TWO_OVER_PI_ROUNDED + 0.5);
            double fn = n;
            r = t - fn * PART_1;
            w = fn * TAIL_1;
            hi = r - w;
            int exponent = ix >> 20;
            if (n >= 32 || ix == highWordOfMultiple(n)) {
                // bits lost to cancellation: go on with the next part while more than 16 (then 49) were lost
                if (exponent - exponentOf(hi) > 16) {
                    double previous = r;
                    w = fn * PART_2;
                    r = previous - w;
                    w = fn * TAIL_2 - ((previous - r) - w);
                    hi = r - w;
                    if (exponent - exponentOf(hi) > 49) {
                        previous = r;
                        w = fn * PART_3;
                        r = previous - w;
                        w = fn * TAIL_3 - ((previous - r) - w);
                        hi = r - w;
                    }
                }
            }
        }
        double lo = (r - hi) - w;
        return x < 0 ? new PiOverTwoReduction(-n & 7, -hi, -lo) : new PiOverTwoReduction(n & 7, hi, lo);
    }

    /** pi/2 in 24-bit pieces: each product with a 24-bit digit is exact. */
    private static final double[] PI_OVER_TWO_PIECES = {
        0x1.921fb4p0, 0x1.4442dp-24, 0x1.846988p-48, 0x1.8cc516p-72, 0x1.01b838p-96,
    };
    /** fdlibm's working precision for a double-double result: five columns of 24 bits beyond the first. */
    private static final int COLUMNS = 4;
    private static final int DIGIT = 0xFF_FFFF;

    /**
     * fdlibm's reduction above 2^19 pi/2, reproduced from its definition: |x| as three 24-bit digits times
     * 2/pi in 24-bit digits, summed column by column (each column exact) but only down to a fixed column,
     * with one more column for each leading zero digit of the fraction; the fraction (or 1 minus it, when
     * it is 1/2 or more) is then multiplied by the 24-bit pieces of pi/2 and summed in floating point in
     * fdlibm's order. The truncation and that summation decide the last bits of the pair, so they follow
     * fdlibm; the column sums are exact integer arithmetic here.
     */
    private static PiOverTwoReduction fdlibmLarge(double x) {
        long bits = Double.doubleToRawLongBits(x);
        long m = (bits & 0x000F_FFFF_FFFF_FFFFL) | 0x0010_0000_0000_0000L;
        int e0 = (int) ((bits >>> 52) & 0x7FF) - 1023 - 23; // |x| = (m / 2^29) * 2^e0, m / 2^29 in [2^23, 2^24)
        int[] xDigits = {(int) (m >>> 29), (int) (m >>> 5) & DIGIT, (int) (m & 31) << 19};
        int xCount = xDigits[2] != 0 ? 3 : xDigits[1] != 0 ? 2 : 1;
        int firstDigit = Math.max(0, (e0 - 3) / 24); // of 2/pi: earlier digits only add multiples of 8
        int q0 = e0 - 24 * (firstDigit + 1); // column i has weight 2^(q0 - 24 i)
        int columns = COLUMNS;
        while (true) {
            // column sums, then carries from the lowest column up: digit[i] for i >= 1, top = column 0
            long[] digit = new long[columns + 1];
            for (int i = 0; i <= columns; i++) {
                for (int j = 0; j < xCount; j++) {
                    int k = firstDigit + i - j;
                    digit[i] += k < 0 ? 0 : (long) xDigits[j] * twoOverPiDigit(k);
                }
            }
            for (int i = columns; i > 0; i--) {
                digit[i - 1] += digit[i] >>> 24;
                digit[i] &= DIGIT;
            }
            // integer part (mod 8) and the fraction's leading bits; fractionZ = column 0's fraction bits
            long top = digit[0];
            int n;
            long fractionZ = 0;
            boolean half;
            if (q0 > 0) {
                n = (int) ((top << q0) + (digit[1] >>> (24 - q0))) & 7;
                digit[1] &= DIGIT >>> q0;
                half = (digit[1] >>> (23 - q0)) != 0;
            } else if (q0 == 0) {
                n = (int) top & 7;
                half = (digit[1] >>> 23) != 0;
            } else {
                n = (int) (top >>> -q0) & 7;
                fractionZ = top & ((1L << -q0) - 1);
                half = (fractionZ >>> (-q0 - 1)) != 0;
            }
            if (half) { // fraction >= 1/2: n + 1 and the fraction 1 - f, digit by digit
                n++;
                boolean borrow = false;
                for (int i = columns; i >= 1; i--) {
                    if (borrow) {
                        digit[i] = DIGIT - digit[i];
                    } else if (digit[i] != 0) {
                        digit[i] = (DIGIT + 1) - digit[i];
                        borrow = true;
                    }
                }
                if (q0 > 0) {
                    digit[1] &= DIGIT >>> q0;
                }
                if (q0 < 0) {
                    fractionZ = (1L << -q0) - fractionZ - (borrow ? 1 : 0);
                }
            }
            int zeroColumns = 0;
            while (zeroColumns < columns - COLUMNS && digit[zeroColumns + 1] == 0) {
                zeroColumns++;
            }
            if (fractionZ == 0 && zeroColumns == columns - COLUMNS) {
                // the fraction's leading digits cancelled: one more column per further zero digit, and recompute
                int more = 1;
                while (columns - COLUMNS + more <= columns && digit[columns - COLUMNS + more] == 0) {
                    more++;
                }
                columns += more;
                continue;
            }
            return piOverTwoTimes(digit, columns, fractionZ, q0, n, half, x < 0);
        }
    }

    /** The fraction, given as digits (top first), times pi/2, summed as fdlibm sums it. */
    private static PiOverTwoReduction piOverTwoTimes(long[] digit, int columns, long fractionZ, int q0, int n,
            boolean negated, boolean negativeX) {
        long[] used = new long[columns + 2];
        int count = 0;
        int topExponent;
        if (fractionZ == 0) {
            int first = 1;
            while (digit[first] == 0) {
                first++;
            }
            topExponent = q0 - 24 * first;
            for (int i = first; i <= columns; i++) {
                used[count++] = digit[i];
            }
        } else {
            topExponent = q0;
            if (fractionZ > DIGIT) { // fdlibm splits a column-0 fraction of more than 24 bits in two
                used[count++] = fractionZ >>> 24;
                topExponent += 24;
            }
            used[count++] = fractionZ & DIGIT;
            for (int i = 1; i <= columns; i++) {
                used[count++] = digit[i];
            }
        }
        double[] value = new double[count];
        double weight = Math.scalb(1.0, topExponent);
        for (int t = 0; t < count; t++) {
            value[t] = weight * used[t];
            weight *= 0x1p-24;
        }
        // partial[m] = sum over k <= min(4, m) of PIECE[k] * value[m - k], lowest weights summed first
        double[] partial = new double[count];
        for (int mIndex = 0; mIndex < count; mIndex++) {
            double sum = 0.0;
            for (int k = 0; k < PI_OVER_TWO_PIECES.length && k <= mIndex; k++) {
                sum += PI_OVER_TWO_PIECES[k] * value[mIndex - k];
            }
            partial[mIndex] = sum;
        }
        double hi = 0.0;
        for (int mIndex = count - 1; mIndex >= 0; mIndex--) {
            hi += partial[mIndex];
        }
        double lo = partial[0] - hi;
        for (int mIndex = 1; mIndex < count; mIndex++) {
            lo += partial[mIndex];
        }
        if (negated) {
            hi = -hi;
            lo = -lo;
        }
        return negativeX ? new PiOverTwoReduction(-n & 7, -hi, -lo) : new PiOverTwoReduction(n & 7, hi, lo);
    }

    /** Digit k (24 bits, k = 0 the most significant) of 2/pi. */
    private static long twoOverPiDigit(int k) {
        int firstBit = 24 * k;
        int word = firstBit >>> 6;
        int offset = firstBit & 63;
        long high = TWO_OVER_PI[word] << offset;
        long value = offset <= 40 ? high >>> 40 : (high >>> 40) | (TWO_OVER_PI[word + 1] >>> (104 - offset));
        return value & DIGIT;
    }

    private static int exponentOf(double d) {
        return (int) (Double.doubleToRawLongBits(d) >>> 52) & 0x7ff;
    }

    /** The high word of n * pi/2 for 1 <= n < 32: x with that high word may cancel many bits. */
    private static int highWordOfMultiple(int n) {
        return (int) (Double.doubleToRawLongBits(n * PI_OVER_TWO_HI) >> 32);
    }

    /** Reduces a finite x with |x| > pi/4 exactly. */
    static PiOverTwoReduction of(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biasedExponent = (int) (bits >>> 52) & 0x7FF;
        long m = (bits & 0x000F_FFFF_FFFF_FFFFL) | 0x0010_0000_0000_0000L; // normal: |x| > pi/4
        int e = biasedExponent - 1075; // |x| = m * 2^e

        // The window: words w0 .. w0+4 of 2/pi, i.e. bit weights 2^-(64*w0+1) .. 2^-(64*w0+320).
        int w0 = Math.max(0, Math.floorDiv(e - 3, 64));
        long[] product = new long[WINDOW_WORDS + 1]; // m * window, most significant word first
        for (int i = WINDOW_WORDS - 1; i >= 0; i--) {
            long word = TWO_OVER_PI[w0 + i];
            long low = m * word;
            long high = Math.multiplyHigh(m, word) + ((word >> 63) & m); // unsigned high half, m > 0
            addAt(product, i + 1, low);
            addAt(product, i, high);
        }
        // |x| * 2/pi = product * 2^(e - 64*(w0+5)): fractionBits bits of product lie below the binary point
        int fractionBits = 64 * (w0 + WINDOW_WORDS) - e;
        int n = (int) bitsAbove(product, fractionBits) & 7;
        boolean upper = bit(product, fractionBits - 1) != 0; // fraction >= 1/2: round n up, fraction - 1
        if (upper) {
            n++;
            negate(product); // the fraction bits of -product are 1 - fraction
        }
        // the fraction's leading one, then 117 bits from it: f = (h53 + rest * 2^-64) * 2^(lead - 52)
        int lead = fractionBits - 1;
        while (bit(product, lead) == 0) {
            lead--;
        }
        long h53 = bitsFrom(product, lead, 53);
        long rest = bitsFrom(product, lead - 53, 64) >>> 1; // 63 bits, as a non-negative long
        double fHi = h53 * powerOfTwo(lead - fractionBits - 52);
        double fLo = rest * powerOfTwo(lead - fractionBits - 115);
        // r = f * pi/2 in double-double: fHi * PI_OVER_TWO_HI exactly, the rest to 2^-106
        double p = fHi * PI_OVER_TWO_HI;
        double pError = DoubleDouble.productError(fHi, PI_OVER_TWO_HI, p);
        double tail = pError + (fHi * PI_OVER_TWO_LO + fLo * PI_OVER_TWO_HI);
        double hi = p + tail;
        double lo = (p - hi) + tail;
        if (upper) {
            hi = -hi;
            lo = -lo;
        }
        return x < 0 ? new PiOverTwoReduction(-n & 7, -hi, -lo) : new PiOverTwoReduction(n & 7, hi, lo);
    }

    /** 2^k for a k that gives a normal double. */
    static double powerOfTwo(int k) {
        return Double.longBitsToDouble((long) (k + 1023) << 52);
    }

    private static void addAt(long[] words, int index, long value) {
        for (int i = index; i >= 0 && value != 0; i--) {
            long sum = words[i] + value;
            value = Long.compareUnsigned(sum, words[i]) < 0 ? 1 : 0;
            words[i] = sum;
        }
    }

    private static void negate(long[] words) {
        long carry = 1;
        for (int i = words.length - 1; i >= 0; i--) {
            long inverted = ~words[i];
            words[i] = inverted + carry;
            carry = carry != 0 && words[i] == 0 ? 1 : 0;
        }
    }

    /** Bit {@code position} (0 = least significant) of the big-endian word array; 0 outside it. */
    private static long bit(long[] words, int position) {
        if (position < 0 || position >= 64 * words.length) {
            return 0;
        }
        int word = words.length - 1 - (position >>> 6);
        return (words[word] >>> (position & 63)) & 1;
    }

    /** The value of the bits at {@code position} and above, modulo 2^64. */
    private static long bitsAbove(long[] words, int position) {
        return bitsFrom(words, position + 63, 64);
    }

    /** {@code count} (<= 64) bits whose most significant is at {@code top}, as an unsigned number. */
    private static long bitsFrom(long[] words, int top, int count) {
        long value = 0;
        for (int position = top; position > top - count; position--) {
            value = (value << 1) | bit(words, position);
        }
        return value;
    }
}
