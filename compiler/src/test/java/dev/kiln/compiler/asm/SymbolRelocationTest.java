package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Symbol references become relocations of the right kind, offset and addend; GNU as is the oracle. */
class SymbolRelocationTest {

    private record Case(Mode mode, String gas, Consumer<Assembler> kiln) {
    }

    @Test
    void relocationsMatchGnuAs() {
        List<Case> cases = List.of(
                new Case(Mode.BITS64, "call sym", asm -> asm.call("sym")),
                new Case(Mode.BITS64, "jmp sym", asm -> asm.jmp("sym")),
                new Case(Mode.BITS64, "cmp dword ptr [rip+sym], 5", asm -> asm.cmp(Mem.symbol(32, "sym", 0), Imm.of(5))),
                new Case(Mode.BITS64, "mov rax, qword ptr [rip+sym+8]", asm -> asm.mov(Reg.RAX, Mem.symbol(64, "sym", 8))),
                new Case(Mode.BITS64, "mov qword ptr [rip+sym], 0x12345", asm -> asm.mov(Mem.symbol(64, "sym", 0), Imm.of(0x12345))),
                new Case(Mode.BITS64, "lea r13, [rip+sym-16]", asm -> asm.lea(Reg.R13, Mem.symbol(0, "sym", -16))),
                new Case(Mode.BITS64, "movabs rax, offset sym", asm -> asm.mov(Reg.RAX, Imm.symbol("sym", 0))),
                new Case(Mode.BITS64, "movabs r9, offset sym+24", asm -> asm.mov(Reg.R9, Imm.symbol("sym", 24))),
                new Case(Mode.BITS64, "mov eax, offset sym+3", asm -> asm.mov(Reg.EAX, Imm.symbol("sym", 3))),
                new Case(Mode.BITS64, "push offset sym", asm -> asm.push(Imm.symbol("sym", 0))),
                new Case(Mode.BITS64, "cmp rax, offset sym", asm -> asm.cmp(Reg.RAX, Imm.symbol("sym", 0))),
                new Case(Mode.BITS64, "mov rax, qword ptr [rbx*8+table]", asm -> asm.mov(Reg.RAX, Mem.symbol(64, null, Reg.RBX, 8, "table", 0))),
                new Case(Mode.BITS64, "mov ecx, dword ptr [r12+table+4]", asm -> asm.mov(Reg.ECX, Mem.symbol(32, Reg.R12, null, 1, "table", 4))),
                new Case(Mode.BITS64, ".quad sym+16", asm -> asm.dq("sym", 16)),
                new Case(Mode.BITS64, ".long sym", asm -> asm.dd("sym", 0)),
                new Case(Mode.BITS32, "call sym", asm -> asm.call("sym")),
                new Case(Mode.BITS32, "mov eax, dword ptr [sym]", asm -> asm.mov(Reg.EAX, Mem.symbol(32, "sym", 0))),
                new Case(Mode.BITS32, "mov ecx, dword ptr [sym+8]", asm -> asm.mov(Reg.ECX, Mem.symbol(32, "sym", 8))),
                new Case(Mode.BITS32, "mov edx, dword ptr [esi*4+table]", asm -> asm.mov(Reg.EDX, Mem.symbol(32, null, Reg.ESI, 4, "table", 0))),
                new Case(Mode.BITS32, "mov esi, offset sym", asm -> asm.mov(Reg.ESI, Imm.symbol("sym", 0))),
                new Case(Mode.BITS16, "mov ax, word ptr [sym]", asm -> asm.mov(Reg.AX, Mem.symbol(16, "sym", 0))),
                new Case(Mode.BITS16, "mov bx, word ptr [si+sym]", asm -> asm.mov(Reg.BX, Mem.symbol(16, Reg.SI, null, 1, "sym", 0))),
                new Case(Mode.BITS16, "mov si, offset sym", asm -> asm.mov(Reg.SI, Imm.symbol("sym", 0))),
                new Case(Mode.BITS16, ".word sym+2", asm -> asm.dw("sym", 2)));

        StringBuilder source = new StringBuilder(".intel_syntax noprefix\n");
        for (int i = 0; i < cases.size(); i++) {
            source.append(".code").append(cases.get(i).mode().bits()).append("\nc").append(i).append(":\n")
                    .append(cases.get(i).gas()).append("\ne").append(i).append(":\n");
        }
        GnuBinutils.Assembled gnu = GnuBinutils.assemble(source.toString());

        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Assembler asm = new Assembler(c.mode());
            c.kiln().accept(asm);
            Section section = asm.finish(".text", SectionKind.TEXT, 1);
            int start = gnu.labels().get("c" + i);
            int end = gnu.labels().get("e" + i);
            List<GnuBinutils.GnuRelocation> expected = new ArrayList<>();
            for (GnuBinutils.GnuRelocation r : gnu.relocations()) {
                if (r.offset() >= start && r.offset() < end) {
                    expected.add(new GnuBinutils.GnuRelocation(r.offset() - start, r.kind(), r.symbol(), r.addend()));
                }
            }
            List<GnuBinutils.GnuRelocation> actual = section.relocations().stream()
                    .map(r -> new GnuBinutils.GnuRelocation(r.offset(), r.kind(), r.symbol(), r.addend())).toList();
            assertEquals(expected, actual, c.mode().bits() + "-bit " + c.gas());
            assertEquals(GnuBinutils.hex(gnu.between("c" + i, "e" + i)), GnuBinutils.hex(section.content()), c.mode().bits() + "-bit " + c.gas());
        }
    }

    @Test
    void callSymbolIsPc32AtOffset1WithAddendMinus4() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.call("kiln_java_start");
        Section section = asm.finish(".text", SectionKind.TEXT, 16);
        assertArrayEquals(new byte[] {(byte) 0xE8, 0, 0, 0, 0}, section.content());
        assertEquals(List.of(new Relocation(1, RelocationKind.PC32, "kiln_java_start", -4)), section.relocations());
    }

    @Test
    void ripRelativeAddendCountsTheImmediateAfterTheDisplacement() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.nop();
        asm.cmp(Mem.symbol(32, "counter", 0), Imm.of(5));       // 83 3D disp32 ib
        asm.mov(Mem.symbol(32, "counter", 4), Imm.of(100000));  // C7 05 disp32 id
        Section section = asm.finish(".text", SectionKind.TEXT, 16);
        assertEquals(List.of(new Relocation(3, RelocationKind.PC32, "counter", -5),
                new Relocation(10, RelocationKind.PC32, "counter", 4 - 8)), section.relocations());
    }

    @Test
    void symbolsGetSizesUpToTheNextSymbolOrEndSymbol() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.symbol("first");
        asm.push(Reg.RBP);
        asm.ret();
        asm.symbol("second");
        asm.xor(Reg.EAX, Reg.EAX);
        asm.endSymbol();
        asm.align(16, 0xCC);
        asm.symbol("third");
        asm.dq(7);
        Section section = asm.finish(".text.k", SectionKind.TEXT, 16);
        assertEquals("[Symbol[name=first, offset=0, size=2], Symbol[name=second, offset=2, size=2], "
                + "Symbol[name=third, offset=16, size=8]]", section.symbols().toString());
        assertEquals(24, section.size());
        assertEquals((byte) 0xCC, section.content()[4]);
    }

    @Test
    void bssSectionsCarryOnlyASize() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.symbol("kiln_boot_magic");
        asm.zeros(8);
        asm.symbol("kiln_boot_info");
        asm.zeros(8);
        Section section = asm.finish(".bss", SectionKind.BSS, 8);
        assertEquals(16, section.size());
        assertEquals(0, section.content().length);
        assertEquals(2, section.symbols().size());
    }
}
