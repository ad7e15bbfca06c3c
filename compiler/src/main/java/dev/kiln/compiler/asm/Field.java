package dev.kiln.compiler.asm;

import dev.kiln.compiler.object.RelocationKind;

/**
 * A displacement, immediate or code offset of an encoded instruction whose value is not known yet.
 *
 * @param position offset of the field from the start of the instruction (or data item)
 * @param width    size in bytes
 */
record Field(int position, int width, Target target) {

    /** What the field refers to. */
    sealed interface Target permits SymbolTarget, LabelTarget {
    }

    /**
     * A symbol, relocated by the linker. For {@link RelocationKind#PC32} the addend is still relative to the
     * field; the assembler subtracts the distance from the field to the end of the instruction.
     */
    record SymbolTarget(String symbol, long addend, RelocationKind kind) implements Target {
    }

    /**
     * A label of the same assembler: PC-relative (to the end of the instruction) or absolute (origin + offset,
     * of the given width kind).
     */
    record LabelTarget(Label label, long addend, boolean pcRelative, RelocationKind absoluteKind) implements Target {
    }
}
