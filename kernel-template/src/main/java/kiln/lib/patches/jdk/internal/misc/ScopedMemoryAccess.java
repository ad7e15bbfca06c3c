package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces the native that the JDK's {@code jdk.internal.misc.ScopedMemoryAccess} runs when it is initialized (see
 * the compiler's JdkMethodPatches). Every {@code java.nio} buffer reads and writes through that class, whose
 * methods are plain Java over {@code Unsafe}; HotSpot's {@code registerNatives} binds only {@code closeScope0},
 * which memory segments of the foreign-memory API call and heap buffers never do. A Kiln image is linked as a
 * whole, so there is nothing to register; {@code closeScope0} stays an unimplemented native.
 */
public final class ScopedMemoryAccess {
    private ScopedMemoryAccess() {
    }

    public static void registerNatives() {
    }
}
