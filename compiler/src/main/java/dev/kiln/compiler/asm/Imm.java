package dev.kiln.compiler.asm;

/**
 * An immediate operand. With a {@code symbol}, the value is the symbol's link-time address plus
 * {@code value} (the addend) and the assembler emits a relocation: ABS64 for the imm64 of
 * {@code mov r64, imm64}, ABS32S for an imm32 sign-extended to 64 bits, ABS32 for other 32-bit immediates,
 * ABS16 in 16-bit code. With a {@code label} (from {@link Assembler#labelAddress}), the value is the
 * label's address plus {@code value}, resolved when the assembler finishes.
 */
public record Imm(long value, String symbol, Label label) implements Operand {

    public Imm {
        if (symbol != null && label != null) {
            throw new IllegalArgumentException("an immediate refers to a symbol or a label, not both");
        }
    }

    public Imm(long value, String symbol) {
        this(value, symbol, null);
    }

    /** A plain number. */
    public static Imm of(long value) {
        return new Imm(value, null, null);
    }

    /** The address of {@code symbol} plus {@code addend}, filled in by the linker. */
    public static Imm symbol(String symbol, long addend) {
        if (symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("symbol name must not be empty");
        }
        return new Imm(addend, symbol, null);
    }

    /** Whether the value is unknown until labels are resolved or the module is linked. */
    boolean isAddress() {
        return symbol != null || label != null;
    }

    @Override
    public String toString() {
        String base = symbol != null ? symbol : label != null ? label.toString() : null;
        if (base == null) {
            return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
        }
        return value == 0 ? base : base + (value < 0 ? "-" : "+") + Math.abs(value);
    }
}
