package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import kiln.test.random.RandomPrograms;
import org.junit.jupiter.api.Test;

/**
 * Random programs ({@link RandomPrograms}) on HotSpot, on Kiln's baseline tier and on its optimizing tier, as
 * Linux processes: what they print and their exit status must be identical, and the optimizing tier must really
 * have compiled at least half of the generated methods (the build report's list; it leaves those without loops
 * that call to the baseline). Fixed seeds, so a failure reproduces;
 * {@code -Dkiln.randomPrograms=N} runs N programs instead of the default 20 (seeds 1..N), each of 40 methods called
 * with 3 inputs: 2,400 cases by default (about 20 s).
 */
class RandomProgramTest {
    private static final int METHODS = 40;
    private static final int INPUTS = 3;
    private static final Path WORK = Path.of("target/random-programs");

    @Test
    void tiersAgreeWithHotSpot() throws Exception {
        int programs = Integer.getInteger("kiln.randomPrograms", 20);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (int seed = 1; seed <= programs; seed++) {
            String name = "Random" + seed;
            Path directory = WORK.resolve(name);
            Files.createDirectories(directory);
            Path source = directory.resolve(name + ".java");
            Files.writeString(source, RandomPrograms.program(seed, name, METHODS, INPUTS));
            int status = javac.run(null, null, null, "--release", "17", "-d", directory.toString(), source.toString());
            assertEquals(0, status, "javac refused the generated " + source);
            // C2 throws a preallocated exception without message or trace where one site has thrown often (the
            // helpers' index checks do); the JVMS's exception, which Kiln throws, needs the option off
            KilnRunner.Outcome hotSpot = KilnRunner.onHotSpot(directory, name, List.of("-XX:-OmitStackTraceInFastThrow"));
            for (boolean optimize : List.of(false, true)) {
                Path report = directory.resolve(optimize ? "optimized" : "baseline");
                var compiled = KilnRunner.compile(directory, name,
                        new CompilerOptions(Optional.of(report), false, warning -> { }).withOptimize(optimize));
                KilnRunner.Outcome kiln = KilnRunner.onLinux(compiled, name);
                String tier = optimize ? "optimizing tier" : "baseline";
                assertEquals(hotSpot.output(), kiln.output(), "output of " + source + " on the " + tier);
                assertEquals(hotSpot.status(), kiln.status(), "exit status of " + source + " on the " + tier);
            }
            int optimized = optimizedMethods(directory.resolve("optimized"), name);
            assertTrue(optimized >= METHODS / 2, "the optimizing tier compiled only " + optimized + " of the " + METHODS
                    + " generated methods (" + source + "): the test would hardly test it");
        }
        System.out.println("RandomProgramTest: " + programs * METHODS * INPUTS + " cases in " + programs
                + " programs, no difference");
    }

    /** The number of methods of {@code className} the build report says the optimizing tier compiled. */
    private static int optimizedMethods(Path reportDirectory, String className) throws Exception {
        List<String> lines = Files.readAllLines(reportDirectory.resolve("kiln-report.txt"));
        int section = lines.indexOf("optimized (methods, class):");
        assertTrue(section >= 0, "no list of optimized classes in the build report of " + reportDirectory);
        for (String line : lines.subList(section + 1, lines.size())) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 2 && columns[1].equals(className)) {
                return Integer.parseInt(columns[0]);
            }
        }
        return 0;
    }
}
