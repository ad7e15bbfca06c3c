package dev.kiln.compiler.asm;

/**
 * General-purpose registers, each with its size. {@link #number()} is the 4-bit register number of the
 * ModRM/SIB/opcode fields plus REX.R/X/B (Intel SDM Vol. 2A §2.2.1.2, Table 3-1). AH, CH, DH and BH share
 * numbers 4..7 with SPL, BPL, SIL and DIL: without a REX prefix those numbers mean AH..BH, with any REX
 * prefix they mean SPL..DIL, which is why SPL..DIL force an (empty) REX and AH..BH cannot be used with one.
 */
public enum Reg implements Operand {
    RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15,
    EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI, R8D, R9D, R10D, R11D, R12D, R13D, R14D, R15D,
    AX, CX, DX, BX, SP, BP, SI, DI, R8W, R9W, R10W, R11W, R12W, R13W, R14W, R15W,
    AL, CL, DL, BL, SPL, BPL, SIL, DIL, R8B, R9B, R10B, R11B, R12B, R13B, R14B, R15B,
    AH, CH, DH, BH;

    private static final int[] SIZES = {64, 32, 16, 8};

    /** Operand size in bits: 64, 32, 16 or 8. */
    public int bits() {
        return ordinal() >= AH.ordinal() ? 8 : SIZES[ordinal() / 16];
    }

    /** Register number 0..15 (AH..BH are 4..7). */
    public int number() {
        return ordinal() >= AH.ordinal() ? ordinal() - AH.ordinal() + 4 : ordinal() % 16;
    }

    /** The same register at another size: {@code RAX.withBits(32) == EAX}. AH..BH have no other sizes. */
    public Reg withBits(int bits) {
        if (isLegacyHighByte()) {
            throw new IllegalArgumentException(this + " has no " + bits + "-bit form");
        }
        for (int i = 0; i < SIZES.length; i++) {
            if (SIZES[i] == bits) {
                return values()[i * 16 + number()];
            }
        }
        throw new IllegalArgumentException("no " + bits + "-bit general-purpose registers (use 8, 16, 32 or 64)");
    }

    /** AH, CH, DH or BH: encodable only without a REX prefix. */
    boolean isLegacyHighByte() {
        return ordinal() >= AH.ordinal();
    }

    /** Needs a REX prefix even without an extension bit: SPL, BPL, SIL, DIL (SDM Vol. 2A §2.2.1.2). */
    boolean forcesRex() {
        return bits() == 8 && !isLegacyHighByte() && number() >= 4 && number() < 8;
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
