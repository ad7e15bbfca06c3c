package java.time.zone;

import java.util.Collections;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Kiln's {@code ZoneRulesProvider}, with the JDK's API and behaviour: the registry of the providers of time-zone
 * rules behind {@code ZoneId.of}, {@code ZoneId.getAvailableZoneIds} and {@code ZoneRules}. Its one built-in
 * provider is the {@link TzdbZoneRulesProvider} of the zones the build packed into the image (docs/compiler.md
 * "Time zones"); a program may register more with {@link #registerProvider}, as on HotSpot.
 *
 * <p>Kiln substitutes this class because the JDK's static initializer loads providers by name
 * ({@code java.time.zone.DefaultZoneRulesProvider}, {@code Class.forName} on a system property) and through
 * {@code ServiceLoader}, neither of which a closed world has; Kiln reads neither. An id no provider has throws
 * the JDK's {@code ZoneRulesException}, whose message also says which zones the image carries and how to add one.
 * <i>Rejected</i>: a method patch of the JDK's class (the loading is in its static initializer and an
 * anonymous privileged action, which patches cannot replace).
 */
public abstract class ZoneRulesProvider {
    private static final CopyOnWriteArrayList<ZoneRulesProvider> PROVIDERS = new CopyOnWriteArrayList<>();
    private static final ConcurrentMap<String, ZoneRulesProvider> ZONES = new ConcurrentHashMap<>(512, 0.75f, 2);
    private static volatile Set<String> ZONE_IDS;

    static {
        registerProvider(new TzdbZoneRulesProvider());
    }

    protected ZoneRulesProvider() {
    }

    /** The ids of every zone the registered providers have; an unmodifiable set. */
    public static Set<String> getAvailableZoneIds() {
        return ZONE_IDS;
    }

    public static ZoneRules getRules(String zoneId, boolean forCaching) {
        Objects.requireNonNull(zoneId, "zoneId");
        return getProvider(zoneId).provideRules(zoneId, forCaching);
    }

    public static NavigableMap<String, ZoneRules> getVersions(String zoneId) {
        Objects.requireNonNull(zoneId, "zoneId");
        return getProvider(zoneId).provideVersions(zoneId);
    }

    private static ZoneRulesProvider getProvider(String zoneId) {
        ZoneRulesProvider provider = ZONES.get(zoneId);
        if (provider != null) {
            return provider;
        }
        if (ZONES.isEmpty()) {
            throw new ZoneRulesException("No time-zone data files registered");
        }
        throw new ZoneRulesException("Unknown time-zone ID: " + zoneId + " (this Kiln image carries the rules of "
                + String.join(", ", new TreeSet<>(ZONES.keySet())) + "; to pack another zone, name it in the build's"
                + " time zones: <timeZones> in the Kiln Maven plugin, -Dkiln.timeZones=" + zoneId + ")");
    }

    public static void registerProvider(ZoneRulesProvider provider) {
        Objects.requireNonNull(provider, "provider");
        registerProvider0(provider);
        ZONE_IDS = Collections.unmodifiableSet(new HashSet<>(ZONES.keySet()));
    }

    private static synchronized void registerProvider0(ZoneRulesProvider provider) {
        for (String zoneId : provider.provideZoneIds()) {
            Objects.requireNonNull(zoneId, "zoneId");
            ZoneRulesProvider old = ZONES.putIfAbsent(zoneId, provider);
            if (old != null) {
                throw new ZoneRulesException("Unable to register zone as one already registered with that ID: "
                        + zoneId + ", currently loading from provider: " + provider);
            }
        }
        PROVIDERS.add(provider);
    }

    /** Asks each provider to refresh its rules; true if any changed. */
    public static boolean refresh() {
        boolean changed = false;
        for (ZoneRulesProvider provider : PROVIDERS) {
            changed |= provider.provideRefresh();
        }
        return changed;
    }

    protected abstract Set<String> provideZoneIds();

    protected abstract ZoneRules provideRules(String regionId, boolean forCaching);

    protected abstract NavigableMap<String, ZoneRules> provideVersions(String regionId);

    protected boolean provideRefresh() {
        return false;
    }
}
