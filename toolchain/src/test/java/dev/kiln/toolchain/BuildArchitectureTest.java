package dev.kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The module graph of README.md "Layout", enforced: every compile-scope dependency between Kiln's modules points
 * down (from the poms), and each engine module's classes refer only to the Kiln packages its place allows (from the
 * class files' constant pools, so an import that sneaks past the poms through a transitive dependency fails too).
 * The boot code has one home: no boot stub, loader or loader header is anywhere but the boot module.
 */
class BuildArchitectureTest {
    /** Each module's level: a compile-scope dependency must go to a lower one. */
    private static final Map<String, Integer> LEVELS = Map.ofEntries(
            Map.entry("json", 0),
            Map.entry("qemu-runner", 1), Map.entry("compiler", 1), Map.entry("kernel-template", 1),
            Map.entry("linker", 2), Map.entry("boot", 2),
            Map.entry("image-builder", 3),
            Map.entry("toolchain", 4),
            Map.entry("test-engine", 5),
            Map.entry("maven-plugin", 6));

    /** For each engine module: a class of it (to find its classes) and the Kiln packages its classes may name. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // dev.kiln.json: the JSON reader every module may use (QMP replies, reflection configuration)
        RULES.put("qemu-runner", new Rule("dev/kiln/qemu/Qemu.class", List.of("dev/kiln/qemu/", "dev/kiln/json/")));
        RULES.put("compiler", new Rule("dev/kiln/compiler/Compiler.class",
                List.of("dev/kiln/compiler/", "dev/kiln/json/")));
        RULES.put("linker", new Rule("dev/kiln/linker/Linker.class",
                List.of("dev/kiln/linker/", "dev/kiln/compiler/object/")));
        RULES.put("boot", new Rule("dev/kiln/boot/BootStub.class",
                List.of("dev/kiln/boot/", "dev/kiln/compiler/asm/", "dev/kiln/compiler/object/")));
        RULES.put("image-builder", new Rule("dev/kiln/image/ImageBuilder.class",
                List.of("dev/kiln/image/", "dev/kiln/linker/", "dev/kiln/boot/loader/")));
        RULES.put("toolchain", new Rule("dev/kiln/toolchain/KilnBuild.class", List.of("dev/kiln/toolchain/",
                "dev/kiln/compiler/", "dev/kiln/linker/", "dev/kiln/boot/", "dev/kiln/image/", "dev/kiln/qemu/")));
    }

    /** Class names that are boot code, wherever they would appear. */
    private static final Pattern BOOT_CLASS = Pattern.compile(".*/(BootStub|HostedStub|InterruptStub|Multiboot2Header"
            + "|PvhNote|BiosBootLoader|UefiBootLoader|MasterBootRecord)\\.class");
    /**
     * The compiler's phases in order (docs/compiler.md "Packages"): each package may use those before it, never one
     * after it, nor the door ({@code Compiler}) that runs them.
     */
    private static final List<String> COMPILER_PHASES = List.of("world", "analysis", "backend", "image");
    private static final Pattern KILN_CLASS_REFERENCE = Pattern.compile("dev/kiln/[A-Za-z0-9_/$]+");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.kiln</groupId>\\s*<artifactId>kiln-([a-z-]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);

    private record Rule(String marker, List<String> allowedPackages) {
    }

    @Test
    void compileDependenciesBetweenModulesPointDown() throws IOException {
        Path root = Path.of("..");
        String modules = Files.readString(root.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([a-z-]+)</module>").matcher(modules);
        List<String> violations = new ArrayList<>();
        int checked = 0;
        while (module.find()) {
            String name = module.group(1);
            assertTrue(LEVELS.containsKey(name), "module " + name + " has no level in BuildArchitectureTest.LEVELS:"
                    + " place it in the graph (README.md \"Layout\")");
            Matcher dependency = DEPENDENCY.matcher(Files.readString(root.resolve(name).resolve("pom.xml")));
            while (dependency.find()) {
                String target = dependency.group(1);
                if (dependency.group(2).contains("<scope>test</scope>")) {
                    continue;
                }
                checked++;
                if (LEVELS.get(target) >= LEVELS.get(name)) {
                    violations.add(name + " -> " + target);
                }
            }
        }
        assertTrue(checked >= 12, "found only " + checked + " dependencies between modules");
        assertEquals(List.of(), violations, "dependencies that point up or sideways (README.md \"Layout\")");
    }

    @Test
    void engineModulesReferOnlyToThePackagesBelowThem() throws IOException {
        Set<String> violations = new TreeSet<>();
        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            Map<String, byte[]> classes = classesOf(entry.getValue().marker());
            assertTrue(classes.size() > 3, entry.getKey() + ": its classes were not found");
            for (Map.Entry<String, byte[]> file : classes.entrySet()) {
                for (String reference : kilnReferences(file.getValue())) {
                    if (entry.getValue().allowedPackages().stream().noneMatch(reference::startsWith)) {
                        violations.add(entry.getKey() + ": " + file.getKey() + " refers to " + reference);
                    }
                }
            }
        }
        assertEquals(Set.of(), violations);
    }

    @Test
    void compilerPhasesReferOnlyToThePhasesBeforeThem() throws IOException {
        Set<String> violations = new TreeSet<>();
        int checked = 0;
        for (Map.Entry<String, byte[]> file : classesOf(RULES.get("compiler").marker()).entrySet()) {
            int phase = COMPILER_PHASES.indexOf(compilerPackage(file.getKey()));
            if (phase < 0) {
                continue;
            }
            checked++;
            for (String reference : kilnReferences(file.getValue())) {
                if (reference.equals("dev/kiln/compiler/Compiler")
                        || COMPILER_PHASES.indexOf(compilerPackage(reference)) > phase) {
                    violations.add(file.getKey() + " refers to " + reference);
                }
            }
        }
        assertTrue(checked > 40, "found only " + checked + " classes of the compiler's phases");
        assertEquals(Set.of(), violations, "a phase that uses a later one (docs/compiler.md \"Packages\")");
    }

    /** The package right below dev.kiln.compiler that an internal name is in ("" for none). */
    private static String compilerPackage(String internalName) {
        String prefix = "dev/kiln/compiler/";
        int end = internalName.indexOf('/', prefix.length());
        return internalName.startsWith(prefix) && end > 0 ? internalName.substring(prefix.length(), end) : "";
    }

    @Test
    void bootCodeLivesOnlyInTheBootModule() throws IOException {
        Set<String> misplaced = new TreeSet<>();
        for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
            Set<String> names = classesOf(entry.getValue().marker()).keySet();
            boolean boot = entry.getKey().equals("boot");
            if (boot) {
                assertTrue(names.contains("dev/kiln/boot/BootStub.class") && names.contains("dev/kiln/boot/HostedStub.class")
                        && names.contains("dev/kiln/boot/InterruptStub.class")
                        && names.contains("dev/kiln/boot/loader/UefiBootLoader.class"), names.toString());
                continue;
            }
            names.stream().filter(name -> BOOT_CLASS.matcher(name).matches())
                    .forEach(name -> misplaced.add(entry.getKey() + ": " + name));
        }
        assertEquals(Set.of(), misplaced, "boot code outside the boot module");
    }

    /** Every class file of the jar or directory that holds {@code marker}, by path. */
    private static Map<String, byte[]> classesOf(String marker) throws IOException {
        URL url = BuildArchitectureTest.class.getClassLoader().getResource(marker);
        assertTrue(url != null, marker + " is not on the test class path");
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try {
            if (url.getProtocol().equals("jar")) {
                String location = url.toString();
                Path jar = Path.of(new URL(location.substring("jar:".length(), location.indexOf("!/"))).toURI());
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            classes.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            } else {
                Path directory = Path.of(url.toURI());
                for (int i = 0; i < marker.split("/").length; i++) {
                    directory = directory.getParent();
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        classes.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot turn " + url + " into a path", e);
        }
        return classes;
    }

    /**
     * The Kiln classes a class file names anywhere: class constants, descriptors and signatures are all UTF-8
     * constants holding internal names (JVMS §4.4, §4.2.1), so reading those finds every reference.
     */
    private static Set<String> kilnReferences(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.readInt(); // magic
        in.readUnsignedShort(); // minor_version
        in.readUnsignedShort(); // major_version
        int count = in.readUnsignedShort();
        Set<String> references = new TreeSet<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // CONSTANT_Utf8
                    Matcher name = KILN_CLASS_REFERENCE.matcher(in.readUTF());
                    while (name.find()) {
                        references.add(name.group());
                    }
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> { // Long, Double: two entries (JVMS §4.4.5)
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag + " at entry " + i + " is not in JVMS §4.4");
            }
        }
        return references;
    }
}
