package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces {@code jdk.internal.misc.ScopedMemoryAccess.registerNatives} (see the compiler's JdkMethodPatches), which
 * the class's static initializer runs, and through it that of every {@code java.nio} buffer ({@code URI.getPath}
 * decodes through one). HotSpot registers the native that closes a shared memory segment's scope; a Kiln image is
 * linked as a whole and has no memory segments (the foreign memory API is incubating in JDK 17), so there is
 * nothing to register. The class's accessors are plain Java over {@code Unsafe}.
 */
public final class ScopedMemoryAccess {
    private ScopedMemoryAccess() {
    }

    private static void registerNatives() {
    }
}
