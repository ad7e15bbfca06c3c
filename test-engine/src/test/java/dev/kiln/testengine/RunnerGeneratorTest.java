package dev.kiln.testengine;

import dev.kiln.testengine.TestPlan.ArgumentSource;
import dev.kiln.testengine.TestPlan.Literal;
import dev.kiln.testengine.TestPlan.MethodRef;
import dev.kiln.testengine.TestPlan.TestClass;
import dev.kiln.testengine.TestPlan.TestMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated classes' shape: tables split per package and per thousand calls, the plan split over methods. */
class RunnerGeneratorTest {
    @Test
    void largePlansStayWithinTheJvmsMethodSizeLimit(@TempDir Path output) throws Exception {
        List<TestMethod> tests = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            tests.add(new TestMethod("test" + i, "test" + i + "()", new MethodRef("big/ManyTest", "test" + i, "()V", false),
                    Optional.empty(), 0, "", new ArgumentSource.None(), Set.of()));
        }
        List<List<Literal>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(List.of(new Literal('i', Integer.toString(i))));
        }
        tests.add(new TestMethod("rows(int)", "rows(int)", new MethodRef("big/ManyTest", "rows", "(I)V", false),
                Optional.empty(), 0, "", new ArgumentSource.Rows(rows), Set.of()));
        TestClass many = new TestClass(0, "big.ManyTest", -1, false, new MethodRef("big/ManyTest", "<init>", "()V", false),
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), tests);

        List<String> lines = RunnerGenerator.generate(new TestPlan(List.of(many)), output);

        assertEquals(1 + 2501 + 5000, lines.size());
        for (String table : List.of("Kiln$TestCalls", "Kiln$TestCalls$1", "Kiln$TestCalls$2")) {
            assertTrue(Files.isRegularFile(output.resolve("big/" + table + ".class")), table);
        }
        ClassNode main = new ClassNode();
        new ClassReader(Files.readAllBytes(output.resolve("dev/kiln/testengine/generated/KilnTestMain.class"))).accept(main, 0);
        assertEquals(List.of("<init>", "main", "plan0", "plan1", "plan2", "plan3"),
                main.methods.stream().map(m -> m.name).toList());
        assertEquals("test\t0\ttest0\ttest0()\t0:1\t\\0\t0\t\tnone", lines.get(1));
        assertTrue(lines.get(2501).endsWith("\t2:501\t\\0\t0\t\trows"), lines.get(2501));
    }
}
