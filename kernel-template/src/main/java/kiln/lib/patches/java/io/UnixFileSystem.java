package kiln.lib.patches.java.io;

/**
 * Replaces the native that the JDK's {@code java.io.UnixFileSystem} runs when it is initialized (see the
 * compiler's JdkMethodPatches): {@code java.io.File}'s class initializer creates the platform's file system, so
 * every library that merely mentions a {@code File} (Commons IO, Commons CSV's {@code parse(File, ...)})
 * reaches it. HotSpot's {@code initIDs} caches a JNI field ID for {@code File.path}; a Kiln image has no JNI
 * to cache for. This lets such libraries build; an image still has no files (README "What compiles today"):
 * the file system's constructor reads {@code System.getProperties()}, which Kiln does not have, so a program
 * that makes a {@code File} fails there at run time, and one that reaches another of the file system's natives
 * fails to build, naming it.
 */
public final class UnixFileSystem {
    private UnixFileSystem() {
    }

    private static void initIDs() {
    }
}
