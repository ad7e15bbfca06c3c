package dev.kiln.compiler.asm;

/**
 * A position in one {@link Assembler}'s output, created by {@link Assembler#newLabel()} and fixed by
 * {@link Assembler#bind(Label)}. It can be used before it is bound; references are patched when the
 * assembler finishes.
 */
public final class Label implements Operand {
    private final Assembler owner;
    private final String name;
    private int offset = -1;

    Label(Assembler owner, String name) {
        this.owner = owner;
        this.name = name;
    }

    Assembler owner() {
        return owner;
    }

    boolean isBound() {
        return offset >= 0;
    }

    /** Offset in the assembler's output; only valid once bound. */
    int offset() {
        return offset;
    }

    void bindAt(int offset) {
        if (isBound()) {
            throw new IllegalStateException("label " + name + " is already bound at offset 0x" + Integer.toHexString(this.offset));
        }
        this.offset = offset;
    }

    @Override
    public String toString() {
        return name;
    }
}
