package dev.kiln.compiler.asm;

/**
 * The instructions the assembler knows. Each has one or more rows in {@link EncodingTable}; SETCC, CMOVCC and
 * JCC (and JCC_SHORT) take a {@link Cond} that is added to their opcode. JMP_SHORT and JCC_SHORT are the rel8 forms,
 * chosen only through {@link Assembler.JumpSizing}. REP_* are the string instructions with their REP prefix,
 * LOCK_* the read-modify-write instructions with their LOCK prefix (memory destinations only).
 */
public enum Mnemonic {
    MOV, MOVZX, MOVSX, MOVSXD, LEA, PUSH, POP, XCHG, LOCK_CMPXCHG, LOCK_XADD, MFENCE,
    ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST, NOT, NEG, INC, DEC, MUL, IMUL, DIV, IDIV,
    SHL, SHR, SAR, ROL, ROR,
    CWD, CDQ, CQO, CDQE,
    SETCC, CMOVCC,
    JMP, JMP_FAR, JCC, JMP_SHORT, JCC_SHORT, CALL, RET, RETF, IRETQ, INT, INT3,
    HLT, CLI, STI, CLD, NOP, UD2, LEAVE, PAUSE, CPUID, RDTSC, SYSCALL, RDMSR, WRMSR,
    IN, OUT, LGDT, LIDT, LTR, INVLPG,
    REP_MOVSB, REP_MOVSD, REP_MOVSQ, REP_STOSB, REP_STOSD, REP_STOSQ,
    MOVSD, MOVSS, MOVD, MOVQ, ADDSD, SUBSD, MULSD, DIVSD, ADDSS, SUBSS, MULSS, DIVSS, SQRTSD,
    UCOMISD, UCOMISS, CVTSI2SD, CVTSI2SS, CVTTSD2SI, CVTTSS2SI, CVTSS2SD, CVTSD2SS, XORPD, MOVAPD;

    /** Whether the instruction takes a condition code (Jcc, SETcc, CMOVcc). */
    public boolean isConditional() {
        return this == SETCC || this == CMOVCC || this == JCC || this == JCC_SHORT;
    }

    /**
     * The Intel-syntax name, e.g. {@code rep movsb}, {@code jne}. {@code cc} is used by conditional mnemonics only;
     * null gives the generic name ({@code jcc}).
     */
    public String text(Cond cc) {
        String condition = cc == null ? "cc" : cc.toString();
        return switch (this) {
            case SETCC -> "set" + condition;
            case CMOVCC -> "cmov" + condition;
            case JCC, JCC_SHORT -> "j" + condition;
            case JMP_SHORT -> "jmp";
            case JMP_FAR -> "jmp far";
            default -> name().toLowerCase().replace('_', ' ');
        };
    }
}
