package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CPU benchmark suite (bench/src/kiln/bench/cpu, run by bench/cpu/run) as differential tests: each program,
 * at a small size given as its argument, compiled by Kiln for the hosted target prints what it prints on
 * HotSpot. The suite itself checks the same at full size; this keeps the benchmarks compiling and correct
 * between benchmark runs.
 */
class CpuBenchmarksTest {
    private static final Path SOURCES = Path.of("../bench/src/kiln/bench/cpu");
    private static final Path CLASSES = Path.of("target/bench-cpu-classes");

    @BeforeAll
    static void compileBenchmarks() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("-d", CLASSES.toString()));
        try (Stream<Path> files = Files.list(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> arguments.add(file.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac of " + SOURCES);
    }

    @ParameterizedTest
    @CsvSource({
        "NBody, 1000",
        "SpectralNorm, 100",
        "FannkuchRedux, 7",
        "BinaryTrees, 8",
        "Mandelbrot, 203",
        "Fasta, 1000",
        "WordFrequency, 1",
        "ExpressionEvaluator, 500",
    })
    void sameOutputAsHotSpot(String benchmark, String size) throws Exception {
        String mainClass = "kiln.bench.cpu." + benchmark;
        KilnRunner.Outcome expected = KilnRunner.onHotSpotWithArguments(CLASSES, mainClass, size);
        assertEquals(0, expected.status(), mainClass + " on HotSpot: " + expected.output());
        assertTrue(expected.output().length() > 0, mainClass + " printed nothing on HotSpot");
        KilnRunner.Outcome onKiln = KilnRunner.onLinux(
                KilnRunner.compile(CLASSES, mainClass, CompilerOptions.defaults()), mainClass, size);
        assertEquals(expected, onKiln, mainClass + " " + size);
    }
}
