package jdk.internal.math;

/**
 * Kiln's unsigned big integer for the JDK's {@code FloatingDecimal}, whose bytecode converts doubles to and
 * from decimal and calls this class where a {@code long} cannot hold the exact intermediate values (large or
 * tiny exponents, long digit strings). Only the members that bytecode uses exist, each with the contract the
 * caller relies on (noted per method); how they compute it is Kiln's own.
 *
 * <p>Representation: magnitude words of 32 bits, least significant first, {@code length} of them in use with
 * no leading zero word (zero has length 0). Every operation returns a new value except
 * {@link #quoRemIteration}, which updates {@code this} as its contract says; {@link #makeImmutable} marks a
 * value the caller shares between iterations, and {@code quoRemIteration} refuses to change such a value.
 *
 * <p>Division for digit generation is repeated subtraction: the caller guarantees a quotient below ten, so
 * at most nine subtractions of at most 35 words (2^1100 covers every double's scaled numerator) per digit.
 * <i>Rejected</i>: Knuth's long division with a normalized divisor (what {@link #getNormalizationBias} exists
 * for in the JDK's design); it needs quotient estimation and correction steps that buy nothing at 17 digits.
 * The class deliberately does not override {@code toString}: any reachable {@code toString} override is
 * compiled into the image, and a decimal one would need {@code BigInteger}.
 */
public final class FDBigInteger {
    /** 5^0 .. 5^13: the powers of five below 2^31, indexed by exponent. */
    static final int[] SMALL_5_POW = new int[14];
    /**
     * 5^0 .. 5^26: the powers of five below 2^62. FloatingDecimal indexes its own bit-length table with the
     * same exponents, so the length must stay 27.
     */
    static final long[] LONG_5_POW = new long[27];

    static {
        long power = 1;
        for (int i = 0; i < LONG_5_POW.length; i++) {
            LONG_5_POW[i] = power;
            if (i < SMALL_5_POW.length) {
                SMALL_5_POW[i] = (int) power;
            }
            power *= 5;
        }
    }

    public static final FDBigInteger ZERO = immutable(new FDBigInteger(new int[0]));

    private static final long WORD_MASK = 0xFFFF_FFFFL;

    private int[] words;
    private int length;
    private boolean immutable;

    private FDBigInteger(int[] words) {
        this.words = words;
        this.length = usedLength(words, words.length);
    }

    /** The number of words below the leading zero words among the first {@code length}. */
    private static int usedLength(int[] words, int length) {
        while (length > 0 && words[length - 1] == 0) {
            length--;
        }
        return length;
    }

    /**
     * The integer whose decimal digits are those of {@code lValue} followed by
     * {@code digits[kDigits..nDigits)} ('0'..'9'): lValue * 10^(nDigits-kDigits) + that digit string.
     */
    public FDBigInteger(long lValue, char[] digits, int kDigits, int nDigits) {
        // 10^9 < 2^32: nine digits at a time fit one multiply-add by a word; 3.33 bits per digit
        int[] accumulator = new int[2 + (nDigits - kDigits) / 9 + 1];
        accumulator[0] = (int) lValue;
        accumulator[1] = (int) (lValue >>> 32);
        int i = kDigits;
        while (i < nDigits) {
            int chunkEnd = Math.min(nDigits, i + 9);
            int chunk = 0;
            int scale = 1;
            for (; i < chunkEnd; i++) {
                chunk = chunk * 10 + (digits[i] - '0');
                scale *= 10;
            }
            multiplyAddInPlace(accumulator, scale, chunk);
        }
        this.words = accumulator;
        this.length = usedLength(accumulator, accumulator.length);
    }

    /** 5^p5 * 2^p2, for p5, p2 >= 0. */
    public static FDBigInteger valueOfPow52(int p5, int p2) {
        return ofLong(1).multByPow52(p5, p2);
    }

    /** value * 5^p5 * 2^p2, for value, p5, p2 >= 0. */
    public static FDBigInteger valueOfMulPow52(long value, int p5, int p2) {
        return ofLong(value).multByPow52(p5, p2);
    }

    private static FDBigInteger ofLong(long value) {
        return new FDBigInteger(new int[] {(int) value, (int) (value >>> 32)});
    }

    private static FDBigInteger immutable(FDBigInteger value) {
        value.immutable = true;
        return value;
    }

    /**
     * The left shift the caller applies to divisor, dividend and margin before {@link #quoRemIteration}.
     * Repeated subtraction needs no normalized divisor, so no shift.
     */
    public int getNormalizationBias() {
        return 0;
    }

    /** this * 2^shift. */
    public FDBigInteger leftShift(int shift) {
        if (length == 0 || shift == 0) {
            return this;
        }
        int wordShift = shift >>> 5;
        int bitShift = shift & 31;
        int[] shifted = new int[length + wordShift + 1];
        for (int i = 0; i < length; i++) {
            long word = (words[i] & WORD_MASK) << bitShift;
            shifted[i + wordShift] |= (int) word;
            shifted[i + wordShift + 1] = (int) (word >>> 32);
        }
        return new FDBigInteger(shifted);
    }

    /**
     * One digit of output: returns q = this / S (the caller guarantees 0 <= q < 10) and sets this to
     * 10 * (this mod S).
     */
    public int quoRemIteration(FDBigInteger S) {
        if (immutable) {
            throw new IllegalStateException("quoRemIteration on an immutable FDBigInteger");
        }
        int quotient = 0;
        while (compare(this, S) >= 0) {
            subtractInPlace(S);
            quotient++;
        }
        int[] times10 = new int[length + 1];
        System.arraycopy(words, 0, times10, 0, length);
        multiplyAddInPlace(times10, 10, 0);
        words = times10;
        length = usedLength(times10, times10.length);
        return quotient;
    }

    /** this * 10. */
    public FDBigInteger multBy10() {
        return multiplyBy(10);
    }

    /** this * 5^p5 * 2^p2, for p5, p2 >= 0. */
    public FDBigInteger multByPow52(int p5, int p2) {
        FDBigInteger product = this;
        for (int remaining = p5; remaining > 0; remaining -= 13) {
            product = product.multiplyBy(SMALL_5_POW[Math.min(remaining, 13)]);
        }
        return product.leftShift(p2);
    }

    /**
     * this - subtrahend, for this >= subtrahend; the caller no longer uses {@code this} (the JDK reuses its
     * words, hence "left").
     */
    public FDBigInteger leftInplaceSub(FDBigInteger subtrahend) {
        return difference(this, subtrahend);
    }

    /**
     * this - subtrahend, for this >= subtrahend; the caller no longer uses {@code subtrahend} (the JDK reuses
     * its words, hence "right").
     */
    public FDBigInteger rightInplaceSub(FDBigInteger subtrahend) {
        return difference(this, subtrahend);
    }

    /** -1, 0 or 1 as this is below, equal to or above {@code other}. */
    public int cmp(FDBigInteger other) {
        return compare(this, other);
    }

    /** -1, 0 or 1 as this is below, equal to or above 5^p5 * 2^p2. */
    public int cmpPow52(int p5, int p2) {
        return compare(this, valueOfPow52(p5, p2));
    }

    /** -1, 0 or 1 as this is below, equal to or above x + y. */
    public int addAndCmp(FDBigInteger x, FDBigInteger y) {
        FDBigInteger longer = x.length >= y.length ? x : y;
        FDBigInteger shorter = longer == x ? y : x;
        int[] sum = new int[longer.length + 1];
        long carry = 0;
        for (int i = 0; i < longer.length; i++) {
            carry += (longer.words[i] & WORD_MASK) + (i < shorter.length ? shorter.words[i] & WORD_MASK : 0);
            sum[i] = (int) carry;
            carry >>>= 32;
        }
        sum[longer.length] = (int) carry;
        return compare(this, new FDBigInteger(sum));
    }

    /** Marks this value as shared: {@link #quoRemIteration} will not change it. */
    public void makeImmutable() {
        immutable = true;
    }

    private FDBigInteger multiplyBy(int factor) {
        int[] product = new int[length + 1];
        System.arraycopy(words, 0, product, 0, length);
        multiplyAddInPlace(product, factor, 0);
        return new FDBigInteger(product);
    }

    /**
     * words = words * factor + addend, both unsigned 32-bit; the array must have room for the carry-out
     * (its top word zero before).
     */
    private static void multiplyAddInPlace(int[] words, int factor, int addend) {
        long carry = addend & WORD_MASK;
        long f = factor & WORD_MASK;
        for (int i = 0; i < words.length; i++) {
            long product = (words[i] & WORD_MASK) * f + carry;
            words[i] = (int) product;
            carry = product >>> 32;
        }
        if (carry != 0) {
            throw new ArithmeticException("FDBigInteger multiply-add overflowed its " + words.length + " words");
        }
    }

    private static FDBigInteger difference(FDBigInteger minuend, FDBigInteger subtrahend) {
        int[] copy = new int[minuend.length];
        System.arraycopy(minuend.words, 0, copy, 0, minuend.length);
        FDBigInteger result = new FDBigInteger(copy);
        result.subtractInPlace(subtrahend);
        return result;
    }

    /** this -= subtrahend, for this >= subtrahend. */
    private void subtractInPlace(FDBigInteger subtrahend) {
        if (compare(this, subtrahend) < 0) {
            throw new ArithmeticException("FDBigInteger subtraction would be negative");
        }
        long borrow = 0;
        for (int i = 0; i < length; i++) {
            long difference = (words[i] & WORD_MASK) - (i < subtrahend.length ? subtrahend.words[i] & WORD_MASK : 0)
                    - borrow;
            words[i] = (int) difference;
            borrow = difference < 0 ? 1 : 0;
        }
        length = usedLength(words, length);
    }

    private static int compare(FDBigInteger a, FDBigInteger b) {
        if (a.length != b.length) {
            return a.length < b.length ? -1 : 1;
        }
        for (int i = a.length - 1; i >= 0; i--) {
            if (a.words[i] != b.words[i]) {
                return Integer.compareUnsigned(a.words[i], b.words[i]) < 0 ? -1 : 1;
            }
        }
        return 0;
    }
}
