package java.util;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import jdk.internal.misc.Unsafe;
import jdk.internal.util.random.RandomSupport.AbstractSpliteratorGenerator;
import kiln.runtime.LibrarySupport;

/**
 * The linear congruential generator that the {@code java.util.Random} javadoc specifies (Knuth, TAOCP vol. 2,
 * §3.2.1: 48-bit seed, multiplier 0x5DEECE66D, addend 0xB), so that a seeded instance produces the same
 * sequence as on HotSpot, bit for bit. One instance may be shared by threads, which the timer preempts at any
 * loop or call, so each step is a compare-and-set of the seed (through Unsafe, with the field's build-time
 * offset) and {@link #nextGaussian} is {@code synchronized}, as in the JDK; the JDK's own class cannot be used
 * because its class initializer reflects on the seed field. The stream methods and the
 * {@link RandomGenerator} defaults ({@code nextInt(origin, bound)}, ...) are the JDK's own bytecode.
 */
public class Random implements RandomGenerator, java.io.Serializable {
    static final long serialVersionUID = 3905348978240129619L;

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long ADDEND = 0xBL;
    private static final long MASK = (1L << 48) - 1;
    /** 2^-53: a 53-bit integer times this is a double in [0, 1) with every value equally spaced. */
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    /** 2^-24, the same for float's 24-bit significand. */
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    /**
     * Makes the seeds of instances created within one time-stamp tick differ: each {@code new Random()}
     * steps this through an LCG whose multiplier has good spectral properties (L'Ecuyer, "Tables of linear
     * congruential generators of different sizes and good lattice structure", 1999), as the JDK does.
     */
    private static final AtomicLong seedUniquifier = new AtomicLong(8682522807148012L);

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long SEED = U.objectFieldOffset(Random.class, "seed");

    private long seed;
    private double nextNextGaussian;
    private boolean haveNextNextGaussian;

    /** Seeds from the CPU's time-stamp counter, so that two runs (and two instances) almost surely differ. */
    public Random() {
        this(nextSeedUniquifier() ^ LibrarySupport.nanoTime());
    }

    public Random(long seed) {
        if (getClass() == Random.class) {
            this.seed = initialScramble(seed);
        } else {
            // A subclass may override setSeed; the JDK calls it from here too.
            setSeed(seed);
        }
    }

    private static long nextSeedUniquifier() {
        while (true) {
            long current = seedUniquifier.get();
            long next = current * 1181783497276652981L;
            if (seedUniquifier.compareAndSet(current, next)) {
                return next;
            }
        }
    }

    private static long initialScramble(long seed) {
        return (seed ^ MULTIPLIER) & MASK;
    }

    public synchronized void setSeed(long seed) {
        U.putLongVolatile(this, SEED, initialScramble(seed));
        haveNextNextGaussian = false;
    }

    /** One LCG step, atomic; the result is the top {@code bits} bits of the new 48-bit seed. */
    protected int next(int bits) {
        long current;
        long next;
        do {
            current = U.getLongVolatile(this, SEED);
            next = (current * MULTIPLIER + ADDEND) & MASK;
        } while (!U.compareAndSetLong(this, SEED, current, next));
        return (int) (next >>> (48 - bits));
    }

    public void nextBytes(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int random = nextInt();
            for (int n = Math.min(length - i, Integer.BYTES); n > 0; n--) {
                bytes[i++] = (byte) random;
                random >>= Byte.SIZE;
            }
        }
    }

    @Override
    public int nextInt() {
        return next(32);
    }

    /**
     * A power-of-two bound takes the high bits (the LCG's low bits have short periods); any other bound
     * rejects the values of the last, incomplete multiple of {@code bound} so that every result is equally
     * likely. The rejection test is the javadoc's overflow check {@code bits - val + (bound - 1) < 0}.
     */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        int bits = next(31);
        int max = bound - 1;
        if ((bound & max) == 0) {
            return (int) ((bound * (long) bits) >> 31);
        }
        int value = bits % bound;
        while (bits - value + max < 0) {
            bits = next(31);
            value = bits % bound;
        }
        return value;
    }

    @Override
    public long nextLong() {
        return ((long) next(32) << 32) + next(32);
    }

    @Override
    public boolean nextBoolean() {
        return next(1) != 0;
    }

    @Override
    public float nextFloat() {
        return next(24) * FLOAT_UNIT;
    }

    @Override
    public double nextDouble() {
        return (((long) next(26) << 27) + next(27)) * DOUBLE_UNIT;
    }

    /**
     * The polar method (Box, Muller and Marsaglia; Knuth, TAOCP vol. 2, §3.4.1, algorithm C) makes two
     * independent values at a time; the second is kept for the next call. StrictMath, as the javadoc
     * requires, so that the values are the same on every platform.
     */
    @Override
    public synchronized double nextGaussian() {
        if (haveNextNextGaussian) {
            haveNextNextGaussian = false;
            return nextNextGaussian;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextNextGaussian = v2 * multiplier;
        haveNextNextGaussian = true;
        return v1 * multiplier;
    }

    @Override
    public IntStream ints(long streamSize) {
        return AbstractSpliteratorGenerator.ints(this, streamSize);
    }

    @Override
    public IntStream ints() {
        return AbstractSpliteratorGenerator.ints(this);
    }

    @Override
    public IntStream ints(long streamSize, int randomNumberOrigin, int randomNumberBound) {
        return AbstractSpliteratorGenerator.ints(this, streamSize, randomNumberOrigin, randomNumberBound);
    }

    @Override
    public IntStream ints(int randomNumberOrigin, int randomNumberBound) {
        return AbstractSpliteratorGenerator.ints(this, randomNumberOrigin, randomNumberBound);
    }

    @Override
    public LongStream longs(long streamSize) {
        return AbstractSpliteratorGenerator.longs(this, streamSize);
    }

    @Override
    public LongStream longs() {
        return AbstractSpliteratorGenerator.longs(this);
    }

    @Override
    public LongStream longs(long streamSize, long randomNumberOrigin, long randomNumberBound) {
        return AbstractSpliteratorGenerator.longs(this, streamSize, randomNumberOrigin, randomNumberBound);
    }

    @Override
    public LongStream longs(long randomNumberOrigin, long randomNumberBound) {
        return AbstractSpliteratorGenerator.longs(this, randomNumberOrigin, randomNumberBound);
    }

    @Override
    public DoubleStream doubles(long streamSize) {
        return AbstractSpliteratorGenerator.doubles(this, streamSize);
    }

    @Override
    public DoubleStream doubles() {
        return AbstractSpliteratorGenerator.doubles(this);
    }

    @Override
    public DoubleStream doubles(long streamSize, double randomNumberOrigin, double randomNumberBound) {
        return AbstractSpliteratorGenerator.doubles(this, streamSize, randomNumberOrigin, randomNumberBound);
    }

    @Override
    public DoubleStream doubles(double randomNumberOrigin, double randomNumberBound) {
        return AbstractSpliteratorGenerator.doubles(this, randomNumberOrigin, randomNumberBound);
    }
}
