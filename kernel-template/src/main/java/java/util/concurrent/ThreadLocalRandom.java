package java.util.concurrent;

import java.security.AccessControlContext;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jdk.internal.misc.Unsafe;

/**
 * Kiln's {@code ThreadLocalRandom}: a SplitMix generator per thread (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): the thread's 64-bit seed advances by the odd constant
 * {@link #GAMMA} per draw and each result is a bijective mix of the new seed. The per-thread state lives in
 * three fields of {@code Thread}, reached through Unsafe with build-time offsets, because the JDK's
 * {@code ConcurrentHashMap}, {@code LongAdder}, {@code Exchanger} and {@code ForkJoinPool} call this class's
 * package-private {@link #getProbe}, {@link #advanceProbe}, {@link #localInit} and {@link #nextSecondarySeed},
 * which are its real interface to {@code java.util.concurrent}.
 *
 * <p><i>Rejected</i>: the JDK's own bytecode. Its class initializer may seed from {@code SecureRandom}
 * (when a system property asks for it), which brings the whole security-provider, file-system and network
 * tangle into every closed world that uses a {@code ConcurrentHashMap} (docs/compiler.md "The class library").
 * The sequences are seeded at run time from the clocks, so no program can observe that they differ from
 * HotSpot's.
 */
public class ThreadLocalRandom extends Random {
    private static final long serialVersionUID = -5851777807851030925L;

    /** 2^64 divided by the golden ratio, rounded to odd: the seed step (the paper's GOLDEN_GAMMA). */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;
    /** Step between the probes of successive threads (2^32 / golden ratio), so their hash slots spread. */
    private static final int PROBE_STEP = 0x9e3779b9;
    /** Step of the seed generator for new threads: another odd constant, unrelated to {@link #GAMMA}. */
    private static final long SEEDER_STEP = 0xbb67ae8584caa73bL;

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long SEED = U.objectFieldOffset(Thread.class, "threadLocalRandomSeed");
    private static final long PROBE = U.objectFieldOffset(Thread.class, "threadLocalRandomProbe");
    private static final long SECONDARY = U.objectFieldOffset(Thread.class, "threadLocalRandomSecondarySeed");
    private static final long THREAD_LOCALS = U.objectFieldOffset(Thread.class, "threadLocals");
    private static final long INHERITABLE_THREAD_LOCALS = U.objectFieldOffset(Thread.class, "inheritableThreadLocals");
    private static final long ACCESS_CONTROL_CONTEXT = U.objectFieldOffset(Thread.class, "inheritedAccessControlContext");

    private static final AtomicInteger probes = new AtomicInteger();
    private static final AtomicLong seeder = new AtomicLong(mix64(System.currentTimeMillis()) ^ mix64(System.nanoTime()));
    private static final ThreadLocalRandom INSTANCE = new ThreadLocalRandom();

    /** False only while Random's constructor runs, which calls {@link #setSeed}. */
    boolean initialized;

    private ThreadLocalRandom() {
        initialized = true;
    }

    /** MurmurHash3's 64-bit finalizer (Appleby): a bijection whose every output bit depends on every input bit. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static int mix32(long z) {
        return (int) (mix64(z) >>> 32);
    }

    /** Gives the calling thread its seed and a nonzero probe. */
    static final void localInit() {
        int probe = probes.addAndGet(PROBE_STEP);
        Thread t = Thread.currentThread();
        U.putLong(t, SEED, mix64(seeder.getAndAdd(SEEDER_STEP)));
        U.putInt(t, PROBE, probe == 0 ? 1 : probe);
    }

    /** The calling thread's generator. */
    public static ThreadLocalRandom current() {
        if (U.getInt(Thread.currentThread(), PROBE) == 0) {
            localInit();
        }
        return INSTANCE;
    }

    /** Seeding is the thread's business: only Random's constructor may call this. */
    @Override
    public void setSeed(long seed) {
        if (initialized) {
            throw new UnsupportedOperationException();
        }
    }

    final long nextSeed() {
        Thread t = Thread.currentThread();
        long seed = U.getLong(t, SEED) + GAMMA;
        U.putLong(t, SEED, seed);
        return seed;
    }

    @Override
    protected int next(int bits) {
        return nextInt() >>> (32 - bits);
    }

    @Override
    public int nextInt() {
        return mix32(nextSeed());
    }

    @Override
    public long nextLong() {
        return mix64(nextSeed());
    }

    @Override
    public boolean nextBoolean() {
        return nextInt() < 0;
    }

    @Override
    public float nextFloat() {
        return (nextInt() >>> 8) * 0x1.0p-24f;
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** The calling thread's hash probe, 0 before {@link #localInit}; contention-spreading for striped counters. */
    static final int getProbe() {
        return U.getInt(Thread.currentThread(), PROBE);
    }

    /** Moves the calling thread's probe on by one xorshift step (Marsaglia 2003: 13, 17, 5) after a collision. */
    static final int advanceProbe(int probe) {
        probe ^= probe << 13;
        probe ^= probe >>> 17;
        probe ^= probe << 5;
        U.putInt(Thread.currentThread(), PROBE, probe);
        return probe;
    }

    /** A second per-thread random stream, kept apart from the user-visible one (ConcurrentSkipListMap, ForkJoin). */
    static final int nextSecondarySeed() {
        Thread t = Thread.currentThread();
        int r = U.getInt(t, SECONDARY);
        if (r != 0) {
            r ^= r << 13;
            r ^= r >>> 17;
            r ^= r << 5;
        } else {
            r = mix32(seeder.getAndAdd(SEEDER_STEP));
            if (r == 0) {
                r = 1;
            }
        }
        U.putInt(t, SECONDARY, r);
        return r;
    }

    /** A pool's innocuous worker starts each task without thread locals. */
    static final void eraseThreadLocals(Thread thread) {
        U.putReference(thread, THREAD_LOCALS, null);
        U.putReference(thread, INHERITABLE_THREAD_LOCALS, null);
    }

    static final void setInheritedAccessControlContext(Thread thread, AccessControlContext context) {
        U.putReferenceRelease(thread, ACCESS_CONTROL_CONTEXT, context);
    }
}
