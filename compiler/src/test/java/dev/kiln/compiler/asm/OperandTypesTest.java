package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OperandTypesTest {

    @Test
    void registersKnowTheirSizeAndNumber() {
        assertEquals(Reg.EAX, Reg.RAX.withBits(32));
        assertEquals(Reg.R12, Reg.R12B.withBits(64));
        assertEquals(Reg.SIL, Reg.RSI.withBits(8));
        assertEquals(Reg.R15W, Reg.R15D.withBits(16));
        assertEquals(64, Reg.R9.bits());
        assertEquals(8, Reg.AH.bits());
        assertEquals(4, Reg.AH.number());
        assertEquals(7, Reg.BH.number());
        assertEquals(7, Reg.DIL.number());
        assertEquals(13, Reg.R13D.number());
        assertThrows(IllegalArgumentException.class, () -> Reg.AH.withBits(16));
        assertThrows(IllegalArgumentException.class, () -> Reg.RAX.withBits(128));
    }

    @Test
    void conditionsNegateByTheirLowBit() {
        assertEquals(Cond.NE, Cond.E.negate());
        assertEquals(Cond.GE, Cond.L.negate());
        assertEquals(Cond.A, Cond.BE.negate());
        assertEquals(Cond.NP, Cond.P.negate());
        for (Cond cc : Cond.values()) {
            assertEquals(cc, cc.negate().negate());
        }
        assertEquals(0x4, Cond.E.code());
        assertEquals(0xF, Cond.G.code());
    }

    @Test
    void operandsPrintInIntelSyntax() {
        assertEquals("qword ptr [rbp+0x10]", Mem.of(64, Reg.RBP, 16).toString());
        assertEquals("dword ptr [rbx+rcx*4-0x8]", Mem.of(32, Reg.RBX, Reg.RCX, 4, -8).toString());
        assertEquals("[rax*8+0x100]", Mem.of(0, null, Reg.RAX, 8, 0x100).toString());
        assertEquals("byte ptr [counter+0x4]", Mem.symbol(8, "counter", 4).toString());
        assertEquals("sym+8", Imm.symbol("sym", 8).toString());
        assertEquals("-0x5", Imm.of(-5).toString());
        assertEquals(new Imm(3, null), Imm.of(3));
    }
}
