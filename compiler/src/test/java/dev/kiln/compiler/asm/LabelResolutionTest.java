package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels: forward and backward, PC-relative and absolute, checked with objdump's disassembly of Kiln's bytes. */
class LabelResolutionTest {

    @Test
    void jumpsAndCallsToLabelsDisassembleToTheirTargets64() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label top = asm.newLabel("top");
        Label exit = asm.newLabel("exit");
        Label helper = asm.newLabel("helper");
        asm.bind(top);                      // 0x00
        asm.cmp(Reg.RDI, Imm.of(0));        // 0x00: 48 83 ff 00
        asm.jcc(Cond.E, exit);              // 0x04: 0f 84 rel32
        asm.call(helper);                   // 0x0a: e8 rel32
        asm.dec(Reg.RDI);                   // 0x0f: 48 ff cf
        asm.jmp(top);                       // 0x12: e9 rel32
        asm.bind(exit);                     // 0x17
        asm.ret();
        asm.bind(helper);                   // 0x18
        asm.lea(Reg.RAX, Mem.label(0, top)); // 0x18: 48 8d 05 rel32 (RIP-relative)
        asm.ret();

        List<String> lines = GnuBinutils.disassemble(asm.flatBinary(), Mode.BITS64);
        assertEquals(List.of(
                "0: cmp rdi,0x0",
                "4: je 0x17",
                "a: call 0x18",
                "f: dec rdi",
                "12: jmp 0x0",
                "17: ret",
                "18: lea rax,[rip+0xffffffffffffffe1] # 0x0",
                "1f: ret"), lines);
    }

    /**
     * The same code emitted twice with a {@link Assembler.JumpSizing}: jumps whose target lay within rel8 reach in the
     * first (all near) emission get the short form in the second, a jump over 130 bytes stays near, and every target
     * still resolves: objdump disassembles each jump to its label.
     */
    @Test
    void jumpSizingShortensNearJumpsOnly() {
        Assembler.JumpSizing sizing = new Assembler.JumpSizing();
        Assembler measuring = new Assembler(Mode.BITS64);
        measuring.sizeJumps(sizing);
        emitLoopWithFarExit(measuring);
        sizing.measured();
        assertEquals(2, sizing.shortJumps());

        Assembler asm = new Assembler(Mode.BITS64);
        asm.sizeJumps(sizing);
        emitLoopWithFarExit(asm);
        asm.sizeJumps(null);
        List<String> lines = GnuBinutils.disassemble(asm.flatBinary(), Mode.BITS64);
        assertEquals("0: cmp rdi,0x0", lines.get(0));
        assertEquals("4: je 0x90", lines.get(1));      // 0f 84 rel32: 130 bytes of nops lie between
        assertEquals("a: jne 0xe", lines.get(2));      // 75 rel8, forward
        assertEquals("c: jmp 0x0", lines.get(3));      // eb rel8, backward
        assertEquals("90: ret", lines.get(lines.size() - 1));
    }

    private static void emitLoopWithFarExit(Assembler asm) {
        Label top = asm.newLabel();
        Label near = asm.newLabel();
        Label exit = asm.newLabel();
        asm.bind(top);
        asm.cmp(Reg.RDI, Imm.of(0));
        asm.jcc(Cond.E, exit);
        asm.jcc(Cond.NE, near);
        asm.jmp(top);
        asm.bind(near);
        for (int i = 0; i < 130; i++) {
            asm.nop();
        }
        asm.bind(exit);
        asm.ret();
    }

    @Test
    void sixteenBitCodeUsesRel16() {
        Assembler asm = new Assembler(Mode.BITS16);
        Label loop = asm.newLabel();
        Label done = asm.newLabel();
        asm.bind(loop);
        asm.jcc(Cond.B, done);
        asm.call(done);
        asm.jmp(loop);
        asm.bind(done);
        asm.hlt();
        List<String> lines = GnuBinutils.disassemble(asm.flatBinary(), Mode.BITS16);
        assertEquals(List.of("0: jb 0xa", "4: call 0xa", "7: jmp 0x0", "a: hlt"), lines);
    }

    @Test
    void absoluteLabelReferencesWithoutOriginAreRelocatedAgainstTheSectionSymbol() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.symbol("Switch.table");
        Label case0 = asm.newLabel();
        Label case1 = asm.newLabel();
        asm.dq(case0);
        asm.dq(case1);
        asm.bind(case0);
        asm.ret();
        asm.bind(case1);
        asm.mov(Reg.EAX, asm.labelAddress(case1)); // B8 imm32, ABS32 relative to the symbol
        asm.ret();
        Section section = asm.finish(".text", SectionKind.TEXT, 16);
        assertEquals(List.of(
                new Relocation(0, RelocationKind.ABS64, "Switch.table", 16),
                new Relocation(8, RelocationKind.ABS64, "Switch.table", 17),
                new Relocation(18, RelocationKind.ABS32, "Switch.table", 17)), section.relocations());
    }

    @Test
    void originResolvesAbsoluteLabels() {
        Assembler asm = new Assembler(Mode.BITS32);
        asm.origin(0x100000);
        Label data = asm.newLabel();
        asm.mov(Reg.ESI, asm.labelAddress(data));   // 0: be imm32
        asm.mov(Reg.EAX, Mem.label(32, data));      // 5: a1 moffs32
        asm.hlt();                                   // 10
        asm.bind(data);                              // 11
        asm.dd(data);
        byte[] code = asm.flatBinary();
        assertEquals("be 0b 00 10 00 a1 0b 00 10 00 f4 0b 00 10 00", GnuBinutils.hex(code));
    }

    @Test
    void backwardAndForwardReferencesToTheSameLabelAgree() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label middle = asm.newLabel();
        asm.jmp(middle);
        asm.bind(middle);
        asm.jmp(middle);
        byte[] code = asm.flatBinary();
        assertEquals("e9 00 00 00 00 e9 fb ff ff ff", GnuBinutils.hex(code));
        assertTrue(asm.finish(".text", SectionKind.TEXT, 1).relocations().isEmpty(), "label jumps need no relocation");
    }
}
