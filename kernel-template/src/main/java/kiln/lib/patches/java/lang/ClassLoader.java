package kiln.lib.patches.java.lang;

/**
 * Replaces two methods of the JDK's {@code java.lang.ClassLoader} (see the compiler's JdkMethodPatches): calling
 * the static {@link #getSystemClassLoader} initializes the class, whose initializer registers HotSpot's natives.
 */
public final class ClassLoader {
    private ClassLoader() {
    }

    /**
     * Kiln compiles a closed world and loads no class at run time, so there is no system class loader: null, which
     * the method's contract allows ("null if none") and which means the bootstrap loader wherever a loader is
     * passed on ({@code ForkJoinWorkerThread} makes it its context class loader). The JDK's would initialize the
     * module system, the class path and the file system.
     */
    public static java.lang.ClassLoader getSystemClassLoader() {
        return null;
    }

    /** The JDK's class initializer registers the loader's natives with HotSpot; Kiln has none to register. */
    private static void registerNatives() {
    }
}
