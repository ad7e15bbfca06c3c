package kiln.lib.patches.java.util;

/**
 * Replaces how the JDK's {@code java.util.TimeZone} finds the default zone (see the compiler's JdkMethodPatches).
 * HotSpot's {@code setDefaultZone} reads the {@code user.timezone} property through {@code System.getProperties()}
 * and, when it is empty, asks a native for the host's zone ({@code TZ}, {@code /etc/localtime}). A Kiln image has
 * no host: its default is the zone the build named ({@code <defaultTimeZone>}, {@code UTC} unless named:
 * docs/compiler.md "Time zones"); the {@code user.timezone} property, when the program sets it first, still wins,
 * and is set to the zone's id afterwards, as on HotSpot.
 */
public final class TimeZone {
    private TimeZone() {
    }

    /** The default zone, found the first time it is asked for and kept, as by {@code TimeZone.setDefault}. */
    private static java.util.TimeZone setDefaultZone() {
        String id = System.getProperty("user.timezone");
        if (id == null || id.isEmpty()) {
            id = kiln.runtime.TimeZoneData.defaultZoneId();
        }
        java.util.TimeZone zone = java.util.TimeZone.getTimeZone(id); // GMT for an id the image does not carry
        System.setProperty("user.timezone", zone.getID());
        java.util.TimeZone.setDefault(zone);
        return zone;
    }
}
