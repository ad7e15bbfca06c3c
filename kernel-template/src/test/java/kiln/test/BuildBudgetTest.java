package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The closed world of a hello-world program must stay small: a substitution that stops working, or a JDK
 * class that starts reaching into reflection or formatting, multiplies it. The budget is about 1.5 times
 * today's size, so ordinary growth passes and a leak fails the day it appears. Today's size includes the
 * kernel every program carries: with the CPU tables, interrupt controllers, clocks and timer, the scheduler,
 * its stacks and the monitors every {@code synchronized} takes, about 450 methods and 95 KB of code, more than
 * half of it kernel. Since then the library grew to about 134 KB, and allocation inline at every {@code new} and
 * {@code newarray} (docs/compiler.md "Allocation inline", about 80 bytes a site) to 152 KB: the code budget is
 * again about 1.5 times that.
 */
class BuildBudgetTest {
    private static final int MAX_METHODS = 680;
    private static final int MAX_CODE_BYTES = 224 * 1024;

    @Test
    void helloStaysWithinBudget() throws Exception {
        ObjectModule module = KilnRunner.compile("kiln.test.programs.Hello");
        int methods = 0;
        int codeBytes = 0;
        for (Section section : module.sections()) {
            if (section.kind() == SectionKind.TEXT) {
                codeBytes += section.size();
                methods += (int) section.symbols().stream().filter(s -> s.name().startsWith("m:")).count();
            }
        }
        assertTrue(methods <= MAX_METHODS, "Hello reaches " + methods + " methods (budget " + MAX_METHODS
                + "); see target/kiln/kiln-report.txt of a build for which classes grew");
        assertTrue(codeBytes <= MAX_CODE_BYTES, "Hello compiles to " + codeBytes + " bytes of code (budget "
                + MAX_CODE_BYTES + ")");
        assertTrue(methods > 20 && codeBytes > 4096, "implausibly small: " + methods + " methods, " + codeBytes + " bytes");
    }

    /**
     * The JDK's Unicode tables (the CharacterData of each plane, about 100 KB of code and data) and the formatter come
     * in with the first case mapping, classification or formatted message the program can reach; the kernel and
     * {@code System.out.println} must reach none (docs/compiler.md "The class library").
     */
    @Test
    void helloCarriesNoUnicodeTablesAndNoFormatter() throws Exception {
        ObjectModule module = KilnRunner.compile("kiln.test.programs.Hello");
        List<String> unwanted = module.sections().stream()
                .filter(section -> section.kind() == SectionKind.TEXT)
                .flatMap(section -> section.symbols().stream())
                .map(symbol -> symbol.name())
                .filter(name -> name.startsWith("m:java/lang/CharacterData") || name.startsWith("m:java/util/Formatter."))
                .toList();
        assertEquals(List.of(), unwanted);
    }
}
