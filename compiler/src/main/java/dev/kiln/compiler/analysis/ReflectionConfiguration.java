package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.World;
import dev.kiln.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reflection entries of GraalVM's reachability metadata found on the class path, so that a library that
 * ships them for Native Image works in Kiln unchanged: {@code META-INF/native-image/**}{@code /reflect-config.json}
 * (an array of {@code {"name": ..., "condition": {"typeReachable": ...}, "allDeclaredMethods": true, ...}}) and the
 * {@code "reflection"} array of {@code reachability-metadata.json} (the same entries with {@code "type"} for
 * {@code "name"} and {@code "typeReached"} for {@code "typeReachable"}, and {@code {"type": {"proxy": [...]}}}
 * for a dynamic proxy), and {@code proxy-config.json} (interface lists). The other files and sections
 * ({@code resource-config.json}, {@code "resources"}, {@code "jni"}, ...) belong to other parts of the build and
 * are not read here.
 *
 * <p>Kiln registers a named class with all its members, whichever members the entry lists: metadata per class is
 * one generated class either way, and answering more lookups than configured cannot make a program fail that
 * GraalVM runs. Unknown keys are ignored (the format grows with GraalVM); a class that is on no class path is
 * skipped, as GraalVM skips it (libraries ship entries for optional dependencies).
 */
final class ReflectionConfiguration {
    static final String DIRECTORY = "META-INF/native-image";

    /**
     * A class to register, or (className null) the interfaces of a proxy class to make, and the class whose
     * reachability the entry's condition asks for (null: none).
     */
    record Entry(String className, List<String> proxyInterfaces, String condition) {
    }

    private ReflectionConfiguration() {
    }

    /**
     * Every entry of the class path's metadata files.
     *
     * @param problems receives one message per malformed file, naming it and the fix
     */
    static List<Entry> read(World world, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        for (ClassFileLoader.Resource file : world.resources(DIRECTORY)) {
            boolean reflectConfig = file.path().endsWith("/reflect-config.json");
            boolean reachability = file.path().endsWith("/reachability-metadata.json");
            boolean proxyConfig = file.path().endsWith("/proxy-config.json");
            if (!reflectConfig && !reachability && !proxyConfig) {
                continue;
            }
            String where = file.path() + " in " + file.origin();
            try {
                Object document = Json.parse(new String(file.bytes(), StandardCharsets.UTF_8));
                Object list;
                if (proxyConfig) {
                    proxies(document, entries);
                    continue;
                } else if (reflectConfig) {
                    list = document;
                } else if (document instanceof Map<?, ?> sections) {
                    list = sections.get("reflection");
                } else {
                    throw wrong("an object");
                }
                if (list != null) {
                    entries(list, reflectConfig ? "name" : "type", entries);
                }
            } catch (IllegalArgumentException e) {
                problems.add(where + " is not GraalVM reachability metadata: " + e.getMessage() + "; correct the file"
                        + " (the format: https://www.graalvm.org/latest/reference-manual/native-image/metadata/) or"
                        + " remove it");
            }
        }
        return entries;
    }

    private static void entries(Object list, String nameKey, List<Entry> into) {
        if (!(list instanceof List<?> items)) {
            throw wrong("a list of entries");
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw wrong("an entry object");
            }
            Object name = entry.get(nameKey);
            if (name instanceof Map<?, ?> proxy && proxy.containsKey("proxy")) {
                into.add(new Entry(null, names(proxy.get("proxy")), condition(entry.get("condition"))));
                continue;
            }
            if (!(name instanceof String className)) {
                throw new IllegalArgumentException("an entry has no \"" + nameKey + "\" string: " + Json.write(entry));
            }
            into.add(new Entry(className, null, condition(entry.get("condition"))));
        }
    }

    /**
     * proxy-config.json: a list of {@code {"interfaces": [...], "condition": {...}}}, or in the older form of
     * plain lists of interface names.
     */
    private static void proxies(Object document, List<Entry> into) {
        if (!(document instanceof List<?> items)) {
            throw wrong("a list of proxy entries");
        }
        for (Object item : items) {
            if (item instanceof List<?>) {
                into.add(new Entry(null, names(item), null));
            } else if (item instanceof Map<?, ?> entry) {
                into.add(new Entry(null, names(entry.get("interfaces")), condition(entry.get("condition"))));
            } else {
                throw wrong("a proxy entry (an object with \"interfaces\", or a list of interface names)");
            }
        }
    }

    private static List<String> names(Object list) {
        if (!(list instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            throw wrong("a list of interface names");
        }
        return items.stream().map(String.class::cast).toList();
    }

    private static String condition(Object condition) {
        if (condition == null) {
            return null;
        }
        if (!(condition instanceof Map<?, ?> map)) {
            throw wrong("a \"condition\" object");
        }
        Object type = map.containsKey("typeReached") ? map.get("typeReached") : map.get("typeReachable");
        if (type != null && !(type instanceof String)) {
            throw wrong("a class name in the condition");
        }
        return (String) type;
    }

    private static IllegalArgumentException wrong(String expected) {
        return new IllegalArgumentException("expected " + expected);
    }
}
