package dev.kiln.compiler.asm;

import dev.kiln.compiler.object.RelocationKind;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * The generic x86 encoder: picks a row of {@link EncodingTable} for a mnemonic and its operands, then lays out
 * the instruction as the SDM describes it (Vol. 2A §2.1, Figure 2-1; §2.2.1 for REX):
 * <pre>
 *   [fs/gs segment] [0x67 address size] [0x66 operand size] [mandatory/REP prefix] [REX] opcode [ModRM] [SIB] [disp] [imm...]
 * </pre>
 * in the prefix order GNU as uses. Values not known yet (symbols, labels) come back as {@link Field}s.
 */
final class InstructionEncoder {

    private static final int PREFIX_ADDRESS_SIZE = 0x67;
    private static final int PREFIX_OPERAND_SIZE = 0x66;
    /** Segment-override prefixes (SDM Vol. 2A §2.1.1, group 2). */
    private static final int PREFIX_FS = 0x64, PREFIX_GS = 0x65;
    private static final int REX = 0x40;
    private static final int REX_W = 0x08;
    private static final int REX_R = 0x04;
    private static final int REX_X = 0x02;
    private static final int REX_B = 0x01;

    /** An encoded instruction: its bytes (unknown fields zero) and the fields to fill in later. */
    record Encoded(Encoding row, byte[] bytes, List<Field> fields) {
    }

    private InstructionEncoder() {
    }

    /**
     * The first row of {@code mnemonic} valid in {@code mode} whose operand patterns fit, preferring rows that
     * need no operand-size prefix (the mode's default size, as GNU as does: {@code jmp} is rel16 in 16-bit
     * code and rel32 otherwise) and, above all, for an address immediate (symbol or label), an immediate as
     * wide as an address in the mode ({@code mov rax, sym} is the imm64 form; {@code push sym} in 64-bit mode
     * the sign-extended imm32, not the imm16 of {@code push word}).
     */
    static Encoding select(Mnemonic mnemonic, Cond cc, Operand[] operands, Mode mode) {
        return select(mnemonic, cc, operands, mode, 0);
    }

    /** As {@link #select(Mnemonic, Cond, Operand[], Mode)}, restricted to rows of {@code operandSize} bits unless 0. */
    static Encoding select(Mnemonic mnemonic, Cond cc, Operand[] operands, Mode mode, int operandSize) {
        if (mnemonic.isConditional() != (cc != null)) {
            throw new IllegalArgumentException(mnemonic.isConditional()
                    ? mnemonic.text(null) + " needs a condition code" : mnemonic.text(null) + " takes no condition code");
        }
        Encoding best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Encoding row : EncodingTable.rowsOf(mnemonic)) {
            if (!row.isValidIn(mode) || row.operands.size() != operands.length
                    || operandSize != 0 && row.operandSize(mode) != operandSize) {
                continue;
            }
            int immediateBits = immediateBits(row, mode);
            boolean fits = true;
            boolean narrowAddress = false;
            for (int i = 0; i < operands.length && fits; i++) {
                OperandPattern p = row.operands.get(i);
                fits = p.matches(operands[i], immediateBits);
                narrowAddress |= p.kind == OperandPattern.Kind.IMM && operands[i] instanceof Imm imm && imm.isAddress() && p.bits < mode.bits();
            }
            if (!fits || mode == Mode.BITS64 && row.flags.contains(Encoding.Flag.NOT_ACCUMULATOR_IN_64)
                    && registerNumber(operandWithRole(row, operands, Encoding.Role.OPCODE_REG)) == 0) {
                continue;
            }
            int rank = (row.needsOperandSizePrefix(mode) ? 1 : 0) + (narrowAddress ? 2 : 0);
            if (rank < bestRank) {
                best = row;
                bestRank = rank;
            }
        }
        if (best == null) {
            throw noEncoding(mnemonic, cc, operands, mode);
        }
        return best;
    }

    /** The size an immediate is sign-extended to: the operand size, or the mode's default (push imm8). */
    private static int immediateBits(Encoding row, Mode mode) {
        int size = row.operandSize(mode);
        return size != 0 ? size : mode.bits();
    }

    private static IllegalArgumentException noEncoding(Mnemonic mnemonic, Cond cc, Operand[] operands, Mode mode) {
        StringJoiner forms = new StringJoiner(" | ");
        for (Encoding row : EncodingTable.rowsOf(mnemonic)) {
            if (row.isValidIn(mode)) {
                forms.add(row.instructionText);
            }
        }
        return new IllegalArgumentException("no encoding for '" + describe(mnemonic, cc, operands) + "' in " + modeName(mode)
                + "; operand sizes or kinds do not fit any form. Forms of " + mnemonic.text(null) + " in this mode: " + forms);
    }

    static String describe(Mnemonic mnemonic, Cond cc, Operand[] operands) {
        StringJoiner ops = new StringJoiner(", ");
        for (Operand op : operands) {
            ops.add(String.valueOf(op));
        }
        return mnemonic.text(cc) + (operands.length == 0 ? "" : " " + ops);
    }

    static String modeName(Mode mode) {
        return mode.bits() + "-bit mode";
    }

    /** Encodes {@code operands} with {@code row}. {@code forceAddressSizePrefix}: emit 0x67 even without a memory operand. */
    static Encoded encode(Encoding row, Cond cc, Operand[] operands, Mode mode, boolean forceAddressSizePrefix) {
        // only error messages read it, so it is written only for them
        Supplier<String> what = () -> describe(row.mnemonic, cc, operands);
        Mem mem = null;
        for (Operand op : operands) {
            if (op instanceof Mem m) {
                mem = m;
            }
            if (op instanceof Xmm && mode == Mode.BITS16) {
                throw new IllegalArgumentException("'" + what.get() + "': Kiln does not encode SSE instructions in 16-bit mode");
            }
        }
        int addressBits = mem == null ? mode.bits() : AddressEncoding.addressBits(mem, mode);
        boolean addressPrefix = addressBits != mode.bits();
        if (forceAddressSizePrefix) {
            if (mem != null && !addressPrefix) {
                throw new IllegalArgumentException("'" + what.get() + "': addressSize32() was requested but the memory operand "
                        + mem + " uses " + addressBits + "-bit addressing; name 32-bit registers in it instead");
            }
            addressPrefix = true;
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        List<Field> fields = new ArrayList<>();
        if (mem != null && mem.segment() != null) {
            out.write(mem.segment() == SegReg.FS ? PREFIX_FS : PREFIX_GS);
        }
        if (addressPrefix) {
            out.write(PREFIX_ADDRESS_SIZE);
        }
        if (row.needsOperandSizePrefix(mode)) {
            out.write(PREFIX_OPERAND_SIZE);
        }
        out.writeBytes(row.prefixes);

        int rex = rex(row, operands, mode, what);
        if (rex != 0) {
            out.write(rex);
        }

        byte[] opcode = row.opcode.clone();
        int last = opcode.length - 1;
        switch (row.opcodeAddend) {
            case REGISTER -> opcode[last] += (byte) (registerNumber(operandWithRole(row, operands, Encoding.Role.OPCODE_REG)) & 7);
            case CONDITION -> opcode[last] += (byte) cc.code();
            case NONE -> { }
        }
        out.writeBytes(opcode);

        if (row.modRm != Encoding.NO_MODRM) {
            int reg = row.modRm == Encoding.MODRM_REGISTER
                    ? registerNumber(operandWithRole(row, operands, Encoding.Role.MODRM_REG)) & 7 : row.modRm;
            Operand rm = operandWithRole(row, operands, Encoding.Role.MODRM_RM);
            if (rm instanceof Mem m) {
                AddressEncoding address = AddressEncoding.of(m, mode);
                out.write(address.mod() << 6 | reg << 3 | address.rm());
                if (address.sib() != AddressEncoding.NO_SIB) {
                    out.write(address.sib());
                }
                if (address.dispTarget() != null) {
                    fields.add(new Field(out.size(), address.dispWidth(), address.dispTarget()));
                }
                writeLittleEndian(out, address.disp(), address.dispWidth());
            } else {
                out.write(0b11 << 6 | reg << 3 | registerNumber(rm) & 7);
            }
        }

        for (int i = 0; i < operands.length; i++) {
            if (row.roles.get(i) == Encoding.Role.TRAILING) {
                writeTrailing(out, fields, row.operands.get(i), operands[i], immediateBits(row, mode), addressBits, mode, what);
            }
        }
        return new Encoded(row, out.toByteArray(), fields);
    }

    /** The REX prefix byte, or 0 when none is needed (SDM Vol. 2A §2.2.1, Table 2-4). */
    private static int rex(Encoding row, Operand[] operands, Mode mode, Supplier<String> what) {
        int bits = row.rexW ? REX_W : 0;
        boolean forced = false;
        Reg highByte = null;
        for (int i = 0; i < operands.length; i++) {
            Operand op = operands[i];
            switch (row.roles.get(i)) {
                case MODRM_REG -> bits |= registerNumber(op) >= 8 ? REX_R : 0;
                case MODRM_RM, OPCODE_REG -> {
                    if (op instanceof Mem m) {
                        AddressEncoding address = AddressEncoding.of(m, mode);
                        bits |= (address.rexX() ? REX_X : 0) | (address.rexB() ? REX_B : 0);
                    } else {
                        bits |= registerNumber(op) >= 8 ? REX_B : 0;
                    }
                }
                default -> { }
            }
            if (op instanceof Reg r) {
                forced |= r.forcesRex();
                if (r.isLegacyHighByte()) {
                    highByte = r;
                }
            }
        }
        if (bits == 0 && !forced) {
            return 0;
        }
        if (mode != Mode.BITS64) {
            throw new IllegalArgumentException("'" + what.get() + "' needs a REX prefix (registers r8-r15, spl/bpl/sil/dil, xmm8-xmm15 "
                    + "or 64-bit operands), which exists only in 64-bit mode");
        }
        if (highByte != null) {
            throw new IllegalArgumentException("'" + what.get() + "': " + highByte + " cannot be encoded in an instruction with a REX "
                    + "prefix (SDM Vol. 2A §2.2.1.2); use the low byte of another register instead");
        }
        return REX | bits;
    }

    private static Operand operandWithRole(Encoding row, Operand[] operands, Encoding.Role role) {
        return operands[row.roles.indexOf(role)];
    }

    private static int registerNumber(Operand op) {
        if (op instanceof Reg r) {
            return r.number();
        } else if (op instanceof Xmm x) {
            return x.number();
        } else if (op instanceof SegReg s) {
            return s.number();
        } else if (op instanceof ControlReg c) {
            return c.number();
        }
        throw new IllegalStateException(op + " is not a register");
    }

    private static void writeTrailing(ByteArrayOutputStream out, List<Field> fields, OperandPattern pattern, Operand op,
                                      int immediateBits, int addressBits, Mode mode, Supplier<String> what) {
        switch (pattern.kind) {
            case IMM, UIMM, SELECTOR -> {
                Imm imm = (Imm) op;
                int width = pattern.bits / 8;
                if (imm.isAddress()) {
                    RelocationKind kind = switch (width) {
                        case 8 -> RelocationKind.ABS64;
                        case 4 -> mode == Mode.BITS64 && immediateBits == 64 ? RelocationKind.ABS32S : RelocationKind.ABS32;
                        case 2 -> RelocationKind.ABS16;
                        default -> throw new IllegalArgumentException("'" + what.get() + "': an address does not fit in " + width + " byte");
                    };
                    fields.add(new Field(out.size(), width, addressTarget(imm, kind)));
                    writeLittleEndian(out, 0, width);
                } else {
                    writeLittleEndian(out, imm.value(), width);
                }
            }
            case REL -> {
                int width = pattern.bits / 8;
                Field.Target target = op instanceof Label label
                        ? new Field.LabelTarget(label, 0, true, null)
                        : new Field.SymbolTarget(((Imm) op).symbol(), ((Imm) op).value(), RelocationKind.PC32);
                fields.add(new Field(out.size(), width, target));
                writeLittleEndian(out, 0, width);
            }
            case FAR_OFFSET -> {
                int width = pattern.bits / 8;
                if (op instanceof Label label) {
                    RelocationKind kind = width == 2 ? RelocationKind.ABS16 : RelocationKind.ABS32;
                    fields.add(new Field(out.size(), width, new Field.LabelTarget(label, 0, false, kind)));
                    writeLittleEndian(out, 0, width);
                } else {
                    writeLittleEndian(out, ((Imm) op).value(), width);
                }
            }
            case MOFFS -> {
                Mem mem = (Mem) op;
                int width = addressBits / 8;
                RelocationKind kind = width == 2 ? RelocationKind.ABS16 : RelocationKind.ABS32;
                if (mem.label() != null) {
                    fields.add(new Field(out.size(), width, new Field.LabelTarget(mem.label(), mem.disp(), false, kind)));
                    writeLittleEndian(out, 0, width);
                } else if (mem.symbol() != null) {
                    fields.add(new Field(out.size(), width, new Field.SymbolTarget(mem.symbol(), mem.disp(), kind)));
                    writeLittleEndian(out, 0, width);
                } else {
                    if (!OperandPattern.fitsImmediate(mem.disp(), addressBits, addressBits)) {
                        throw new IllegalArgumentException("'" + what.get() + "': address " + mem + " does not fit in " + addressBits + " bits");
                    }
                    writeLittleEndian(out, mem.disp(), width);
                }
            }
            default -> throw new IllegalStateException(pattern + " is not a trailing field");
        }
    }

    private static Field.Target addressTarget(Imm imm, RelocationKind kind) {
        return imm.symbol() != null
                ? new Field.SymbolTarget(imm.symbol(), imm.value(), kind)
                : new Field.LabelTarget(imm.label(), imm.value(), false, kind);
    }

    static void writeLittleEndian(ByteArrayOutputStream out, long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }
}
