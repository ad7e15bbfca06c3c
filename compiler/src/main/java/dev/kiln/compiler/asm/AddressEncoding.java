package dev.kiln.compiler.asm;

import dev.kiln.compiler.object.RelocationKind;

/**
 * The ModRM.mod/rm bits, optional SIB byte and displacement that encode one memory operand, with the REX.X
 * and REX.B bits its registers need.
 *
 * <pre>
 *   ModRM:  7   6 5   3 2   0        SIB:  7     6 5     3 2    0
 *          [ mod ][ reg ][ rm  ]          [ scale ][ index ][ base ]
 * </pre>
 * 32/64-bit addressing (Intel SDM Vol. 2A §2.1.5, Tables 2-2 and 2-3): rm=100 means "a SIB byte follows",
 * so RSP/R12 as base need a SIB; mod=00 with rm=101 (or SIB base=101) means "disp32, no base", so RBP/R13 as
 * base need an explicit disp8 of 0; in 64-bit mode mod=00 rm=101 is RIP-relative (§2.2.1.6), and an absolute
 * address takes the SIB form with neither base nor index. 16-bit addressing uses the fixed register pairs of
 * Table 2-1 and has no SIB.
 *
 * @param dispWidth 0, 1, 2 or 4 bytes
 * @param dispTarget non-null when the displacement is a symbol or label
 */
record AddressEncoding(int mod, int rm, int sib, int dispWidth, long disp, Field.Target dispTarget, boolean rexX, boolean rexB) {

    static final int NO_SIB = -1;
    private static final int RM_SIB = 0b100;
    private static final int RM_DISP32 = 0b101;
    private static final int RM16_DISP16 = 0b110;

    /** Address size in bits a memory operand uses in {@code mode}: its registers', or the mode's default. */
    static int addressBits(Mem mem, Mode mode) {
        int bits = mem.registerBits() != 0 ? mem.registerBits() : mode.bits();
        if (bits == 64 && mode != Mode.BITS64) {
            throw new IllegalArgumentException(mem + ": 64-bit address registers exist only in 64-bit mode");
        }
        if (bits == 16 && mode == Mode.BITS64) {
            throw new IllegalArgumentException(mem + ": 16-bit addressing is not available in 64-bit mode");
        }
        return bits;
    }

    static AddressEncoding of(Mem mem, Mode mode) {
        int addressBits = addressBits(mem, mode);
        if ((mem.label() != null || mem.symbol() != null) && !mem.hasRegisters()) {
            return ofAddress(mem, mode, addressBits);
        }
        return addressBits == 16 ? of16(mem) : of32or64(mem, mode, addressBits);
    }

    /** A symbol or label without registers: RIP-relative in 64-bit mode, an absolute displacement otherwise. */
    private static AddressEncoding ofAddress(Mem mem, Mode mode, int addressBits) {
        if (mode == Mode.BITS64) {
            Field.Target target = mem.label() != null
                    ? new Field.LabelTarget(mem.label(), mem.disp(), true, null)
                    : new Field.SymbolTarget(mem.symbol(), mem.disp(), RelocationKind.PC32);
            return new AddressEncoding(0, RM_DISP32, NO_SIB, 4, 0, target, false, false);
        }
        RelocationKind kind = addressBits == 16 ? RelocationKind.ABS16 : RelocationKind.ABS32;
        return new AddressEncoding(0, addressBits == 16 ? RM16_DISP16 : RM_DISP32, NO_SIB, kind.width(), 0, absolute(mem, kind), false, false);
    }

    /** The displacement of a memory operand naming a symbol or label with registers: its absolute address. */
    private static Field.Target absolute(Mem mem, RelocationKind kind) {
        if (mem.label() != null) {
            return new Field.LabelTarget(mem.label(), mem.disp(), false, kind);
        }
        return mem.symbol() == null ? null : new Field.SymbolTarget(mem.symbol(), mem.disp(), kind);
    }

    private static AddressEncoding of32or64(Mem mem, Mode mode, int addressBits) {
        Reg base = mem.base();
        Reg index = mem.index();
        Field.Target target = absolute(mem, mode == Mode.BITS64 ? RelocationKind.ABS32S : RelocationKind.ABS32);
        long disp = target == null ? checkDisp32(mem, addressBits) : 0;
        int scaleBits = Integer.numberOfTrailingZeros(mem.scale());
        int indexBits = index == null ? RM_SIB : index.number() & 7;
        boolean x = index != null && index.number() >= 8;
        if (base == null) {
            // No base: in 64-bit mode even a plain absolute address needs the SIB form, since mod=00 rm=101 is RIP-relative.
            if (index == null && mode != Mode.BITS64) {
                return new AddressEncoding(0, RM_DISP32, NO_SIB, 4, disp, target, false, false);
            }
            return new AddressEncoding(0, RM_SIB, scaleBits << 6 | indexBits << 3 | RM_DISP32, 4, disp, target, x, false);
        }
        int baseBits = base.number() & 7;
        int mod;
        int dispWidth;
        if (target == null && disp == 0 && baseBits != RM_DISP32) {
            mod = 0;
            dispWidth = 0;
        } else if (target == null && disp == (byte) disp) {
            mod = 1;
            dispWidth = 1;
        } else {
            mod = 2;
            dispWidth = 4;
        }
        boolean b = base.number() >= 8;
        if (index == null && baseBits != RM_SIB) {
            return new AddressEncoding(mod, baseBits, NO_SIB, dispWidth, disp, target, false, b);
        }
        return new AddressEncoding(mod, RM_SIB, scaleBits << 6 | indexBits << 3 | baseBits, dispWidth, disp, target, x, b);
    }

    /** 16-bit addressing, SDM Vol. 2A Table 2-1: rm = [BX+SI] [BX+DI] [BP+SI] [BP+DI] [SI] [DI] [BP] [BX]. */
    private static AddressEncoding of16(Mem mem) {
        if (mem.scale() != 1) {
            throw new IllegalArgumentException(mem + ": 16-bit addressing has no scaled index");
        }
        Reg base = mem.base();
        Reg index = mem.index();
        // [SI + BX] means [BX + SI]: order the pair as base (BX/BP) + index (SI/DI).
        if (base == Reg.SI || base == Reg.DI) {
            Reg swap = base;
            base = index;
            index = swap;
        }
        int rm;
        if (base != null && index != null) {
            rm = pair16(base, index, mem);
        } else {
            Reg only = base != null ? base : index;
            rm = only == null ? RM16_DISP16 : switch (only) {
                case SI -> 0b100;
                case DI -> 0b101;
                case BP -> 0b110;
                case BX -> 0b111;
                default -> throw invalid16(mem);
            };
            if (only == null) {
                return new AddressEncoding(0, RM16_DISP16, NO_SIB, 2, checkDisp16(mem), null, false, false);
            }
        }
        Field.Target target = absolute(mem, RelocationKind.ABS16);
        if (target != null) {
            return new AddressEncoding(2, rm, NO_SIB, 2, 0, target, false, false);
        }
        long disp = checkDisp16(mem);
        if (disp == 0 && rm != RM16_DISP16) {
            return new AddressEncoding(0, rm, NO_SIB, 0, 0, null, false, false);
        }
        if (disp == (byte) disp) {
            return new AddressEncoding(1, rm, NO_SIB, 1, disp, null, false, false);
        }
        return new AddressEncoding(2, rm, NO_SIB, 2, disp, null, false, false);
    }

    private static int pair16(Reg base, Reg index, Mem mem) {
        int baseBit = switch (base) {
            case BX -> 0;
            case BP -> 2;
            default -> throw invalid16(mem);
        };
        int indexBit = switch (index) {
            case SI -> 0;
            case DI -> 1;
            default -> throw invalid16(mem);
        };
        return baseBit | indexBit;
    }

    private static IllegalArgumentException invalid16(Mem mem) {
        return new IllegalArgumentException(mem + ": 16-bit addressing allows only BX or BP, plus SI or DI (SDM Vol. 2A Table 2-1)");
    }

    private static long checkDisp32(Mem mem, int addressBits) {
        long disp = mem.disp();
        boolean fits = addressBits == 64 ? disp == (int) disp : disp >= Integer.MIN_VALUE && disp <= 0xFFFF_FFFFL;
        if (!fits) {
            throw new IllegalArgumentException(mem + ": displacement does not fit in 32 bits");
        }
        return (int) disp;
    }

    private static long checkDisp16(Mem mem) {
        long disp = mem.disp();
        if (disp < Short.MIN_VALUE || disp > 0xFFFF) {
            throw new IllegalArgumentException(mem + ": displacement does not fit in 16 bits (16-bit addressing)");
        }
        return (short) disp;
    }
}
