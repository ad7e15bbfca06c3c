package dev.kiln.compiler.object;

/**
 * How the linker patches a field once the target symbol's address S is known.
 * A is the relocation's addend and P the address of the patched field itself
 * (the same meanings as the System V x86-64 psABI, Table 4.10).
 */
public enum RelocationKind {
    /** 64-bit absolute: S + A. */
    ABS64(8),
    /** 32-bit absolute, zero-extended by its user: S + A must fit in 0..2^32-1. */
    ABS32(4),
    /** 32-bit absolute, sign-extended by its user (64-bit mode immediates and disp32): must fit in a signed int. */
    ABS32S(4),
    /** 16-bit absolute, for real-mode code: S + A must fit in 0..65535. */
    ABS16(2),
    /** 32-bit PC-relative: S + A - P must fit in a signed int. The assembler folds the distance from the field
     *  to the end of the instruction into A (so a call's addend is -4). */
    PC32(4);

    private final int width;

    RelocationKind(int width) {
        this.width = width;
    }

    /** Size of the patched field in bytes. */
    public int width() {
        return width;
    }
}
