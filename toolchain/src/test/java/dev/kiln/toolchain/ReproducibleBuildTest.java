package dev.kiln.toolchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same classes give the same image, byte for byte, with either tier: built twice in one JVM, where every object
 * of the second build gets other identity hashes than its twin of the first, so a hash table keyed by identity
 * whose iteration order decides something (which spill slot is reused, the order of a table) shows as a
 * difference. Builds that differ from run to run defeat caching and the checking of an image against its sources.
 */
class ReproducibleBuildTest {
    @ParameterizedTest
    @CsvSource({
        "hello, dev.kiln.examples.hello.Hello, true",
        "tasklets, dev.kiln.examples.tasklets.Tasklets, true",
        "tasklets, dev.kiln.examples.tasklets.Tasklets, false",
    })
    void sameClassesGiveTheSameImage(String example, String mainClass, boolean optimize, @TempDir Path work)
            throws Exception {
        Path classes = compile(Path.of("../examples", example, "src/main/java"), work.resolve("classes"));
        byte[] first = build(classes, mainClass, optimize, work.resolve("first"));
        byte[] second = build(classes, mainClass, optimize, work.resolve("second"));
        assertTrue(first.length > 64 * 1024, "implausibly small image: " + first.length + " bytes");
        int at = Arrays.mismatch(first, second);
        assertEquals(-1, at, example + (optimize ? " (optimized)" : " (baseline)") + ": two builds differ, first at"
                + " byte " + at + " of " + first.length);
    }

    private static Path compile(Path sources, Path classes) throws Exception {
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac of " + sources);
        return classes;
    }

    private static byte[] build(Path classes, String mainClass, boolean optimize, Path directory) throws Exception {
        Files.createDirectories(directory);
        Path elf = directory.resolve("kernel.elf");
        BuildSpec spec = new BuildSpec(List.of(classes), mainClass,
                new ImageSpec(directory.resolve("image.iso"), ImageFormat.ISO, ImageSpec.DEFAULT_VOLUME_ID,
                        Instant.EPOCH), Optional.of(elf), Optional.empty(), Optional.empty(), false, warning -> { },
                List.of(), false, List.of(), List.of(), "UTC", optimize);
        KilnBuild.build(spec);
        byte[] image = Files.readAllBytes(directory.resolve("image.iso"));
        byte[] kernel = Files.readAllBytes(elf);
        byte[] both = Arrays.copyOf(kernel, kernel.length + image.length);
        System.arraycopy(image, 0, both, kernel.length, image.length);
        return both;
    }
}
