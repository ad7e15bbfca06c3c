package dev.kiln.compiler.asm;

/**
 * Condition codes of Jcc, SETcc and CMOVcc, declared in the order of their 4-bit "tttn" encoding
 * (Intel SDM Vol. 2D §B.1.4.7, Table B-10), so {@code ordinal()} is the value added to the opcode.
 */
public enum Cond {
    O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G;

    /** The tttn code 0..15. */
    public int code() {
        return ordinal();
    }

    /** The opposite condition: flipping the low bit of tttn negates it (SDM Table B-10). */
    public Cond negate() {
        return values()[ordinal() ^ 1];
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
