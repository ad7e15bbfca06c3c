package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape analysis (dev.kiln.compiler.opt.ScalarReplacement) on the ScalarReplacements program: the output equals
 * HotSpot's (DifferentialTest and OptimizingTierTest run it too), and the build report names exactly the
 * allocations that stay in their method, none of those that escape.
 */
class ScalarReplacementTest {
    private static final String PROGRAM = "kiln.test.programs.ScalarReplacements";

    @Test
    void replacesTheAllocationsThatStayInTheirMethodAndNoOthers(@TempDir Path report) throws Exception {
        var compiled = KilnRunner.compile(KilnRunner.PROGRAMS, PROGRAM,
                new CompilerOptions(Optional.of(report)).withOptimize(true));
        KilnRunner.assertSameAsHotSpot(PROGRAM, KilnRunner.onLinux(compiled, PROGRAM));

        Set<String> replaced = replacedAllocations(Files.readAllLines(report.resolve("kiln-report.txt")));
        for (String stays : List.of("Point", "Accumulator", "Segment", "Narrow", "Derived", "Noisy")) {
            assertTrue(replaced.contains(PROGRAM + "$" + stays), stays + " stays in its method: " + replaced);
        }
        for (String box : List.of("Integer", "Long", "Double", "Character", "Short", "Byte")) {
            assertTrue(replaced.contains("java.lang." + box + ".valueOf"), box + " is only unboxed: " + replaced);
        }
        for (String escapes : List.of("Escapee", "Compared", "Cell", "Checked", "Counted")) {
            assertTrue(!replaced.contains(PROGRAM + "$" + escapes), escapes + " escapes: " + replaced);
        }
    }

    /** The report's section on escape analysis: its count, then one line per replaced allocation's class. */
    private static Set<String> replacedAllocations(List<String> report) {
        int heading = -1;
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).startsWith("allocations replaced by their fields' values")) {
                heading = i;
            }
        }
        assertTrue(heading >= 0, "the report has the escape analysis section");
        Set<String> names = new TreeSet<>();
        int sites = 0;
        for (int i = heading + 1; i < report.size() && report.get(i).startsWith("  "); i++) {
            String[] countAndName = report.get(i).trim().split("\\s+");
            sites += Integer.parseInt(countAndName[0]);
            names.add(countAndName[1]);
        }
        String total = report.get(heading);
        assertEquals(sites, Integer.parseInt(total.substring(total.lastIndexOf(' ') + 1)), total);
        return names;
    }
}
