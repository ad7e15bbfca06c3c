package sun.util.calendar;

import java.util.Map;

/**
 * The time zones of the image: UTC and GMT, which need no data. The JDK's ZoneInfoFile reads
 * {@code $JAVA_HOME/lib/tzdb.dat} in its class initializer through {@code java.io.File} and
 * {@code FileInputStream} (a file system the guest does not have) and checksums the rules with {@code CRC32},
 * whose class initializer loads a native library; compiled as it is, it brings the class loaders, URLs, jar
 * files and the security providers into every image that formats a date. A zone the image does not know is
 * answered null, on which {@code TimeZone.getTimeZone} falls back to GMT as the JDK does for an unknown ID.
 * Zones with rules (tzdb data packed at build time) are a separate piece of work: this class is where they plug in.
 */
public final class ZoneInfoFile {
    private static final String[] ZONE_IDS = {"GMT", "UTC"};

    private ZoneInfoFile() {
    }

    public static String[] getZoneIds() {
        return ZONE_IDS.clone();
    }

    /** The zones whose raw offset is {@code rawOffset} milliseconds. */
    public static String[] getZoneIds(int rawOffset) {
        return rawOffset == 0 ? ZONE_IDS.clone() : new String[0];
    }

    public static ZoneInfo getZoneInfo(String zoneId) {
        if (zoneId == null) {
            return null;
        }
        for (String id : ZONE_IDS) {
            if (id.equals(zoneId)) {
                return new ZoneInfo(id, 0);
            }
        }
        return null;
    }

    public static Map<String, String> getAliasMap() {
        return Map.of();
    }

    public static String getVersion() {
        return "kiln-utc";
    }

    /** A fixed-offset zone, named by {@link #toCustomID}, as {@code TimeZone.getTimeZone("GMT+5:30")} makes them. */
    public static ZoneInfo getCustomTimeZone(String originalId, int gmtOffset) {
        return new ZoneInfo(toCustomID(gmtOffset), gmtOffset);
    }

    /** {@code GMT+hh:mm} or {@code GMT-hh:mm} for an offset in milliseconds (whole minutes). */
    public static String toCustomID(int gmtOffset) {
        int minutes = gmtOffset / 60_000;
        char sign = minutes < 0 ? '-' : '+';
        minutes = Math.abs(minutes);
        int hours = minutes / 60;
        int rest = minutes % 60;
        return "GMT" + sign + (char) ('0' + hours / 10) + (char) ('0' + hours % 10) + ':'
                + (char) ('0' + rest / 10) + (char) ('0' + rest % 10);
    }

    /** The JDK's {@code sun.timezone.ids.oldmapping} choice (EST, MST and HST as fixed offsets); off, its default. */
    public static boolean useOldMapping() {
        return false;
    }
}
