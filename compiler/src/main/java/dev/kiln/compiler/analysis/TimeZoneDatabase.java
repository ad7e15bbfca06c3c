package dev.kiln.compiler.analysis;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The time-zone rules an image carries (docs/compiler.md "Time zones"): the build JDK's own tzdb data,
 * {@code lib/tzdb.dat} of its run-time image, cut down to the zones the build names.
 *
 * <p>The JDK's file holds every zone (about 600 ids, 100 KB); {@code java.time}'s {@code TzdbZoneRulesProvider}
 * and {@code sun.util.calendar.ZoneInfoFile} (behind {@code java.util.TimeZone}) both read it at run time from
 * {@code <java.home>/lib}, a file system the guest does not have. Kiln writes a file of the same format with
 * only the selected zones and packs it into the read-only data; Kiln's {@code ZoneRulesProvider} and the JDK's
 * own {@code ZoneInfoFile} parse it there (kiln.runtime.TimeZoneData). The format, as the JDK's
 * {@code TzdbZoneRulesCompiler} writes it and {@code ZoneInfoFile.load} reads it:
 * <pre>
 * byte 1, UTF "TZDB", short versions, UTF version...,
 * short regions, UTF region... (sorted), short rules, (short length, bytes of java.time.zone.Ser)...,
 * per version: short n, (short region index, short rule index)... ; short n, (short alias, short target)...
 * </pre>
 * Kiln's file starts with one more field, the UTF id of the image's default zone, before the JDK's format.
 * <p><i>Rejected</i>: the whole file (100 KB in every image that touches a date); an encoding of Kiln's own
 * (both readers in the JDK parse this one, and the rules inside are the JDK's serialized form anyway);
 * re-deriving rules from the IANA sources (the JDK's compiled rules are the ones HotSpot answers with).
 */
public final class TimeZoneDatabase {
    /** The zone an image's clock is in when the build names none; HotSpot's is the host's. */
    public static final String DEFAULT_ZONE = "UTC";
    /** Packed into every image that uses time zones, whatever the build names. */
    private static final String UTC = "UTC";

    private final String version;
    /** Region id to the serialized rules, every zone of the JDK's file, sorted by id. */
    private final TreeMap<String, byte[]> rulesByRegion;
    private final Map<String, String> aliases;

    private TimeZoneDatabase(String version, TreeMap<String, byte[]> rulesByRegion, Map<String, String> aliases) {
        this.version = version;
        this.rulesByRegion = rulesByRegion;
        this.aliases = aliases;
    }

    /** The build JDK's {@code lib/tzdb.dat}: the JDK whose {@code java.time} bytecode the image compiles. */
    static TimeZoneDatabase ofBuildJdk() throws IOException {
        Path file = Path.of(System.getProperty("java.home"), "lib", "tzdb.dat");
        try (InputStream in = Files.newInputStream(file)) {
            return read(new DataInputStream(new java.io.BufferedInputStream(in)), file);
        }
    }

    private static TimeZoneDatabase read(DataInputStream in, Path file) throws IOException {
        if (in.readByte() != 1 || !"TZDB".equals(in.readUTF())) {
            throw new IOException(file + " is not a tzdb.dat file of a JDK");
        }
        String version = "";
        int versions = in.readShort();
        for (int i = 0; i < versions; i++) {
            version = in.readUTF(); // the JDK writes one; the last one is the one its readers keep
        }
        String[] regions = new String[in.readShort()];
        for (int i = 0; i < regions.length; i++) {
            regions[i] = in.readUTF();
        }
        byte[][] rules = new byte[in.readShort() & 0xffff][];
        for (int i = 0; i < rules.length; i++) {
            rules[i] = in.readNBytes(in.readShort() & 0xffff);
        }
        TreeMap<String, byte[]> rulesByRegion = new TreeMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (int v = 0; v < versions; v++) {
            rulesByRegion.clear();
            aliases.clear();
            int count = in.readShort();
            for (int i = 0; i < count; i++) {
                String region = regions[in.readShort()];
                rulesByRegion.put(region, rules[in.readShort() & 0xffff]);
            }
            count = in.readShort();
            for (int i = 0; i < count; i++) {
                String alias = regions[in.readShort()];
                aliases.put(alias, regions[in.readShort()]);
            }
        }
        return new TimeZoneDatabase(version, rulesByRegion, aliases);
    }

    /**
     * The zones {@code zones} names, {@code defaultZone} and UTC, in Kiln's packed form; each id the JDK's data does not
     * have adds a problem naming the option and the ids it may have meant (the build then fails).
     */
    byte[] pack(List<String> zones, String defaultZone, List<String> problems) {
        TreeSet<String> selected = new TreeSet<>();
        for (String zone : zones) {
            if (rulesByRegion.containsKey(zone)) {
                selected.add(zone);
            } else {
                problems.add("time zone '" + zone + "' (CompilerOptions.timeZones: <timeZones> in the plugin, "
                        + "-Dkiln.timeZones) is not a region of the build JDK's tzdb " + version + nearest(zone));
            }
        }
        if (!rulesByRegion.containsKey(defaultZone)) {
            problems.add("default time zone '" + defaultZone + "' (CompilerOptions.defaultTimeZone: "
                    + "<defaultTimeZone> in the plugin, -Dkiln.defaultTimeZone) is not a region of the build JDK's tzdb "
                    + version + nearest(defaultZone));
            return new byte[0];
        }
        selected.add(defaultZone);
        selected.add(UTC); // 23 bytes, and ZoneId.of("UTC") is in everybody's code
        List<String> regions = new ArrayList<>(selected);
        List<byte[]> rules = new ArrayList<>();
        int[] ruleOfRegion = new int[regions.size()];
        for (int i = 0; i < regions.size(); i++) {
            byte[] r = rulesByRegion.get(regions.get(i));
            int shared = indexOfSame(rules, r); // links share their target's rules, as in the JDK's file
            if (shared < 0) {
                shared = rules.size();
                rules.add(r);
            }
            ruleOfRegion[i] = shared;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(defaultZone);
            out.writeByte(1);
            out.writeUTF("TZDB");
            out.writeShort(1);
            out.writeUTF(version);
            out.writeShort(regions.size());
            for (String region : regions) {
                out.writeUTF(region);
            }
            out.writeShort(rules.size());
            for (byte[] r : rules) {
                out.writeShort(r.length);
                out.write(r);
            }
            out.writeShort(regions.size());
            for (int i = 0; i < regions.size(); i++) {
                out.writeShort(i);
                out.writeShort(ruleOfRegion[i]);
            }
            List<Map.Entry<String, String>> links = aliases.entrySet().stream()
                    .filter(e -> selected.contains(e.getKey()) && selected.contains(e.getValue())).toList();
            out.writeShort(links.size());
            for (Map.Entry<String, String> link : links) {
                out.writeShort(regions.indexOf(link.getKey()));
                out.writeShort(regions.indexOf(link.getValue()));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }

    private static int indexOfSame(List<byte[]> rules, byte[] r) {
        for (int i = 0; i < rules.size(); i++) {
            if (java.util.Arrays.equals(rules.get(i), r)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * ": did you mean X?" for the ids that differ from {@code zone} only in case, or whose last part is
     * {@code zone}'s ({@code Paris} or {@code europe/paris} for {@code Europe/Paris}); else where to list them.
     */
    private String nearest(String zone) {
        String city = zone.substring(zone.lastIndexOf('/') + 1);
        List<String> near = rulesByRegion.keySet().stream()
                .filter(id -> id.equalsIgnoreCase(zone) || id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(city))
                .limit(3).toList();
        return near.isEmpty() ? " (ZoneId.getAvailableZoneIds() on HotSpot lists them)"
                : ": did you mean " + String.join(" or ", near) + "?";
    }
}
