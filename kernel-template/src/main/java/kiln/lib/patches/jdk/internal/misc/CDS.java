package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces the natives of the JDK's {@code jdk.internal.misc.CDS} (see the compiler's JdkMethodPatches): class
 * data sharing, HotSpot's archive of pre-initialized heap objects. A Kiln image is already built ahead of time,
 * so there is never an archive to dump or to load from: the static initializer's queries answer "no",
 * {@link #initializeFromArchive} leaves the class's archived fields null, which makes its static initializer
 * compute them (as HotSpot does with sharing off), and nothing is ever logged for a dump. The rest of the
 * class, the holder-class names and the dump driver that never runs, stays the JDK's bytecode.
 */
public final class CDS {
    private CDS() {
    }

    private static boolean isDumpingClassList0() {
        return false;
    }

    private static boolean isDumpingArchive0() {
        return false;
    }

    private static boolean isSharingEnabled0() {
        return false;
    }

    public static void initializeFromArchive(Class<?> c) {
    }

    /** Only read while dumping an archive, which never happens; HotSpot answers 0 then too. */
    public static long getRandomSeedForDumping() {
        return 0;
    }

    /** Called only while dumping a class list, which never happens. */
    private static void logLambdaFormInvoker(String line) {
    }
}
