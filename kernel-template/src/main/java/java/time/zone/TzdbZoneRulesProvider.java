package java.time.zone;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kiln's provider of the time zones packed into the image (the build JDK's tzdb, cut down to the zones the build
 * names: kiln.runtime.TimeZoneData, docs/compiler.md "Time zones"). Same name, {@code toString} and answers as
 * the JDK's, which reads {@code <java.home>/lib/tzdb.dat} with a {@code FileInputStream} instead. Rules stay in
 * their serialized form until a zone is first asked for, then {@link Ser} (the JDK's bytecode) reads them, once.
 */
final class TzdbZoneRulesProvider extends ZoneRulesProvider {
    private final List<String> regionIds;
    private final String versionId;
    /** Region id to its {@code ZoneRules}, or to their serialized bytes until first asked for. */
    private final Map<String, Object> regionToRules = new ConcurrentHashMap<>();

    TzdbZoneRulesProvider() {
        try (DataInputStream in = kiln.runtime.TimeZoneData.open()) {
            if (in.readByte() != 1 || !"TZDB".equals(in.readUTF())) {
                throw new StreamCorruptedException("File format not recognised");
            }
            String version = null;
            for (int versions = in.readShort(); versions > 0; versions--) {
                version = in.readUTF();
            }
            String[] regions = new String[in.readShort()];
            for (int i = 0; i < regions.length; i++) {
                regions[i] = in.readUTF();
            }
            byte[][] rules = new byte[in.readShort() & 0xffff][];
            for (int i = 0; i < rules.length; i++) {
                rules[i] = new byte[in.readShort() & 0xffff];
                in.readFully(rules[i]);
            }
            for (int count = in.readShort(); count > 0; count--) {
                String region = regions[in.readShort()];
                regionToRules.put(region, rules[in.readShort() & 0xffff]);
            }
            versionId = version;
            regionIds = List.of(regions);
        } catch (IOException e) {
            throw new ZoneRulesException("Unable to load TZDB time-zone rules", e);
        }
    }

    @Override
    protected Set<String> provideZoneIds() {
        return new HashSet<>(regionIds);
    }

    @Override
    protected ZoneRules provideRules(String zoneId, boolean forCaching) {
        Object rules = regionToRules.get(zoneId);
        if (rules == null) {
            throw new ZoneRulesException("Unknown time-zone ID: " + zoneId);
        }
        if (rules instanceof byte[] bytes) {
            try {
                rules = Ser.read(new DataInputStream(new ByteArrayInputStream(bytes)));
            } catch (Exception e) {
                throw new ZoneRulesException("Invalid binary time-zone data: TZDB:" + zoneId + ", version: "
                        + versionId, e);
            }
            regionToRules.put(zoneId, rules);
        }
        return (ZoneRules) rules;
    }

    @Override
    protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
        TreeMap<String, ZoneRules> versions = new TreeMap<>();
        versions.put(versionId, getRules(zoneId, false));
        return versions;
    }

    @Override
    public String toString() {
        return "TZDB[" + versionId + "]";
    }
}
