package dev.kiln.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interrupt entry stub's code, checked with objdump; the boot tests that take interrupts are in kernel-template. */
class InterruptStubTest {
    private static final ObjectModule STUB = InterruptStub.module();

    private static Section section(SectionKind kind) {
        return StubCode.section(STUB, kind);
    }

    private static Map<String, Symbol> symbols() {
        return StubCode.symbols(STUB);
    }

    private static List<String> disassembly(Path dir) throws Exception {
        return StubCode.disassemble(dir, "interrupts.bin", section(SectionKind.TEXT).content(), "i386:x86-64");
    }

    @Test
    void instructionCountMatchesObjdump(@TempDir Path dir) throws Exception {
        StubCode.assertInstructionCount(InterruptStub.INSTRUCTION_COUNT, "InterruptStub.INSTRUCTION_COUNT", disassembly(dir));
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
        int signalEntry = instructions.size() - 7;
        List<String> common = instructions.subList(InterruptStub.VECTOR_COUNT, signalEntry);
        assertTrue(common.get(common.size() - 1).endsWith("iretq"), common.toString());
        assertTrue(common.get(common.size() - 2).endsWith("add    rsp,QWORD PTR [rsp]"), common.toString());
        List<Relocation> calls = section(SectionKind.TEXT).relocations();
        assertEquals(2, calls.size(), "the common path and the signal entry call the dispatcher");
        assertTrue(calls.stream().allMatch(call -> call.symbol().equals(InterruptStub.DISPATCH)));
        long pushes = common.stream().filter(line -> line.contains("push")).count();
        long pops = common.stream().filter(line -> line.contains("pop")).count();
        assertEquals(pushes, pops, "every push is matched by a pop");
    }

    @Test
    void signalEntryPassesTheUcontextAndReturnsIntoRtSigreturn(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        List<String> signal = instructions.subList(instructions.size() - 7, instructions.size());
        assertTrue(signal.get(0).endsWith("push   rdx"), signal.toString());
        assertTrue(signal.get(4).endsWith("ret"), signal.toString());
        assertTrue(signal.get(5).endsWith("mov    eax,0xf"), signal.toString());
        assertTrue(signal.get(6).endsWith("syscall"), signal.toString());
        assertEquals(symbols().get(InterruptStub.SIGNAL_RETURN).offset(),
                Integer.parseInt(signal.get(5).trim().split(":")[0], 16));
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
