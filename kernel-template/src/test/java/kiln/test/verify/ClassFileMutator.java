package kiln.test.verify;

import dev.kiln.compiler.verify.Bytecode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.objectweb.asm.ClassReader;

/**
 * Makes broken variants of one valid class file, the way a bit flip on disk, a buggy bytecode tool or an
 * attacker would: byte flips, truncation, constant-pool indices of instructions, {@code max_stack} and
 * {@code max_locals}, branch offsets, characters of names and descriptors, and opcodes swapped for others of
 * the same length (so that the instruction stream stays decodable and the damage reaches the verifier).
 * Deterministic: the same seed gives the same mutants.
 */
final class ClassFileMutator {
    enum Kind { BYTE_FLIP, TRUNCATION, CONSTANT_POOL_INDEX, MAX_STACK, MAX_LOCALS, BRANCH_OFFSET, DESCRIPTOR,
        OPCODE_SWAP, SEVERAL }

    /** A mutant and what was done to it. */
    record Mutant(byte[] bytes, String description) {
    }

    /** One instruction of the original: where its opcode is and where its code starts. */
    private record Instruction(int at, int codeStart, int pc, int opcode, int length) {
    }

    /** A Code attribute of the original. */
    private record Code(int maxStackAt, int codeStart, int codeLength) {
    }

    private static final String NAME_CHARACTERS = "IJZVL[;()/<>.$aX";

    private final byte[] original;
    private final int constantPoolCount;
    private final List<int[]> utf8Entries = new ArrayList<>(); // {offset of the bytes, length}
    private final List<Code> codes = new ArrayList<>();
    private final List<Instruction> instructions = new ArrayList<>();
    /** Opcodes by instruction length, for swaps that keep the stream decodable. */
    private final List<List<Integer>> opcodesByLength = new ArrayList<>();

    ClassFileMutator(byte[] original) {
        this.original = original.clone();
        ClassReader reader = new ClassReader(original);
        constantPoolCount = reader.getItemCount();
        for (int i = 1; i < constantPoolCount; i++) {
            int at = reader.getItem(i);
            if (at > 0 && original[at - 1] == 1) {
                utf8Entries.add(new int[] {at + 2, reader.readUnsignedShort(at)});
            }
        }
        for (Bytecode.CodeAttribute attribute : Bytecode.codeAttributes(original)) {
            Code code = new Code(attribute.maxStackAt(), attribute.codeStart(), attribute.codeLength());
            codes.add(code);
            for (int pc = 0; pc < code.codeLength(); ) {
                int length = Bytecode.length(original, code.codeStart(), code.codeLength(), pc);
                instructions.add(new Instruction(code.codeStart() + pc, code.codeStart(), pc,
                        original[code.codeStart() + pc] & 0xFF, length));
                pc += length;
            }
        }
        for (int length = 0; length <= 5; length++) {
            opcodesByLength.add(new ArrayList<>());
        }
        byte[] probe = new byte[8];
        for (int opcode = 0; opcode < 0xca; opcode++) {
            probe[0] = (byte) opcode;
            probe[1] = (byte) Bytecode.ILOAD; // for wide
            int length = opcode == Bytecode.TABLESWITCH || opcode == Bytecode.LOOKUPSWITCH || opcode == Bytecode.WIDE
                    ? -1 : Bytecode.length(probe, 0, probe.length, 0);
            if (length > 0) {
                opcodesByLength.get(length).add(opcode);
            }
        }
    }

    Mutant mutate(Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        byte[] bytes = original.clone();
        if (kind == Kind.SEVERAL) {
            List<String> done = new ArrayList<>();
            int count = 2 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                Kind one = Kind.values()[random.nextInt(Kind.SEVERAL.ordinal())];
                if (one == Kind.TRUNCATION) {
                    one = Kind.BYTE_FLIP;
                }
                done.add(apply(one, bytes, random));
            }
            return new Mutant(bytes, String.join(" + ", done));
        }
        if (kind == Kind.TRUNCATION) {
            int length = random.nextInt(bytes.length);
            return new Mutant(Arrays.copyOf(bytes, length), "truncated to " + length + " bytes");
        }
        String description = apply(kind, bytes, random);
        return new Mutant(bytes, description);
    }

    private String apply(Kind kind, byte[] bytes, Random random) {
        switch (kind) {
            case BYTE_FLIP -> {
                int at = random.nextInt(bytes.length);
                int mask = 1 + random.nextInt(255);
                bytes[at] ^= (byte) mask;
                return "byte " + at + " ^= 0x" + Integer.toHexString(mask);
            }
            case CONSTANT_POOL_INDEX -> {
                List<Instruction> users = instructions.stream().filter(i -> usesConstantPool(i.opcode())).toList();
                Instruction insn = users.get(random.nextInt(users.size()));
                int index = random.nextInt(constantPoolCount + 3);
                if (insn.opcode() == Bytecode.LDC) {
                    bytes[insn.at() + 1] = (byte) index;
                } else {
                    putU2(bytes, insn.at() + 1, index);
                }
                return "constant pool index of opcode 0x" + Integer.toHexString(insn.opcode()) + " at pc " + insn.pc()
                        + " := " + index;
            }
            case MAX_STACK, MAX_LOCALS -> {
                Code code = codes.get(random.nextInt(codes.size()));
                int at = code.maxStackAt() + (kind == Kind.MAX_STACK ? 0 : 2);
                int old = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
                int value = Math.max(0, old + random.nextInt(5) - 3);
                putU2(bytes, at, value);
                return (kind == Kind.MAX_STACK ? "max_stack " : "max_locals ") + old + " := " + value;
            }
            case BRANCH_OFFSET -> {
                List<Instruction> branches = instructions.stream().filter(i -> isBranch(i.opcode())).toList();
                Instruction insn = branches.get(random.nextInt(branches.size()));
                int operand = insn.opcode() == Bytecode.TABLESWITCH || insn.opcode() == Bytecode.LOOKUPSWITCH
                        ? insn.codeStart() + ((insn.pc() + 4) & ~3) + 2 : insn.at() + 1;
                int old = (short) (((bytes[operand] & 0xFF) << 8) | (bytes[operand + 1] & 0xFF));
                int delta = random.nextInt(13) - 6;
                putU2(bytes, operand, old + (delta == 0 ? 1 : delta));
                return "branch offset at pc " + insn.pc() + " " + old + " += " + (delta == 0 ? 1 : delta);
            }
            case DESCRIPTOR -> {
                int[] entry = utf8Entries.get(random.nextInt(utf8Entries.size()));
                if (entry[1] == 0) {
                    return "(empty UTF8 entry left alone)";
                }
                int at = entry[0] + random.nextInt(entry[1]);
                char c = NAME_CHARACTERS.charAt(random.nextInt(NAME_CHARACTERS.length()));
                bytes[at] = (byte) c;
                return "name or descriptor byte " + at + " := '" + c + "'";
            }
            case OPCODE_SWAP -> {
                Instruction insn = instructions.get(random.nextInt(instructions.size()));
                if (insn.length() > 5 || insn.opcode() == Bytecode.WIDE) {
                    return "(switch left alone)";
                }
                List<Integer> candidates = opcodesByLength.get(insn.length());
                int opcode = candidates.get(random.nextInt(candidates.size()));
                bytes[insn.at()] = (byte) opcode;
                return "opcode at pc " + insn.pc() + " 0x" + Integer.toHexString(insn.opcode()) + " := 0x"
                        + Integer.toHexString(opcode);
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    private static boolean usesConstantPool(int opcode) {
        return opcode == Bytecode.LDC || opcode == Bytecode.LDC_W || opcode == Bytecode.LDC2_W
                || opcode >= Bytecode.GETSTATIC && opcode <= Bytecode.NEW || opcode == Bytecode.ANEWARRAY
                || opcode == Bytecode.CHECKCAST || opcode == Bytecode.INSTANCEOF || opcode == Bytecode.MULTIANEWARRAY;
    }

    private static boolean isBranch(int opcode) {
        return opcode >= Bytecode.IFEQ && opcode <= Bytecode.GOTO || opcode == Bytecode.IFNULL
                || opcode == Bytecode.IFNONNULL || opcode == Bytecode.TABLESWITCH || opcode == Bytecode.LOOKUPSWITCH;
    }

    private static void putU2(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }
}
