package dev.kiln.compiler.asm;

/**
 * An operand column entry of an Intel SDM opcode table ("r/m32", "imm8", "xmm/m64", ...), and whether an
 * actual {@link Operand} fits it. Spellings follow SDM Vol. 2A §3.1.1.3, with two Kiln additions:
 * {@code uimm8} is an imm8 used as an unsigned number (port, vector, shift count) rather than sign-extended,
 * and a far pointer {@code ptr16:16}/{@code ptr16:32} is written as two operands, offset then selector, in
 * the order they are stored in the instruction.
 */
enum OperandPattern {
    R8("r8", Kind.REG, 8), R16("r16", Kind.REG, 16), R32("r32", Kind.REG, 32), R64("r64", Kind.REG, 64),
    RM8("r/m8", Kind.REG_OR_MEM, 8), RM16("r/m16", Kind.REG_OR_MEM, 16),
    RM32("r/m32", Kind.REG_OR_MEM, 32), RM64("r/m64", Kind.REG_OR_MEM, 64),
    /** Any memory operand whose size does not matter (lea, lgdt, lidt, invlpg). */
    M("m", Kind.MEM, 0),
    /** A memory operand of exactly this size (the LOCK-prefixed instructions, which have no register form). */
    M32("m32", Kind.MEM, 32), M64("m64", Kind.MEM, 64),
    MOFFS8("moffs8", Kind.MOFFS, 8), MOFFS16("moffs16", Kind.MOFFS, 16), MOFFS32("moffs32", Kind.MOFFS, 32),
    AL("AL", Kind.FIXED, 8), AX("AX", Kind.FIXED, 16), EAX("EAX", Kind.FIXED, 32), RAX("RAX", Kind.FIXED, 64),
    CL("CL", Kind.SHIFT_COUNT, 8),
    DX("DX", Kind.PORT, 16),
    ONE("1", Kind.ONE, 0),
    IMM8("imm8", Kind.IMM, 8), UIMM8("uimm8", Kind.UIMM, 8), IMM16("imm16", Kind.IMM, 16),
    IMM32("imm32", Kind.IMM, 32), IMM64("imm64", Kind.IMM, 64),
    REL8("rel8", Kind.REL, 8), REL16("rel16", Kind.REL, 16), REL32("rel32", Kind.REL, 32),
    FAR_OFFSET16("offset16", Kind.FAR_OFFSET, 16), FAR_OFFSET32("offset32", Kind.FAR_OFFSET, 32),
    SELECTOR("selector", Kind.SELECTOR, 16),
    SREG("Sreg", Kind.SREG, 16),
    CR("CR0-CR7", Kind.CR, 0),
    XMM("xmm", Kind.XMM, 128),
    XMM_M32("xmm/m32", Kind.XMM_OR_MEM, 32), XMM_M64("xmm/m64", Kind.XMM_OR_MEM, 64),
    XMM_M128("xmm/m128", Kind.XMM_OR_MEM, 128);

    enum Kind { REG, REG_OR_MEM, MEM, MOFFS, FIXED, SHIFT_COUNT, PORT, ONE, IMM, UIMM, REL, FAR_OFFSET, SELECTOR, SREG, CR, XMM, XMM_OR_MEM }

    final String spelling;
    final Kind kind;
    /** Operand size in bits (for memory-capable patterns, the required memory access size). */
    final int bits;

    OperandPattern(String spelling, Kind kind, int bits) {
        this.spelling = spelling;
        this.kind = kind;
        this.bits = bits;
    }

    static OperandPattern parse(String spelling) {
        for (OperandPattern p : values()) {
            if (p.spelling.equals(spelling)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown operand pattern '" + spelling + "'");
    }

    /** Whether the operand size of the instruction follows from this operand (SDM Vol. 1 §3.6). */
    boolean sizesOperation() {
        return kind == Kind.REG || kind == Kind.REG_OR_MEM || kind == Kind.MOFFS || kind == Kind.FIXED;
    }

    /** Fields after ModRM/SIB/displacement: immediates, relative offsets, far pointers, moffs addresses. */
    boolean isTrailingField() {
        return switch (kind) {
            case IMM, UIMM, REL, FAR_OFFSET, SELECTOR, MOFFS -> true;
            default -> false;
        };
    }

    /** Encoded in the instruction by its opcode alone (AL, CL, DX, the constant 1). */
    boolean isImplicit() {
        return kind == Kind.FIXED || kind == Kind.SHIFT_COUNT || kind == Kind.PORT || kind == Kind.ONE;
    }

    /** Whether a register of this pattern can be named by ModRM.reg, ModRM.rm or an opcode's low bits. */
    boolean isRegisterOrMemory() {
        return !isTrailingField() && !isImplicit();
    }

    /**
     * Whether {@code operand} fits. {@code immediateBits} is the size an immediate is sign-extended to (the
     * instruction's operand size).
     */
    boolean matches(Operand operand, int immediateBits) {
        return switch (kind) {
            case REG -> operand instanceof Reg r && r.bits() == bits;
            case REG_OR_MEM -> operand instanceof Reg r ? r.bits() == bits : operand instanceof Mem m && m.bits() == bits;
            case MEM -> operand instanceof Mem m && (bits == 0 || m.bits() == bits);
            case MOFFS -> operand instanceof Mem m && m.bits() == bits && !m.hasRegisters();
            case FIXED -> operand == fixedRegister();
            case SHIFT_COUNT -> operand == Reg.CL;
            case PORT -> operand == Reg.DX;
            case ONE -> operand instanceof Imm i && !i.isAddress() && i.value() == 1;
            case IMM -> operand instanceof Imm i && (i.isAddress() ? bits >= 16 : fitsImmediate(i.value(), bits, immediateBits));
            case UIMM -> operand instanceof Imm i && !i.isAddress() && i.value() >= 0 && i.value() <= 0xFF;
            case REL -> operand instanceof Label || operand instanceof Imm i && i.symbol() != null && bits == 32;
            case FAR_OFFSET -> operand instanceof Label || operand instanceof Imm i && !i.isAddress() && fitsImmediate(i.value(), bits, bits);
            case SELECTOR -> operand instanceof Imm i && !i.isAddress() && i.value() >= 0 && i.value() <= 0xFFFF;
            case SREG -> operand instanceof SegReg;
            case CR -> operand instanceof ControlReg;
            case XMM -> operand instanceof Xmm;
            case XMM_OR_MEM -> operand instanceof Xmm || operand instanceof Mem m && m.bits() == bits;
        };
    }

    private Reg fixedRegister() {
        return switch (this) {
            case AL -> Reg.AL;
            case AX -> Reg.AX;
            case EAX -> Reg.EAX;
            case RAX -> Reg.RAX;
            default -> throw new IllegalStateException(spelling + " is not a fixed register");
        };
    }

    /**
     * Whether {@code value} can be encoded in a {@code width}-bit immediate of an instruction whose operand
     * size is {@code operationBits}: the value must be representable at the operation size (signed or
     * unsigned), and a narrower immediate is sign-extended by the processor, so the value read as a signed
     * {@code operationBits} number must fit in a signed {@code width}-bit one.
     */
    static boolean fitsImmediate(long value, int width, int operationBits) {
        long v = value;
        if (operationBits < 64) {
            if (v < -(1L << (operationBits - 1)) || v > (1L << operationBits) - 1) {
                return false;
            }
            v = (v << (64 - operationBits)) >> (64 - operationBits);
        }
        return width >= operationBits || v >= -(1L << (width - 1)) && v < (1L << (width - 1));
    }

    @Override
    public String toString() {
        return spelling;
    }
}
