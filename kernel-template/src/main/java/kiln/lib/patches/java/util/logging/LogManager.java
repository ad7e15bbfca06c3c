package kiln.lib.patches.java.util.logging;

import java.io.File;

/**
 * Replaces {@code LogManager.getConfigurationFileName()} (see the compiler's JdkMethodPatches; an instance method,
 * so the patch takes the manager as its first parameter). The JDK's builds {@code <java.home>/conf/logging.properties}
 * with {@code java.nio.file.Paths}, whose default file system starts with natives ({@code getcwd}) a guest does
 * not have; this builds the same name with {@code java.io.File}. The file itself is the build JDK's, packed into the
 * image (the compiler's ResourceSelection, "JDK configuration files"), so the root logger gets the JDK's default
 * configuration: a {@code ConsoleHandler} on {@code System.err} at level INFO, as on HotSpot.
 */
public final class LogManager {
    private LogManager() {
    }

    public static String getConfigurationFileName(java.util.logging.LogManager self) {
        String name = System.getProperty("java.util.logging.config.file");
        if (name != null) {
            return name;
        }
        String javaHome = System.getProperty("java.home");
        if (javaHome == null) {
            throw new Error("Can't find java.home ??"); // the JDK's message
        }
        return new File(new File(javaHome, "conf"), "logging.properties").getAbsolutePath();
    }
}
