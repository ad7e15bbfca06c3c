package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces the native that the JDK's {@code jdk.internal.misc.ScopedMemoryAccess} runs when it is initialized
 * (see the compiler's JdkMethodPatches). {@code java.nio}'s buffers reach the class for their bulk copies and
 * comparisons. HotSpot's {@code registerNatives} registers the class's one other native
 * ({@code closeScope0}, for memory segments that a thread closes); a Kiln image is linked as a whole, so there
 * is nothing to register.
 */
public final class ScopedMemoryAccess {
    private ScopedMemoryAccess() {
    }

    private static void registerNatives() {
    }
}
