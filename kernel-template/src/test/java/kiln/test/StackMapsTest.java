package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilerOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stack maps (docs/abi.md "Stack maps") under load, both tiers, as Linux processes: with {@code kiln.gc=verify}
 * every collection checks every slot a map calls a reference (a bad one panics, exit status 70) and counts what
 * the maps leave to the conservative scan; with {@code kiln.gc=precise} the collector skips the slots the maps call
 * no reference, so a map that misses a live reference frees an object the program still reads, and the output
 * differs from HotSpot's. Both runs must print what HotSpot prints.
 */
class StackMapsTest {
    private static final Pattern REPORT = Pattern.compile(
            "kiln: gc verify: collections (\\d+), frames (\\d+), with maps (\\d+), reference slots checked (\\d+), "
                    + "non-reference slots pointing at objects (\\d+) \\(objects only they kept (\\d+)\\), "
                    + "undescribed words pointing at objects (\\d+)\n");

    @ParameterizedTest
    @CsvSource({
        "kiln.test.programs.StackMapStress, false",
        "kiln.test.programs.StackMapStress, true",
        "kiln.test.programs.GarbageChurn, false",
        "kiln.test.programs.GarbageChurn, true",
        "kiln.test.programs.Threads, false",
        "kiln.test.programs.Threads, true",
        "kiln.test.programs.Exceptions, true",
        "kiln.test.programs.RegisterCalls, true",
    })
    void mapsHoldUnderCollections(String mainClass, boolean optimize) throws Exception {
        var compiled = KilnRunner.compile(KilnRunner.PROGRAMS, mainClass,
                CompilerOptions.defaults().withOptimize(optimize));
        KilnRunner.Outcome verified = KilnRunner.onLinux(compiled, mainClass, "kiln.gc=verify");
        Matcher report = REPORT.matcher(verified.output());
        assertTrue(report.find(), "no verification report from " + mainClass + ":\n" + verified.output());
        System.out.println(mainClass + (optimize ? " optimized: " : " baseline: ") + report.group().trim());
        KilnRunner.Outcome withoutReport = new KilnRunner.Outcome(
                verified.output().substring(0, report.start()) + verified.output().substring(report.end()),
                verified.status());
        KilnRunner.assertSameAsHotSpot(mainClass, withoutReport);
        if (mainClass.endsWith("StackMapStress")) {
            assertTrue(Long.parseLong(report.group(1)) > 0, "collections");
            assertTrue(Long.parseLong(report.group(3)) > 0, "frames with maps");
            assertTrue(Long.parseLong(report.group(4)) > 0, "reference slots checked");
        }
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(compiled, mainClass, "kiln.gc=precise"));
    }
}
