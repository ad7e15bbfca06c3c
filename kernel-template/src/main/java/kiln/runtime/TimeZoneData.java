package kiln.runtime;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The time-zone rules the compiler packed into the image's read-only data (its TimeZoneDatabase; docs/compiler.md
 * "Time zones"): the build JDK's {@code tzdb.dat} format, cut down to the zones the build names, after the id of
 * the image's default zone.
 * <pre>
 * kiln_time_zones:         UTF default zone id ("UTC"), then the JDK's tzdb.dat format (byte 1, UTF "TZDB", ...)
 * kiln_time_zones_length:  one word, the length of the above in bytes
 * </pre>
 * Both readers of that format read it from here: Kiln's {@code java.time.zone.TzdbZoneRulesProvider} and the JDK's
 * {@code sun.util.calendar.ZoneInfoFile}, whose loader the compiler points at {@link #open} (ZoneInfoFilePatch).
 * Loading this class is what makes the compiler pack the rules, so images that use no time zone carry none.
 */
public final class TimeZoneData {
    private TimeZoneData() {
    }

    /** The packed rules in the JDK's {@code tzdb.dat} format, from their first byte. */
    public static DataInputStream open() {
        DataInputStream in = stream();
        try {
            in.readUTF(); // the default zone
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the compiler wrote it: an image's read-only data does not fail
        }
        return in;
    }

    /** The id of the zone the build made the image's default ({@code UTC} unless it named another). */
    public static String defaultZoneId() {
        try (DataInputStream in = stream()) {
            return in.readUTF();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream stream() {
        return new DataInputStream(ResourceTable.inPlace(Intrinsics.symbol("kiln_time_zones"),
                Intrinsics.readLong(Intrinsics.symbol("kiln_time_zones_length"))));
    }
}
