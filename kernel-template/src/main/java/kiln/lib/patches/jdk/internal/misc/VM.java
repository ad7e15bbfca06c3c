package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces natives of the JDK's {@code jdk.internal.misc.VM} (see the compiler's JdkMethodPatches).
 * {@code java.lang.ref.ReferenceQueue} reaches the class for its final-reference count, and runs
 * {@code initialize}: HotSpot's looks up the JVM's own library and registers the class's other natives with it;
 * a Kiln image is linked as a whole, so there is nothing to look up or register. {@code java.time.Clock} (behind
 * {@code Instant.now}) reads the wall clock with {@link #getNanoTimeAdjustment}. {@link #getSavedProperty} answers
 * the system properties: HotSpot saves them while {@code System} initializes, which Kiln's {@code System} does
 * not do through {@code VM.saveProperties}.
 */
public final class VM {
    private VM() {
    }

    public static void initialize() {
    }

    /**
     * The system property {@code key} (the JDK's {@code ThreadLocalRandom} asks for
     * {@code java.util.secureRandomSeed} here). The JDK's throws IllegalStateException until {@code System} has
     * saved the properties at start-up; Kiln's properties exist from boot, and nothing sets one before
     * {@code main} runs, so the current value is the saved one.
     */
    public static String getSavedProperty(String key) {
        return System.getProperty(key);
    }

    /** The largest distance from {@code offsetInSeconds} that {@link #getNanoTimeAdjustment} answers: 2^32 s. */
    private static final long MAX_ADJUSTMENT_SECONDS = 0x1_0000_0000L;

    /**
     * Nanoseconds from {@code offsetInSeconds} (seconds since 1970-01-01T00:00Z) to now, or -1 if more than
     * 2^32 seconds apart, as HotSpot's contract says. Now is the kernel's wall clock (the real-time clock read at
     * boot plus the TSC since; the host's {@code CLOCK_REALTIME} on the hosted target: kiln.kernel.time.Clock),
     * in whole milliseconds, as {@code System.currentTimeMillis}.
     */
    public static long getNanoTimeAdjustment(long offsetInSeconds) {
        long nowMillis = kiln.runtime.LibrarySupport.currentTimeMillis();
        long seconds = Math.floorDiv(nowMillis, 1000) - offsetInSeconds;
        if (seconds >= MAX_ADJUSTMENT_SECONDS || seconds <= -MAX_ADJUSTMENT_SECONDS) {
            return -1;
        }
        return seconds * 1_000_000_000L + Math.floorMod(nowMillis, 1000) * 1_000_000L;
    }
}
