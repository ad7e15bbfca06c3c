package kiln.lib.patches.java.util;

/**
 * Replaces how the JDK's {@code java.util.TimeZone} finds the default zone (see the compiler's JdkMethodPatches): the
 * JDK's reads the {@code user.timezone} property and asks natives for the host's zone; the guest has neither, so its
 * default is UTC. {@code TimeZone.setDefault} works as in the JDK.
 */
public final class TimeZone {
    private TimeZone() {
    }

    private static java.util.TimeZone setDefaultZone() {
        java.util.TimeZone utc = java.util.TimeZone.getTimeZone("UTC");
        java.util.TimeZone.setDefault(utc);
        return utc;
    }
}
