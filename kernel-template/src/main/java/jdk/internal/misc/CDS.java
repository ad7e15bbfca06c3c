package jdk.internal.misc;

/**
 * Class data sharing: HotSpot's archive of pre-initialized heap objects. A Kiln image is already built
 * ahead of time, so there is never an archive to dump or to load from: every query answers "no" and
 * {@link #initializeFromArchive} leaves the class's archived fields null, which makes its static
 * initializer compute them (as HotSpot does when sharing is off).
 */
public class CDS {
    public static boolean isDumpingClassList() {
        return false;
    }

    public static boolean isDumpingArchive() {
        return false;
    }

    public static boolean isSharingEnabled() {
        return false;
    }

    public static void initializeFromArchive(Class<?> c) {}

    /** Only read while dumping an archive, which never happens; HotSpot answers 0 then too. */
    public static long getRandomSeedForDumping() {
        return 0;
    }

    public static void traceLambdaFormInvoker(String prefix, String holder, String name, String type) {}

    public static void traceSpeciesType(String prefix, String cn) {}
}
