package dev.kiln.compiler.asm;

import static dev.kiln.compiler.asm.Reg.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Operands that fit an {@link OperandPattern} in a mode, chosen to exercise the encoder's corner cases:
 * r8-r15 (REX.R/X/B), spl/sil (forced REX), ah/bh (no REX), rsp/r12 as base (SIB), rbp/r13 as base without
 * displacement (disp8 0), index*scale, disp8 and disp32, no base, absolute addresses, and the other address size.
 */
final class OperandSamples {

    private OperandSamples() {
    }

    static List<Operand> of(OperandPattern pattern, Mode mode) {
        boolean long64 = mode == Mode.BITS64;
        return switch (pattern) {
            case R8 -> long64 ? List.of(AL, CL, SIL, R9B, DIL, R15B, BL, SPL, R12B) : List.of(AL, CL, DL, BL, AH, BH, CH, DH);
            case R16 -> long64 ? List.of(AX, CX, SP, R8W, DI, R13W, BP, R15W, BX) : List.of(AX, CX, DX, BX, SP, BP, SI, DI);
            case R32 -> long64 ? List.of(EAX, ECX, ESP, R8D, EDI, R13D, EBP, R15D, EBX) : List.of(EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI);
            case R64 -> List.of(RAX, RCX, RSP, R8, RDI, R13, RBP, R15, R12, RBX);
            case RM8 -> interleave(of(OperandPattern.R8, mode), memory(mode, 8));
            case RM16 -> interleave(of(OperandPattern.R16, mode), memory(mode, 16));
            case RM32 -> interleave(of(OperandPattern.R32, mode), memory(mode, 32));
            case RM64 -> interleave(of(OperandPattern.R64, mode), memory(mode, 64));
            case M -> memory(mode, 0);
            case M32, M64 -> memory(mode, pattern.bits);
            case MOFFS8, MOFFS16, MOFFS32 -> List.of(Mem.of(pattern.bits, null, mode == Mode.BITS16 ? 0x500 : 0x1000),
                    Mem.of(pattern.bits, null, mode == Mode.BITS16 ? 0xfff0 : 0x12345678));
            case AL -> List.of(AL);
            case AX -> List.of(AX);
            case EAX -> List.of(EAX);
            case RAX -> List.of(RAX);
            case CL -> List.of(CL);
            case DX -> List.of(DX);
            case ONE -> List.of(Imm.of(1));
            case IMM8 -> List.of(Imm.of(5), Imm.of(-3), Imm.of(0x7f), Imm.of(-0x80));
            case UIMM8 -> List.of(Imm.of(0x12), Imm.of(0xff), Imm.of(0x60), Imm.of(7));
            case IMM16 -> List.of(Imm.of(0x1234), Imm.of(-0x1234), Imm.of(0x7fff));
            case IMM32 -> List.of(Imm.of(0x12345678), Imm.of(-0x10000), Imm.of(0x1000));
            case IMM64 -> List.of(Imm.of(0x123456789abcL), Imm.of(-0x123456789L), Imm.of(0xffffffffL));
            case SREG -> List.of(SegReg.DS, SegReg.ES, SegReg.SS, SegReg.FS, SegReg.GS);
            case CR -> List.of(ControlReg.CR0, ControlReg.CR2, ControlReg.CR3, ControlReg.CR4);
            case XMM -> long64 ? List.of(Xmm.XMM0, Xmm.XMM1, Xmm.XMM9, Xmm.XMM7, Xmm.XMM15, Xmm.XMM3) : List.of(Xmm.XMM0, Xmm.XMM1, Xmm.XMM5, Xmm.XMM7);
            case XMM_M32, XMM_M64, XMM_M128 -> interleave(of(OperandPattern.XMM, mode), memory(mode, pattern.bits));
            case REL8, REL16, REL32, FAR_OFFSET16, FAR_OFFSET32, SELECTOR ->
                    throw new IllegalArgumentException(pattern + " operands are built by dedicated cases");
        };
    }

    /** Memory operands of size {@code bits} in every addressing form the mode offers. */
    static List<Operand> memory(Mode mode, int bits) {
        return switch (mode) {
            case BITS64 -> List.of(
                    Mem.of(bits, RAX, 0), Mem.of(bits, RSP, 0), Mem.of(bits, RBP, 0), Mem.of(bits, R12, 0),
                    Mem.of(bits, R13, 0), Mem.of(bits, RBX, 0x10), Mem.of(bits, RBP, -8), Mem.of(bits, R13, 0x12345678),
                    Mem.of(bits, RBX, RCX, 4, 0x12), Mem.of(bits, R12, R15, 8, 0x12345), Mem.of(bits, RSP, RBP, 2, -0x80),
                    Mem.of(bits, R8, RAX, 1, 0), Mem.of(bits, null, RAX, 8, 0x100), Mem.of(bits, null, 0x1000),
                    Mem.of(bits, EAX, ECX, 2, 4), Mem.of(bits, R10D, 0));
            case BITS32 -> List.of(
                    Mem.of(bits, EAX, 0), Mem.of(bits, ESP, 0), Mem.of(bits, EBP, 0), Mem.of(bits, EBX, 0x10),
                    Mem.of(bits, EBP, -8), Mem.of(bits, EBX, ESI, 4, 0x12), Mem.of(bits, EDI, 0x12345),
                    Mem.of(bits, ESP, EBP, 2, -0x80), Mem.of(bits, null, EAX, 8, 0x100), Mem.of(bits, null, 0x1000),
                    Mem.of(bits, BX, SI, 1, 0), Mem.of(bits, BP, DI, 1, 4));
            case BITS16 -> List.of(
                    Mem.of(bits, BX, 0), Mem.of(bits, BP, 0), Mem.of(bits, SI, 0), Mem.of(bits, DI, 0),
                    Mem.of(bits, BX, SI, 1, 0), Mem.of(bits, BX, DI, 1, 4), Mem.of(bits, BP, SI, 1, -2),
                    Mem.of(bits, BP, DI, 1, 0x1234), Mem.of(bits, null, 0x500), Mem.of(bits, EAX, 0),
                    Mem.of(bits, EBX, ECX, 4, 0x10), Mem.of(bits, ESP, 8));
        };
    }

    private static List<Operand> interleave(List<Operand> registers, List<Operand> memory) {
        List<Operand> result = new ArrayList<>();
        for (int i = 0; i < Math.max(registers.size(), memory.size()); i++) {
            if (i < registers.size()) {
                result.add(registers.get(i));
            }
            if (i < memory.size()) {
                result.add(memory.get(i));
            }
        }
        return result;
    }
}
