package dev.kiln.compiler.asm;

/**
 * The processor mode an instruction is encoded for. It fixes the default operand and address size
 * (Intel SDM Vol. 1 §3.6.1, Table 3-4): 16/16 in real mode and 16-bit code segments, 32/32 in 32-bit code
 * segments, 32/64 in 64-bit mode (where REX.W selects 64-bit operands).
 */
public enum Mode {
    BITS16(16),
    BITS32(32),
    BITS64(64);

    private final int bits;

    Mode(int bits) {
        this.bits = bits;
    }

    /** The default address size, and (except in 64-bit mode, where it is 32) the default operand size. */
    public int bits() {
        return bits;
    }
}
