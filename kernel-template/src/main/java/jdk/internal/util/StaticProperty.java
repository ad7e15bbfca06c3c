package jdk.internal.util;

/**
 * The system properties the JDK reads once at start-up. The JDK's class reads them from
 * {@code System.getProperties()} in its initializer and fails with InternalError when one is missing; a Kiln
 * guest starts without properties (see Kiln's System), so these answer what the program set, or otherwise the
 * guest's own facts: {@code java.home} as System defines it, no library paths, the root directory
 * as home and working directory, {@code /tmp}, and UTF-8 as the platform encoding.
 */
public final class StaticProperty {
    private StaticProperty() {
    }

    public static String javaHome() {
        return System.getProperty("java.home", "");
    }

    public static String userHome() {
        return System.getProperty("user.home", "/");
    }

    public static String userDir() {
        return System.getProperty("user.dir", "/");
    }

    public static String userName() {
        return System.getProperty("user.name", "?");
    }

    public static String javaLibraryPath() {
        return System.getProperty("java.library.path", "");
    }

    public static String javaIoTmpDir() {
        return System.getProperty("java.io.tmpdir", "/tmp");
    }

    public static String sunBootLibraryPath() {
        return System.getProperty("sun.boot.library.path", "");
    }

    public static String jdkSerialFilter() {
        return System.getProperty("jdk.serialFilter");
    }

    public static String jdkSerialFilterFactory() {
        return System.getProperty("jdk.serialFilterFactory");
    }

    public static String nativeEncoding() {
        return System.getProperty("native.encoding", "UTF-8");
    }
}
