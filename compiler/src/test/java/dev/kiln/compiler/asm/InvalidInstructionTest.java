package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.object.SectionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Impossible instructions and misuse fail with a message that names the instruction and the problem. */
class InvalidInstructionTest {

    private static void assertFails(Class<? extends Throwable> type, Executable action, String... fragments) {
        Throwable e = assertThrows(type, action);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
    }

    @Test
    void operandSizesMustAgree() {
        Assembler asm = new Assembler(Mode.BITS64);
        assertFails(IllegalArgumentException.class, () -> asm.mov(Reg.RAX, Reg.BL), "no encoding for 'mov rax, bl'", "64-bit mode", "mov r64, r/m64");
        assertFails(IllegalArgumentException.class, () -> asm.add(Mem.of(64, Reg.RAX, 0), Reg.ECX), "add qword ptr [rax], ecx");
        assertFails(IllegalArgumentException.class, () -> asm.mov(Mem.of(0, Reg.RAX, 0), Imm.of(1)), "mov [rax], 0x1");
        assertEquals(0, asm.offset(), "nothing is emitted for a rejected instruction");
    }

    @Test
    void immediatesMustFit() {
        Assembler asm = new Assembler(Mode.BITS64);
        assertFails(IllegalArgumentException.class, () -> asm.add(Reg.RAX, Imm.of(0x1_0000_0000L)), "add rax, 0x100000000");
        assertFails(IllegalArgumentException.class, () -> asm.mov(Reg.AL, Imm.of(256)), "mov al, 0x100");
        assertFails(IllegalArgumentException.class, () -> asm.int_(256), "int 0x100");
    }

    @Test
    void rexIsNeededButNotAvailable() {
        Assembler asm = new Assembler(Mode.BITS64);
        assertFails(IllegalArgumentException.class, () -> asm.mov(Reg.AH, Reg.SIL), "mov ah, sil", "ah cannot be encoded", "REX");
        assertFails(IllegalArgumentException.class, () -> asm.add(Reg.BH, Reg.R9B), "add bh, r9b", "bh cannot be encoded");
        Assembler legacy = new Assembler(Mode.BITS32);
        assertFails(IllegalArgumentException.class, () -> legacy.mov(Reg.R8D, Reg.EAX), "only in 64-bit mode");
        assertFails(IllegalArgumentException.class, () -> legacy.mov(Reg.RAX, Reg.RBX), "no encoding", "32-bit mode");
        assertFails(IllegalArgumentException.class, () -> legacy.addsd(Xmm.XMM8, Xmm.XMM0), "only in 64-bit mode");
    }

    @Test
    void formsMissingFromTheMode() {
        Assembler asm = new Assembler(Mode.BITS64);
        assertFails(IllegalArgumentException.class, () -> asm.push(Reg.EAX), "push eax", "Forms of push");
        assertFails(IllegalArgumentException.class, () -> asm.jmpFar(8, asm.newLabel()), "jmp far");
        assertFails(IllegalArgumentException.class, () -> asm.mov(Reg.EAX, Mem.of(32, Reg.BX, 0)), "16-bit addressing is not available");
        Assembler real = new Assembler(Mode.BITS16);
        assertFails(IllegalArgumentException.class, () -> real.mov(Reg.AX, Mem.of(16, Reg.AX, 0)), "only BX or BP, plus SI or DI");
        assertFails(IllegalArgumentException.class, () -> real.addsd(Xmm.XMM0, Xmm.XMM1), "16-bit mode");
        assertFails(IllegalArgumentException.class, () -> real.call("main"), "call main in 16-bit mode", "use a label");
        assertFails(IllegalStateException.class, () -> new Assembler(Mode.BITS32).addressSize32(), "32-bit mode");
    }

    @Test
    void memoryOperandsAreValidated() {
        assertFails(IllegalArgumentException.class, () -> Mem.of(64, Reg.RAX, Reg.RSP, 1, 0), "rsp cannot be an index");
        assertFails(IllegalArgumentException.class, () -> Mem.of(64, Reg.RAX, Reg.RCX, 3, 0), "scale 3");
        assertFails(IllegalArgumentException.class, () -> Mem.of(64, Reg.RAX, Reg.ECX, 1, 0), "differ in size");
        assertFails(IllegalArgumentException.class, () -> Mem.of(24, Reg.RAX, 0), "24 bits");
    }

    @Test
    void unboundLabelIsNamed() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label missing = asm.newLabel("loop_end");
        asm.nop();
        asm.jmp(missing);
        assertFails(IllegalStateException.class, () -> asm.finish(".text", SectionKind.TEXT, 16), "label loop_end", "offset 0x2", "never bound");
        assertFails(IllegalStateException.class, asm::flatBinary, "loop_end");
    }

    @Test
    void labelsBelongToOneAssembler() {
        Assembler a = new Assembler(Mode.BITS64);
        Assembler b = new Assembler(Mode.BITS64);
        Label label = a.newLabel("x");
        assertFails(IllegalArgumentException.class, () -> b.jmp(label), "another Assembler");
        a.bind(label);
        assertFails(IllegalStateException.class, () -> a.bind(label), "already bound");
    }

    @Test
    void flatBinaryRejectsSymbols() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.call("printf");
        assertFails(IllegalStateException.class, asm::flatBinary, "printf", "offset 0x1");
    }

    @Test
    void absoluteLabelNeedsAnOriginOrASymbol() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label l = asm.newLabel("table");
        asm.bind(l);
        asm.dq(l);
        assertFails(IllegalStateException.class, () -> asm.finish(".rodata", SectionKind.RODATA, 8), "table", "origin", "symbol");
    }

    @Test
    void sixteenBitDisplacementRange() {
        Assembler asm = new Assembler(Mode.BITS16);
        asm.origin(0x7c00);
        Label far = asm.newLabel("far");
        asm.mov(Reg.AX, asm.labelAddress(far));
        asm.zeros(0x10000);
        asm.bind(far);
        assertFails(IllegalStateException.class, asm::flatBinary, "far", "does not fit in 16 bits");
    }

    @Test
    void sectionAlignmentCoversInnerAlignment() {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.align(64, 0);
        assertFails(IllegalArgumentException.class, () -> asm.finish(".data", SectionKind.DATA, 8), "align(64)");
        assertFails(IllegalArgumentException.class, () -> asm.db(300), "db value 300");
    }
}
