package dev.kiln.compiler.asm;

/** Segment registers, in the order of their ModRM.reg encoding (Intel SDM Vol. 2A §3.1.1.3, Table 3-1: ES=0 .. GS=5). */
public enum SegReg implements Operand {
    ES, CS, SS, DS, FS, GS;

    /** The 3-bit number in ModRM.reg. */
    public int number() {
        return ordinal();
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
