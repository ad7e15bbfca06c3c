package dev.kiln.boot;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The boot stub's code, checked with objdump; BootStubBootTest runs it. */
class BootStubTest {
    private static final ObjectModule STUB = BootStub.code();

    private static Section section(SectionKind kind) {
        return StubCode.section(STUB, kind);
    }

    private static Map<String, Symbol> symbols() {
        return StubCode.symbols(STUB);
    }

    /** Disassembles the 32-bit part (up to kiln_entry64) and the 64-bit part separately, Intel syntax. */
    private static List<String> disassembly(Path dir) throws Exception {
        byte[] text = section(SectionKind.TEXT).content();
        int entry64 = symbols().get("kiln_entry64").offset();
        List<String> instructions = new ArrayList<>(StubCode.disassemble(dir, "code32.bin", Arrays.copyOfRange(text, 0, entry64), "i386"));
        instructions.addAll(StubCode.disassemble(dir, "code64.bin", Arrays.copyOfRange(text, entry64, text.length), "i386:x86-64"));
        return instructions;
    }

    @Test
    void instructionCountMatchesObjdump(@TempDir Path dir) throws Exception {
        StubCode.assertInstructionCount(BootStub.INSTRUCTION_COUNT, "BootStub.INSTRUCTION_COUNT", disassembly(dir));
        assertEquals(BootStub.INSTRUCTION_COUNT, BootStub.instructionCount());
    }

    @Test
    void switchesToLongModeInTheOrderTheSdmPrescribes(@TempDir Path dir) throws Exception {
        List<String> instructions = disassembly(dir);
        String joined = String.join("\n", instructions);
        int cr3 = joined.indexOf("mov    cr3,eax");
        int pae = joined.indexOf("or     eax,0x620");
        int wrmsr = joined.indexOf("wrmsr");
        int paging = joined.indexOf("or     eax,0x80000003");
        int farJump = joined.indexOf("jmp    0x8:");
        int call = joined.indexOf("call");
        assertTrue(0 < cr3 && cr3 < pae && pae < wrmsr && wrmsr < paging && paging < farJump && farJump < call, joined);
        assertTrue(instructions.get(0).endsWith("cli"), instructions.get(0));
        assertTrue(joined.contains("mov    ecx,0xc0000080"), "EFER is MSR 0xC0000080");
        assertTrue(joined.contains("and    eax,0xfffffffb"), "CR0.EM cleared for SSE");
        assertTrue(instructions.get(instructions.size() - 2).endsWith("hlt"));
    }

    @Test
    void gdtHasA64BitCodeAndADataDescriptor() {
        Section rodata = section(SectionKind.RODATA);
        ByteBuffer gdt = ByteBuffer.wrap(rodata.content()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, gdt.getLong(0), "null descriptor");
        long code = gdt.getLong(8);
        assertEquals(1, code >>> 53 & 1, "code: L = 1 (64-bit)");
        assertEquals(0, code >>> 54 & 1, "code: D = 0, required with L = 1");
        assertEquals(1, code >>> 47 & 1, "code: present");
        assertEquals(0b1011, code >>> 40 & 0xF, "code: execute/read, accessed");
        assertEquals(1, code >>> 44 & 1, "code: S = 1 (code/data)");
        long data = gdt.getLong(16);
        assertEquals(0b0011, data >>> 40 & 0xF, "data: read/write, accessed");
        assertEquals(1, data >>> 47 & 1, "data: present");
        assertEquals(23, Short.toUnsignedInt(gdt.getShort(24)), "GDTR limit = size - 1");
        Relocation base = rodata.relocations().get(0);
        assertEquals(26, base.offset());
        assertEquals("kiln_boot_gdt", base.symbol());
    }

    @Test
    void bssHoldsAlignedPageTablesAndAOneMibStack() {
        Section bss = section(SectionKind.BSS);
        assertEquals(4096, bss.alignment());
        Map<String, Symbol> symbols = symbols();
        for (String table : List.of("kiln_boot_pml4", "kiln_boot_pdpt", "kiln_boot_page_directories")) {
            assertEquals(0, symbols.get(table).offset() % 4096, table);
        }
        assertEquals(4 * 4096, symbols.get("kiln_boot_page_directories").size());
        Symbol stack = symbols.get("kiln_boot_stack");
        assertEquals(1 << 20, stack.size());
        assertEquals(stack.offset() + stack.size(), symbols.get(BootStub.BOOT_STACK_TOP).offset());
        assertEquals(0, symbols.get(BootStub.BOOT_STACK_TOP).offset() % 16);
    }

    @Test
    void bootWordsAreDataBecauseTheyAreWrittenBeforeTheBssIsCleared() {
        Section data = section(SectionKind.DATA);
        Set<String> names = data.symbols().stream().map(Symbol::name).collect(Collectors.toSet());
        assertEquals(Set.of(BootStub.BOOT_MAGIC, BootStub.BOOT_INFO, BootStub.STACK_LIMIT, BootStub.STACK_GUARD,
                BootStub.HOSTED, BootStub.CPU_BLOCK, "kiln_cpu_number", "kiln_interrupt_depth"), names);
        assertTrue(data.symbols().stream().allMatch(s -> s.size() == 8));
    }

    @Test
    void cpuBlockStartsWithItsOwnAddressAndHoldsTheStackWords() {
        Section data = section(SectionKind.DATA);
        Map<String, Symbol> symbols = symbols();
        int block = symbols.get(BootStub.CPU_BLOCK).offset();
        Relocation self = data.relocations().stream().filter(r -> r.offset() == block).findFirst().orElseThrow();
        assertEquals(BootStub.CPU_BLOCK, self.symbol());
        assertEquals(block + 8, symbols.get(BootStub.STACK_LIMIT).offset());
        assertEquals(block + 16, symbols.get(BootStub.STACK_GUARD).offset());
        assertEquals(block + 24, symbols.get("kiln_cpu_number").offset());
        assertEquals(block + 32, symbols.get("kiln_interrupt_depth").offset());
    }

    @Test
    void overflowStackLiesJustBelowTheBootStack() {
        Map<String, Symbol> symbols = symbols();
        Symbol overflow = symbols.get(BootStub.OVERFLOW_STACK);
        assertEquals(symbols.get("kiln_boot_stack").offset(), overflow.offset() + overflow.size());
    }

    @Test
    void stackLimitLeavesTheReserveAboveTheBottomOfTheBootStack() {
        Section data = section(SectionKind.DATA);
        for (String word : List.of(BootStub.STACK_LIMIT, BootStub.STACK_GUARD)) {
            int offset = data.symbols().stream().filter(s -> s.name().equals(word)).findFirst().orElseThrow().offset();
            Relocation relocation = data.relocations().stream().filter(r -> r.offset() == offset).findFirst().orElseThrow();
            assertEquals(RelocationKind.ABS64, relocation.kind());
            assertEquals("kiln_boot_stack", relocation.symbol());
            assertEquals(BootStub.STACK_RESERVE, relocation.addend());
        }
    }

    @Test
    void onlyExternalReferencesAreTheJavaEntryAndLinkerSymbols() {
        Set<String> defined = symbols().keySet();
        Set<String> external = STUB.sections().stream().flatMap(s -> s.relocations().stream())
                .map(Relocation::symbol).filter(name -> !defined.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("__bss_end", "__bss_start", BootStub.JAVA_START)), external);
        assertEquals(0, symbols().get(BootStub.ENTRY32).offset());
    }
}
