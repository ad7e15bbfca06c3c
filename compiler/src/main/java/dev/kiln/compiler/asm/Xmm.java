package dev.kiln.compiler.asm;

/** SSE registers; XMM8..XMM15 exist only in 64-bit mode (they need REX.R/REX.B). */
public enum Xmm implements Operand {
    XMM0, XMM1, XMM2, XMM3, XMM4, XMM5, XMM6, XMM7, XMM8, XMM9, XMM10, XMM11, XMM12, XMM13, XMM14, XMM15;

    /** The register number 0..15. */
    public int number() {
        return ordinal();
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
