package dev.kiln.compiler.asm;

import java.util.Objects;

/**
 * A memory operand {@code [base + index*scale + disp]}, where disp may be a symbol's address (relocated) or a
 * label's. {@code bits} is the size of the access (8, 16, 32, 64, 128), or 0 for instructions that only need
 * the address (lea, lgdt, lidt, invlpg).
 *
 * <p>The registers pick the address size: 64-bit registers in 64-bit mode, 32-bit registers in any mode
 * (with the 0x67 prefix outside 32-bit mode), 16-bit registers (BX, BP, SI, DI) for the 16-bit forms of
 * Intel SDM Vol. 2A Table 2-1. A symbol or label without registers is RIP-relative in 64-bit mode and an
 * absolute displacement in 16- and 32-bit mode.
 */
public final class Mem implements Operand {
    private final int bits;
    private final Reg base;
    private final Reg index;
    private final int scale;
    private final long disp;
    private final String symbol;
    private final Label label;
    /** A segment-override prefix (FS or GS), or null: the address is then relative to that segment's base. */
    private final SegReg segment;

    private Mem(int bits, Reg base, Reg index, int scale, long disp, String symbol, Label label) {
        this(bits, base, index, scale, disp, symbol, label, null);
    }

    private Mem(int bits, Reg base, Reg index, int scale, long disp, String symbol, Label label, SegReg segment) {
        if (bits != 0 && bits != 8 && bits != 16 && bits != 32 && bits != 64 && bits != 128) {
            throw new IllegalArgumentException("memory operand size " + bits + " bits: use 8, 16, 32, 64, 128 or 0 (no size)");
        }
        if (base != null && base.bits() == 8 || index != null && index.bits() == 8) {
            throw new IllegalArgumentException("8-bit registers cannot address memory: [" + base + " + " + index + "]");
        }
        if (base != null && index != null && base.bits() != index.bits()) {
            throw new IllegalArgumentException("base " + base + " and index " + index + " differ in size");
        }
        if (index != null && index.number() == 4 && index.bits() != 16) {
            throw new IllegalArgumentException(index + " cannot be an index register (SIB index 100 means none)");
        }
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale " + scale + ": use 1, 2, 4 or 8");
        }
        if (index == null && scale != 1) {
            throw new IllegalArgumentException("scale " + scale + " without an index register");
        }
        this.bits = bits;
        this.base = base;
        this.index = index;
        this.scale = scale;
        this.disp = disp;
        this.symbol = symbol;
        this.label = label;
        if (segment != null && segment != SegReg.FS && segment != SegReg.GS) {
            throw new IllegalArgumentException("segment override " + segment + ": only fs and gs have a base in 64-bit mode (SDM Vol. 3A §3.2.4)");
        }
        this.segment = segment;
    }

    /** {@code [base + disp]}. */
    public static Mem of(int bits, Reg base, int disp) {
        return new Mem(bits, base, null, 1, disp, null, null);
    }

    /** {@code [base + index*scale + disp]}; base and index may be null. */
    public static Mem of(int bits, Reg base, Reg index, int scale, int disp) {
        return new Mem(bits, base, index, index == null ? 1 : scale, disp, null, null);
    }

    /** {@code [symbol + addend]}: RIP-relative (PC32) in 64-bit mode, absolute (ABS32/ABS16) in 32-/16-bit mode. */
    public static Mem symbol(int bits, String symbol, long addend) {
        return new Mem(bits, null, null, 1, addend, requireSymbol(symbol), null);
    }

    /**
     * {@code [base + index*scale + symbol + addend]} with an absolute displacement: ABS32S in 64-bit mode, ABS32
     * with 32-bit addressing in 16/32-bit mode, ABS16 with 16-bit addressing.
     */
    public static Mem symbol(int bits, Reg base, Reg index, int scale, String symbol, long addend) {
        return new Mem(bits, base, index, index == null ? 1 : scale, addend, requireSymbol(symbol), null);
    }

    /** {@code [label]}: RIP-relative in 64-bit mode, absolute (origin + offset) in 16-/32-bit mode. */
    public static Mem label(int bits, Label label) {
        return new Mem(bits, null, null, 1, 0, null, Objects.requireNonNull(label, "label"));
    }

    /**
     * {@code [base + index*scale + label + addend]}: the label's absolute address (origin + offset) as the
     * displacement, e.g. a table indexed by a register in flat code. Without registers this is
     * {@link #label(int, Label)} plus an addend (RIP-relative in 64-bit mode).
     */
    public static Mem label(int bits, Reg base, Reg index, int scale, Label label, long addend) {
        return new Mem(bits, base, index, index == null ? 1 : scale, addend, null, Objects.requireNonNull(label, "label"));
    }

    /** The same address with another access size. */
    public Mem withBits(int bits) {
        return new Mem(bits, base, index, scale, disp, symbol, label, segment);
    }

    /**
     * The same address relative to {@code segment}'s base (FS or GS), as {@code gs:[0x8]}: the per-CPU block is
     * reached this way (the base comes from IA32_GS_BASE, SDM Vol. 3A §3.4.4.1).
     */
    public Mem withSegment(SegReg segment) {
        return new Mem(bits, base, index, scale, disp, symbol, label, Objects.requireNonNull(segment, "segment"));
    }

    private static String requireSymbol(String symbol) {
        if (symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("symbol name must not be empty");
        }
        return symbol;
    }

    public int bits() {
        return bits;
    }

    Reg base() {
        return base;
    }

    Reg index() {
        return index;
    }

    int scale() {
        return scale;
    }

    /** The displacement, or the addend of the symbol or label. */
    long disp() {
        return disp;
    }

    String symbol() {
        return symbol;
    }

    Label label() {
        return label;
    }

    SegReg segment() {
        return segment;
    }

    boolean hasRegisters() {
        return base != null || index != null;
    }

    /** Address size the registers imply, or 0 when there are none (then the mode decides). */
    int registerBits() {
        return base != null ? base.bits() : index != null ? index.bits() : 0;
    }

    /** Intel syntax, as GNU as reads it: {@code dword ptr [rbx+rcx*4+0x10]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        String size = switch (bits) {
            case 8 -> "byte ptr ";
            case 16 -> "word ptr ";
            case 32 -> "dword ptr ";
            case 64 -> "qword ptr ";
            case 128 -> "xmmword ptr ";
            default -> "";
        };
        sb.append(size);
        if (segment != null) {
            sb.append(segment).append(':');
        }
        sb.append('[');
        String sep = "";
        if (base != null) {
            sb.append(base);
            sep = "+";
        }
        if (index != null) {
            sb.append(sep).append(index);
            if (scale != 1) {
                sb.append('*').append(scale);
            }
            sep = "+";
        }
        if (symbol != null || label != null) {
            sb.append(sep).append(symbol != null ? symbol : label);
            sep = "+";
        }
        if (disp != 0 || sep.isEmpty()) {
            if (disp < 0) {
                sb.append('-').append("0x").append(Long.toHexString(-disp));
            } else {
                sb.append(sep).append("0x").append(Long.toHexString(disp));
            }
        }
        return sb.append(']').toString();
    }
}
