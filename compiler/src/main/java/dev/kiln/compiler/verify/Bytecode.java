package dev.kiln.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * The instruction format of JVMS §6.5: how long each instruction is. ASM's {@code Opcodes} lacks the opcodes
 * that its tree API folds into others ({@code ldc_w}, {@code iload_0}, {@code wide}, {@code goto_w}, ...), so
 * they are named here with the spec's names.
 */
public final class Bytecode {
    public static final int LDC = 0x12, LDC_W = 0x13, LDC2_W = 0x14;
    public static final int ILOAD = 0x15, ALOAD = 0x19, ILOAD_0 = 0x1a, ALOAD_3 = 0x2d;
    public static final int ISTORE = 0x36, ASTORE = 0x3a, ISTORE_0 = 0x3b, ASTORE_3 = 0x4e;
    public static final int IINC = 0x84, IFEQ = 0x99, GOTO = 0xa7, JSR = 0xa8, RET = 0xa9;
    public static final int TABLESWITCH = 0xaa, LOOKUPSWITCH = 0xab;
    public static final int GETSTATIC = 0xb2, PUTFIELD = 0xb5, INVOKEVIRTUAL = 0xb6, INVOKESPECIAL = 0xb7,
            INVOKESTATIC = 0xb8, INVOKEINTERFACE = 0xb9, INVOKEDYNAMIC = 0xba, NEW = 0xbb, NEWARRAY = 0xbc,
            ANEWARRAY = 0xbd, CHECKCAST = 0xc0, INSTANCEOF = 0xc1, WIDE = 0xc4, MULTIANEWARRAY = 0xc5, IFNULL = 0xc6,
            IFNONNULL = 0xc7, GOTO_W = 0xc8, JSR_W = 0xc9;
    /** The first byte value that is not an instruction a class file may contain (0xca is the debuggers' breakpoint). */
    static final int FIRST_INVALID = 0xca;

    /** An instruction that runs past the end of the code. */
    public static final int TRUNCATED = -1;
    /** A byte that is not an opcode. */
    public static final int INVALID = -2;

    private Bytecode() {
    }

    /**
     * Where a method's Code attribute (JVMS §4.7.3) lies in its class file.
     *
     * @param maxStackAt offset of {@code max_stack} in the file ({@code max_locals} follows)
     * @param codeStart  offset of the first instruction
     */
    public record CodeAttribute(String methodName, String methodDescriptor, int maxStackAt, int codeStart,
                                int codeLength) {
    }

    /**
     * The Code attributes of a class file ASM can read (JVMS §4.1, §4.6), in method order: for what ASM's tree
     * API does not keep, the bytecode offsets of instructions.
     */
    public static List<CodeAttribute> codeAttributes(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        char[] buffer = new char[reader.getMaxStringLength()];
        int p = reader.header + 6;
        p += 2 + 2 * reader.readUnsignedShort(p);
        int fieldCount = reader.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < fieldCount; i++) {
            p = skipMember(reader, p);
        }
        List<CodeAttribute> codes = new ArrayList<>();
        int methodCount = reader.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < methodCount; i++) {
            int attributes = reader.readUnsignedShort(p + 6);
            int a = p + 8;
            for (int j = 0; j < attributes; j++) {
                if (reader.readUTF8(a, buffer).equals("Code")) {
                    codes.add(new CodeAttribute(reader.readUTF8(p + 2, buffer), reader.readUTF8(p + 4, buffer), a + 6,
                            a + 14, reader.readInt(a + 10)));
                }
                a += 6 + reader.readInt(a + 2);
            }
            p = a;
        }
        return codes;
    }

    private static int skipMember(ClassReader reader, int p) {
        int attributes = reader.readUnsignedShort(p + 6);
        p += 8;
        for (int j = 0; j < attributes; j++) {
            p += 6 + reader.readInt(p + 2);
        }
        return p;
    }

    /**
     * Length in bytes of the instruction at {@code pc}, {@link #TRUNCATED} or {@link #INVALID}.
     *
     * @param file the class file; the code is {@code file[codeStart .. codeStart + codeLength)}
     */
    public static int length(byte[] file, int codeStart, int codeLength, int pc) {
        int opcode = file[codeStart + pc] & 0xFF;
        if (opcode >= FIRST_INVALID) {
            return INVALID;
        }
        int length;
        switch (opcode) {
            case TABLESWITCH, LOOKUPSWITCH -> {
                int operands = (pc + 4) & ~3; // 0-3 bytes of padding to a 4-byte boundary
                int header = opcode == TABLESWITCH ? 12 : 8;
                if (operands + header > codeLength) {
                    return TRUNCATED;
                }
                long entries = opcode == TABLESWITCH
                        ? (long) readInt(file, codeStart + operands + 8) - readInt(file, codeStart + operands + 4) + 1
                        : 2L * readInt(file, codeStart + operands + 4);
                long total = operands - pc + header + 4 * entries;
                if (entries < 0 || total > codeLength - pc) {
                    return TRUNCATED;
                }
                return (int) total;
            }
            case WIDE -> {
                if (pc + 1 >= codeLength) {
                    return TRUNCATED;
                }
                length = (file[codeStart + pc + 1] & 0xFF) == IINC ? 6 : 4;
            }
            default -> length = FIXED_LENGTHS[opcode];
        }
        return pc + length > codeLength ? TRUNCATED : length;
    }

    static int readInt(byte[] file, int at) {
        return (file[at] & 0xFF) << 24 | (file[at + 1] & 0xFF) << 16 | (file[at + 2] & 0xFF) << 8 | (file[at + 3] & 0xFF);
    }

    /** Length in bytes of each opcode with a fixed length (JVMS §6.5). */
    private static final int[] FIXED_LENGTHS = new int[FIRST_INVALID];

    static {
        java.util.Arrays.fill(FIXED_LENGTHS, 1);
        FIXED_LENGTHS[0x10] = 2; // bipush
        FIXED_LENGTHS[0x11] = 3; // sipush
        FIXED_LENGTHS[LDC] = 2;
        FIXED_LENGTHS[LDC_W] = 3;
        FIXED_LENGTHS[LDC2_W] = 3;
        java.util.Arrays.fill(FIXED_LENGTHS, ILOAD, ALOAD + 1, 2);
        java.util.Arrays.fill(FIXED_LENGTHS, ISTORE, ASTORE + 1, 2);
        FIXED_LENGTHS[IINC] = 3;
        java.util.Arrays.fill(FIXED_LENGTHS, IFEQ, JSR + 1, 3); // if<cond> .. jsr
        FIXED_LENGTHS[RET] = 2;
        java.util.Arrays.fill(FIXED_LENGTHS, GETSTATIC, INVOKESTATIC + 1, 3);
        FIXED_LENGTHS[INVOKEINTERFACE] = 5;
        FIXED_LENGTHS[INVOKEDYNAMIC] = 5;
        FIXED_LENGTHS[NEW] = 3;
        FIXED_LENGTHS[NEWARRAY] = 2;
        FIXED_LENGTHS[ANEWARRAY] = 3;
        FIXED_LENGTHS[CHECKCAST] = 3;
        FIXED_LENGTHS[INSTANCEOF] = 3;
        FIXED_LENGTHS[MULTIANEWARRAY] = 4;
        FIXED_LENGTHS[IFNULL] = 3;
        FIXED_LENGTHS[IFNONNULL] = 3;
        FIXED_LENGTHS[GOTO_W] = 5;
        FIXED_LENGTHS[JSR_W] = 5;
    }
}
