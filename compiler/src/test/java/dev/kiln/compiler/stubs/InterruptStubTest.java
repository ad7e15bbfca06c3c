package dev.kiln.compiler.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interrupt entry stub's code, checked with objdump; the boot tests that take interrupts are in kernel-template. */
class InterruptStubTest {
    private static final ObjectModule STUB = InterruptStub.module();

    private static Section section(SectionKind kind) {
        return STUB.sections().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }

    private static Map<String, Symbol> symbols() {
        return STUB.sections().stream().flatMap(s -> s.symbols().stream())
                .collect(Collectors.toMap(Symbol::name, Function.identity()));
    }

    private static List<String> disassembly(Path dir) throws Exception {
        Path file = dir.resolve("interrupts.bin");
        Files.write(file, section(SectionKind.TEXT).content());
        Process process = new ProcessBuilder("objdump", "-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
        return output.lines().filter(line -> line.matches("\\s*\\p{XDigit}+:\t.*\t.*")).toList();
    }

    @Test
    void instructionCountMatchesObjdump(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        assertTrue(instructions.stream().noneMatch(line -> line.contains("(bad)")), String.join("\n", instructions));
        assertEquals(InterruptStub.INSTRUCTION_COUNT, instructions.size(),
                "update InterruptStub.INSTRUCTION_COUNT:\n" + String.join("\n", instructions));
    }

    @Test
    void everyVectorHasAFiveByteCallToTheCommonPath(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        int common = symbols().get("kiln_interrupt_common").offset();
        assertEquals(InterruptStub.VECTOR_COUNT * InterruptStub.ENTRY_SIZE, common);
        for (int vector = 0; vector < InterruptStub.VECTOR_COUNT; vector++) {
            String line = instructions.get(vector);
            assertTrue(line.trim().startsWith(Integer.toHexString(vector * InterruptStub.ENTRY_SIZE) + ":"), line);
            assertTrue(line.endsWith("call   0x" + Integer.toHexString(common)), line);
        }
    }

    @Test
    void commonPathCallsTheDispatcherAndEndsWithIretq(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        List<String> common = instructions.subList(InterruptStub.VECTOR_COUNT, instructions.size());
        assertTrue(common.get(common.size() - 1).endsWith("iretq"), common.toString());
        assertTrue(common.get(common.size() - 2).endsWith("add    rsp,QWORD PTR [rsp]"), common.toString());
        List<Relocation> calls = section(SectionKind.TEXT).relocations();
        assertEquals(1, calls.size());
        assertEquals(InterruptStub.DISPATCH, calls.get(0).symbol());
        long pushes = common.stream().filter(line -> line.contains("push")).count();
        long pops = common.stream().filter(line -> line.contains("pop")).count();
        assertEquals(pushes, pops, "every push is matched by a pop");
    }

    @Test
    void tablesArePageAlignedAndIstStacksSixteenByteAligned() {
        Section bss = section(SectionKind.BSS);
        assertEquals(4096, bss.alignment());
        Map<String, Symbol> symbols = symbols();
        assertEquals(0, symbols.get(InterruptStub.SMALL_PAGE_TABLES).offset() % 4096);
        assertEquals(0, symbols.get(InterruptStub.IDT).offset() % 16);
        assertEquals(0, symbols.get(InterruptStub.IST_STACKS).offset() % 16);
        assertEquals(InterruptStub.IST_STACK_COUNT * InterruptStub.IST_STACK_SIZE, symbols.get(InterruptStub.IST_STACKS).size());
    }
}
