package dev.kiln.compiler.analysis;

import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.World;
import dev.kiln.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which files of the class path go into the image as resources ({@code Class.getResourceAsStream}), chosen the way
 * GraalVM Native Image chooses them, so that a library's metadata for Native Image works unchanged:
 * <ul>
 *   <li>every non-class file of a class directory (the project's own {@code target/classes}: its
 *       {@code src/main/resources}), except its {@code META-INF/native-image} build configuration;</li>
 *   <li>files whose path matches an include and no exclude of a {@code META-INF/native-image/**}{@code
 *       /resource-config.json} ({@code {"resources": {"includes": [{"pattern": regex}], "excludes": [...]}}}, or
 *       the older {@code {"resources": [{"pattern": regex}]}}), or a glob of the {@code "resources"} array of a
 *       {@code reachability-metadata.json} ({@code [{"glob": "config/**"}]});</li>
 *   <li>files matching a glob of {@link CompilerOptions#resources()} (the plugin's {@code resources}).</li>
 * </ul>
 * Regular expressions match the whole path ({@code java.util.regex}, as GraalVM's {@code pattern}); globs are
 * {@code FileSystem.getPathMatcher} globs on the '/'-separated path ({@code *} within a directory, {@code **}
 * across). Conditions ({@code "condition": {"typeReachable": ...}}) are not evaluated: a conditional entry is
 * packed always, which can only make an image larger, never make a program fail that GraalVM runs. Rejected:
 * packing every file of every jar (dependencies carry licences, build descriptors, and whole directories of data
 * a program never opens; the image would pay for all of them).
 *
 * <p>Besides, the JDK's own classes read a few data files of their module as resources in their class
 * initializers or constructors; each is packed from the build JDK's run-time image when the closed world initializes
 * or instantiates that class ({@link #JDK_DATA}), so the JDK's code finds it as it does on HotSpot.
 *
 * <p>And a few JDK classes read a configuration file of the JDK installation, {@code <java.home>/conf/...}, with a
 * {@code FileInputStream}: the {@code java.util.logging} defaults ({@code LogManager}) and the security properties
 * ({@code Security}, which fails without them on JDK 17). Each is packed from the build JDK's {@code conf}
 * directory when the closed world initializes its reader ({@link #JDK_CONFIGURATION}), under its absolute path in
 * the guest ({@link #GUEST_JAVA_HOME}, the {@code java.home} that Kiln's {@code System} defines), where Kiln's
 * {@code java.io} file system finds it: a path with a leading '/' never names a class path resource. Rejected:
 * copying the JDK's defaults into Kiln (they would drift from the build JDK, whose files HotSpot reads), and
 * patching both readers to take a resource (two patches for what one file system entry serves).
 */
final class ResourceSelection {
    /**
     * Stands for ICU's data directory in {@link #JDK_DATA}: it names the ICU version ({@code icudt67b/} in JDK 17), so
     * it is read from the build JDK, from the string the JDK's normalization loader ({@link #ICU_LOADER}) builds its
     * paths from.
     */
    private static final String ICU_DATA = "<icu data>/";
    private static final String ICU_LOADER = "jdk/internal/icu/impl/Norm2AllModes$Norm2AllModesSingleton";
    private static final String ICU_DATA_PARENT = "/jdk/internal/icu/impl/data/";

    /**
     * JDK classes (internal names) whose class initializer or constructor reads a resource of their module, and that
     * resource. Every image with a regular expression reaches the names and the normalization data: the pattern
     * compiler's {@code \N{name}} and canonical-equivalence paths (docs/compiler.md "The class library").
     */
    private static final Map<String, String> JDK_DATA = Map.of(
            "java/util/Currency", "java/util/currency.data", // ISO 4217 codes, digits and the cutover table
            "java/lang/CharacterName", "java/lang/uniName.dat", // Character.getName and codePointOf
            "jdk/internal/icu/impl/Norm2AllModes$NFCSingleton", ICU_DATA + "nfc.nrm", // java.text.Normalizer
            "jdk/internal/icu/impl/Norm2AllModes$NFKCSingleton", ICU_DATA + "nfkc.nrm",
            "jdk/internal/icu/impl/UCharacterProperty", ICU_DATA + "uprops.icu");
    /** JDK classes (internal names) that read a configuration file of the JDK installation, and that file. */
    private static final Map<String, String> JDK_CONFIGURATION = Map.of(
            "java/util/logging/LogManager", "conf/logging.properties",
            "java/security/Security", "conf/security/java.security");
    /** The guest's {@code java.home} (Kiln's {@code System} defines it) under which those files are packed. */
    static final String GUEST_JAVA_HOME = "/jdk";
    private final List<Predicate<String>> includes = new ArrayList<>();
    private final List<Predicate<String>> excludes = new ArrayList<>();

    private ResourceSelection() {
    }

    /**
     * The class path's resources to pack, in class path order, then the JDK data files of {@link #JDK_DATA} whose
     * class {@code initialized} accepts (an internal name of a class the image initializes or instantiates).
     *
     * @param problems receives one message per malformed configuration file or pattern, naming it and the fix
     */
    static List<ClassFileLoader.Resource> select(World world, List<String> globs, Predicate<String> initialized,
            List<String> problems) {
        ResourceSelection selection = new ResourceSelection();
        for (String glob : globs) {
            selection.addGlob(glob, "the resources option", problems);
        }
        for (ClassFileLoader.Resource file : world.resources(ReflectionConfiguration.DIRECTORY)) {
            selection.read(file, problems);
        }
        List<ClassFileLoader.Resource> packed = new ArrayList<>(world.packableFiles(selection::selected));
        JDK_DATA.forEach((className, path) -> {
            if (initialized.test(className)) {
                String icuData = path.startsWith(ICU_DATA) ? icuDataDirectory(world) : null;
                String file = icuData == null ? path : icuData + path.substring(ICU_DATA.length());
                world.jdkResource(file).ifPresent(packed::add);
            }
        });
        JDK_CONFIGURATION.forEach((className, path) -> {
            if (initialized.test(className)) {
                Path file = Path.of(System.getProperty("java.home")).resolve(path);
                try {
                    packed.add(new ClassFileLoader.Resource(GUEST_JAVA_HOME + "/" + path, file.toString(),
                            Files.readAllBytes(file)));
                } catch (IOException e) {
                    problems.add("cannot read the build JDK's " + file + ", which " + className.replace('/', '.')
                            + " reads at run time (" + e.getMessage() + "); build with a JDK installation that has"
                            + " its conf directory");
                }
            }
        });
        return packed;
    }

    /** {@code jdk/internal/icu/impl/data/icudt67b/} in JDK 17, or null if the loader names no such directory. */
    private static String icuDataDirectory(World world) {
        for (ClassInfo loader : world.find(ICU_LOADER).stream().toList()) {
            for (MethodNode method : loader.node.methods) {
                for (AbstractInsnNode insn : method.instructions) {
                    if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text && text.startsWith(ICU_DATA_PARENT)
                            && text.endsWith("/")) {
                        return text.substring(1);
                    }
                }
            }
        }
        return null;
    }

    private boolean selected(String path, boolean inClassDirectory) {
        boolean own = inClassDirectory && !path.startsWith(ReflectionConfiguration.DIRECTORY + "/");
        return (own || includes.stream().anyMatch(p -> p.test(path))) && excludes.stream().noneMatch(p -> p.test(path));
    }

    private void read(ClassFileLoader.Resource file, List<String> problems) {
        boolean resourceConfig = file.path().endsWith("/resource-config.json");
        if (!resourceConfig && !file.path().endsWith("/reachability-metadata.json")) {
            return;
        }
        String where = file.path() + " in " + file.origin();
        try {
            Object document = Json.parse(new String(file.bytes(), StandardCharsets.UTF_8));
            if (!(document instanceof Map<?, ?> sections)) {
                throw new IllegalArgumentException("expected an object at the top");
            }
            Object resources = sections.get("resources");
            if (resources == null) {
                return;
            }
            if (resourceConfig && resources instanceof Map<?, ?> lists) {
                patterns(lists.get("includes"), "pattern", includes, where, problems);
                patterns(lists.get("excludes"), "pattern", excludes, where, problems);
            } else {
                patterns(resources, resourceConfig ? "pattern" : "glob", includes, where, problems);
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + " is not GraalVM resource configuration: " + e.getMessage() + "; correct the file"
                    + " (the format: https://www.graalvm.org/latest/reference-manual/native-image/metadata/) or"
                    + " remove it");
        }
    }

    private void patterns(Object list, String key, List<Predicate<String>> into, String where, List<String> problems) {
        if (list == null) {
            return;
        }
        if (!(list instanceof List<?> entries)) {
            throw new IllegalArgumentException("expected a list of {\"" + key + "\": ...} entries");
        }
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields) || !(fields.get(key) instanceof String text)) {
                throw new IllegalArgumentException("expected {\"" + key + "\": \"...\"}, found " + Json.write(entry));
            }
            if (key.equals("glob")) {
                addGlob(text, where, problems);
            } else {
                try {
                    Pattern regex = Pattern.compile(text);
                    into.add(path -> regex.matcher(path).matches());
                } catch (PatternSyntaxException e) {
                    problems.add(where + ": the resource pattern " + text + " is not a regular expression ("
                            + e.getDescription() + "); correct it");
                }
            }
        }
    }

    private void addGlob(String glob, String where, List<String> problems) {
        try {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            includes.add(path -> matcher.matches(Path.of(path)));
        } catch (IllegalArgumentException e) {
            problems.add(where + ": the resource glob " + glob + " is not a glob (" + e.getMessage()
                    + "); write it like config/*.properties or templates/**");
        }
    }
}
