package dev.kiln.compiler.asm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One row of an Intel SDM opcode table, parsed from its text: the "Instruction" column (mnemonic and operand
 * patterns), the "Opcode" column and the "Op/En" column. Opcode column notation (SDM Vol. 2A §3.1.1.1):
 * <ul>
 *   <li>{@code 66}, {@code F2}, {@code F3} before the opcode: mandatory or REP prefixes; {@code F0}: LOCK
 *       (SDM Vol. 2A §2.1.1, group 1), written before REX as every legacy prefix is;</li>
 *   <li>{@code REX.W}: the row needs REX.W (64-bit operand size);</li>
 *   <li>hex bytes: the opcode; {@code B8+rd} adds a register number, {@code 0F 80+cc} a condition code;</li>
 *   <li>{@code /0}..{@code /7}: a ModRM byte whose reg field is that digit; {@code /r}: a ModRM byte whose reg
 *       field names a register operand;</li>
 *   <li>{@code ib iw id io}: 1/2/4/8-byte immediate; {@code cw cd cp}: 2/4/6-byte code offset or far pointer.</li>
 * </ul>
 * Op/En letters name where each non-implicit operand goes: R = ModRM.reg, M = ModRM.rm, O = low bits of the
 * opcode, I and D = trailing fields; FD/TD are the moffs forms and ZO means no explicit operands.
 */
final class Encoding {

    /** Row attributes the SDM states in its "64-bit mode", "Compat/Leg mode" and "Description" columns. */
    enum Flag {
        /** N.E. (not encodable) in 64-bit mode. */
        NOT_64,
        /** In 64-bit mode the +rd register must not be the accumulator (there 90 means NOP, not xchg eax, eax). */
        NOT_ACCUMULATOR_IN_64,
        /** Operand size is 16 bits although no operand says so (cwd, rel16). */
        O16,
        /** Operand size is 32 bits although no operand says so (cdq, rep movsd, rel32). */
        O32,
        /**
         * "d64" (SDM Vol. 2D Table A-1): in 64-bit mode the operand size is 64 bits whatever the row's legacy size,
         * so an imm32 is sign-extended to 64 bits (push imm32).
         */
        D64,
        /** The operand-size attribute is ignored (moves to segment and control registers): never a 0x66 prefix. */
        SIZE_IGNORED
    }

    /** Where an operand is encoded. */
    enum Role { IMPLICIT, MODRM_REG, MODRM_RM, OPCODE_REG, TRAILING }

    /** What is added to the last opcode byte. */
    enum OpcodeAddend { NONE, REGISTER, CONDITION }

    static final int NO_MODRM = -1;
    static final int MODRM_REGISTER = 8;

    final Mnemonic mnemonic;
    final List<OperandPattern> operands;
    final String instructionText;
    final String opcodeText;
    final String opEn;
    final byte[] prefixes;
    final boolean rexW;
    final byte[] opcode;
    final OpcodeAddend opcodeAddend;
    /** The ModRM.reg digit 0..7, {@link #MODRM_REGISTER} for /r, or {@link #NO_MODRM}. */
    final int modRm;
    final List<Role> roles;
    /** Operand size in bits outside 64-bit mode (0 when the instruction has none or ignores it); see {@link #operandSize(Mode)}. */
    final int operandSize;
    final Set<Flag> flags;
    /** Valid only in 64-bit mode (REX.W or a 64-bit operand). */
    final boolean only64;

    Encoding(Mnemonic mnemonic, String operandText, String opcodeText, String opEn, Flag... flags) {
        this.mnemonic = mnemonic;
        this.instructionText = mnemonic.text(null) + (operandText.isEmpty() ? "" : " " + operandText);
        this.opcodeText = opcodeText;
        this.opEn = opEn;
        this.flags = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(Arrays.asList(flags));
        List<OperandPattern> patterns = new ArrayList<>();
        if (!operandText.isEmpty()) {
            for (String p : operandText.split(",\\s*")) {
                patterns.add(OperandPattern.parse(p.trim()));
            }
        }
        this.operands = List.copyOf(patterns);

        List<Byte> prefixBytes = new ArrayList<>();
        List<Byte> opcodeBytes = new ArrayList<>();
        boolean w = false;
        OpcodeAddend addend = OpcodeAddend.NONE;
        int modrm = NO_MODRM;
        int trailingBytes = 0;
        for (String token : opcodeText.split("\\s+")) {
            switch (token) {
                case "REX.W" -> w = true;
                case "/r" -> modrm = MODRM_REGISTER;
                case "ib", "cb" -> trailingBytes += 1;
                case "iw", "cw" -> trailingBytes += 2;
                case "id", "cd" -> trailingBytes += 4;
                case "cp" -> trailingBytes += 6;
                case "io" -> trailingBytes += 8;
                default -> {
                    if (token.matches("/[0-7]")) {
                        modrm = token.charAt(1) - '0';
                    } else if (token.matches("[0-9A-F]{2}(\\+(rb|rw|rd|cc))?")) {
                        byte b = (byte) Integer.parseInt(token.substring(0, 2), 16);
                        boolean isPrefix = opcodeBytes.isEmpty() && !w && token.length() == 2
                                && (b == 0x66 || b == (byte) 0xF2 || b == (byte) 0xF3 || b == (byte) 0xF0);
                        (isPrefix ? prefixBytes : opcodeBytes).add(b);
                        if (token.length() > 2) {
                            addend = token.endsWith("cc") ? OpcodeAddend.CONDITION : OpcodeAddend.REGISTER;
                        }
                    } else {
                        throw tableError("unknown opcode token '" + token + "'");
                    }
                }
            }
        }
        this.prefixes = toArray(prefixBytes);
        this.opcode = toArray(opcodeBytes);
        this.rexW = w;
        this.opcodeAddend = addend;
        this.modRm = modrm;
        this.roles = assignRoles();
        this.operandSize = computeOperandSize();
        this.only64 = w || operands.stream().anyMatch(p -> p.sizesOperation() && p.bits == 64);
        validate(trailingBytes);
    }

    private List<Role> assignRoles() {
        String letters = opEn.equals("ZO") ? "" : opEn.replaceAll("[^RMO]", "");
        List<Role> result = new ArrayList<>();
        int next = 0;
        for (OperandPattern p : operands) {
            if (p.isImplicit()) {
                result.add(Role.IMPLICIT);
            } else if (p.isTrailingField()) {
                result.add(Role.TRAILING);
            } else {
                if (next >= letters.length()) {
                    throw tableError("Op/En " + opEn + " names too few operands");
                }
                char letter = letters.charAt(next++);
                Role role = switch (letter) {
                    case 'R' -> Role.MODRM_REG;
                    case 'M' -> Role.MODRM_RM;
                    default -> Role.OPCODE_REG;
                };
                boolean memoryCapable = p.kind == OperandPattern.Kind.REG_OR_MEM || p.kind == OperandPattern.Kind.MEM
                        || p.kind == OperandPattern.Kind.XMM_OR_MEM;
                if (memoryCapable && role != Role.MODRM_RM || role == Role.OPCODE_REG && p.kind != OperandPattern.Kind.REG) {
                    throw tableError("operand " + p + " cannot be encoded as Op/En '" + letter + "'");
                }
                result.add(role);
            }
        }
        if (next != letters.length()) {
            throw tableError("Op/En " + opEn + " names more operands than the row has");
        }
        return List.copyOf(result);
    }

    private int computeOperandSize() {
        if (flags.contains(Flag.SIZE_IGNORED)) {
            return 0;
        }
        if (flags.contains(Flag.O16)) {
            return 16;
        }
        if (flags.contains(Flag.O32)) {
            return 32;
        }
        if (rexW) {
            return 64;
        }
        return operands.stream().filter(OperandPattern::sizesOperation).mapToInt(p -> p.bits).findFirst().orElse(0);
    }

    private void validate(int trailingBytes) {
        boolean hasRm = roles.contains(Role.MODRM_RM);
        boolean hasReg = roles.contains(Role.MODRM_REG);
        boolean hasOpcodeReg = roles.contains(Role.OPCODE_REG);
        if (hasRm != (modRm != NO_MODRM) || hasReg != (modRm == MODRM_REGISTER)) {
            throw tableError("ModRM notation does not fit Op/En " + opEn);
        }
        if (hasOpcodeReg != (opcodeAddend == OpcodeAddend.REGISTER)
                || mnemonic.isConditional() != (opcodeAddend == OpcodeAddend.CONDITION)) {
            throw tableError("+rb/+rw/+rd/+cc does not fit the operands");
        }
        int expected = 0;
        for (OperandPattern p : operands) {
            if (p.isTrailingField() && p.kind != OperandPattern.Kind.MOFFS) {
                expected += p.bits / 8;
            }
        }
        if (expected != trailingBytes) {
            throw tableError("immediate notation gives " + trailingBytes + " bytes, operands need " + expected);
        }
        if (opcode.length == 0) {
            throw tableError("no opcode byte");
        }
    }

    private IllegalStateException tableError(String message) {
        return new IllegalStateException("encoding table row '" + instructionText + " | " + opcodeText + " | " + opEn + "': " + message);
    }

    private static byte[] toArray(List<Byte> bytes) {
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }

    /** Whether the row exists in {@code mode} at all (before looking at the registers used). */
    boolean isValidIn(Mode mode) {
        if (mode == Mode.BITS64) {
            return !flags.contains(Flag.NOT_64);
        }
        return !only64;
    }

    /** The operand size in {@code mode} (0 when the instruction has none or ignores it). */
    int operandSize(Mode mode) {
        return mode == Mode.BITS64 && flags.contains(Flag.D64) ? 64 : operandSize;
    }

    /** Whether the current mode needs a 0x66 operand-size prefix for this row (SDM Vol. 1 §3.6, Table 3-4). */
    boolean needsOperandSizePrefix(Mode mode) {
        int size = operandSize(mode);
        return size == 16 && mode != Mode.BITS16 || size == 32 && mode == Mode.BITS16;
    }

    /** "add r/m32, imm8 (83 /0 ib)" for error messages and test reports. */
    @Override
    public String toString() {
        return instructionText + " (" + opcodeText + ")";
    }
}
