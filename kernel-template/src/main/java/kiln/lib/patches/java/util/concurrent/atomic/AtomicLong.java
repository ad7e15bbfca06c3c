package kiln.lib.patches.java.util.concurrent.atomic;

/**
 * Replaces the one native of the JDK's {@code java.util.concurrent.atomic.AtomicLong} (see the compiler's
 * JdkMethodPatches); the rest of the class is the JDK's bytecode over Kiln's {@code Unsafe}.
 */
public final class AtomicLong {
    private AtomicLong() {
    }

    /** x86-64 has an 8-byte compare-and-exchange (LOCK CMPXCHG r/m64), which Kiln's Unsafe uses. */
    static boolean VMSupportsCS8() {
        return true;
    }
}
