package dev.kiln.compiler;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * Bytecode offsets of a method's instructions, for error messages. ASM's tree API does not keep them, so this
 * walks the class file (JVMS §4.1, §4.7.3) to the method's Code attribute and decodes instruction lengths
 * (JVMS §6.5). ASM visits real instructions in the same order, so the i-th instruction node has the i-th offset.
 */
final class BytecodeOffsets {
    private BytecodeOffsets() {
    }

    /** Offsets of each instruction of the method, or an empty list when the class file is not at hand. */
    static List<Integer> of(byte[] classFile, String methodName, String methodDesc) {
        if (classFile == null) {
            return List.of();
        }
        ClassReader reader = new ClassReader(classFile);
        char[] buf = new char[reader.getMaxStringLength()];
        int p = reader.header + 6;
        p += 2 + 2 * reader.readUnsignedShort(p);
        int fieldCount = reader.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < fieldCount; i++) {
            p = skipMember(reader, p);
        }
        int methodCount = reader.readUnsignedShort(p);
        p += 2;
        for (int i = 0; i < methodCount; i++) {
            String name = reader.readUTF8(p + 2, buf);
            String desc = reader.readUTF8(p + 4, buf);
            if (name.equals(methodName) && desc.equals(methodDesc)) {
                int attributes = reader.readUnsignedShort(p + 6);
                int a = p + 8;
                for (int j = 0; j < attributes; j++) {
                    if (reader.readUTF8(a, buf).equals("Code")) {
                        int codeLength = reader.readInt(a + 10);
                        return decode(reader, a + 14, codeLength);
                    }
                    a += 6 + reader.readInt(a + 2);
                }
                return List.of();
            }
            p = skipMember(reader, p);
        }
        return List.of();
    }

    private static int skipMember(ClassReader reader, int p) {
        int attributes = reader.readUnsignedShort(p + 6);
        p += 8;
        for (int j = 0; j < attributes; j++) {
            p += 6 + reader.readInt(p + 2);
        }
        return p;
    }

    private static List<Integer> decode(ClassReader reader, int codeStart, int codeLength) {
        List<Integer> offsets = new ArrayList<>();
        int pc = 0;
        while (pc < codeLength) {
            offsets.add(pc);
            int opcode = reader.readByte(codeStart + pc);
            pc += length(reader, codeStart, pc, opcode);
        }
        return offsets;
    }

    private static int length(ClassReader reader, int codeStart, int pc, int opcode) {
        switch (opcode) {
            case 0xaa: { // tableswitch
                int p = codeStart + ((pc + 4) & ~3);
                int low = reader.readInt(p + 4);
                int high = reader.readInt(p + 8);
                return (p - codeStart - pc) + 12 + 4 * (high - low + 1);
            }
            case 0xab: { // lookupswitch
                int p = codeStart + ((pc + 4) & ~3);
                int pairs = reader.readInt(p + 4);
                return (p - codeStart - pc) + 8 + 8 * pairs;
            }
            case 0xc4: // wide
                return reader.readByte(codeStart + pc + 1) == 0x84 ? 6 : 4;
            default:
                return FIXED_LENGTHS[opcode];
        }
    }

    /** Length in bytes of each opcode with a fixed length (JVMS §6.5). */
    private static final int[] FIXED_LENGTHS = new int[256];

    static {
        java.util.Arrays.fill(FIXED_LENGTHS, 1);
        FIXED_LENGTHS[0x10] = 2; // bipush
        FIXED_LENGTHS[0x11] = 3; // sipush
        FIXED_LENGTHS[0x12] = 2; // ldc
        FIXED_LENGTHS[0x13] = 3; // ldc_w
        FIXED_LENGTHS[0x14] = 3; // ldc2_w
        java.util.Arrays.fill(FIXED_LENGTHS, 0x15, 0x1a, 2); // iload .. aload
        java.util.Arrays.fill(FIXED_LENGTHS, 0x36, 0x3b, 2); // istore .. astore
        FIXED_LENGTHS[0x84] = 3; // iinc
        java.util.Arrays.fill(FIXED_LENGTHS, 0x99, 0xa9, 3); // if<cond> .. jsr
        FIXED_LENGTHS[0xa9] = 2; // ret
        java.util.Arrays.fill(FIXED_LENGTHS, 0xb2, 0xb9, 3); // getstatic .. invokestatic
        FIXED_LENGTHS[0xb9] = 5; // invokeinterface
        FIXED_LENGTHS[0xba] = 5; // invokedynamic
        FIXED_LENGTHS[0xbb] = 3; // new
        FIXED_LENGTHS[0xbc] = 2; // newarray
        FIXED_LENGTHS[0xbd] = 3; // anewarray
        FIXED_LENGTHS[0xc0] = 3; // checkcast
        FIXED_LENGTHS[0xc1] = 3; // instanceof
        FIXED_LENGTHS[0xc5] = 4; // multianewarray
        FIXED_LENGTHS[0xc6] = 3; // ifnull
        FIXED_LENGTHS[0xc7] = 3; // ifnonnull
        FIXED_LENGTHS[0xc8] = 5; // goto_w
        FIXED_LENGTHS[0xc9] = 5; // jsr_w
    }
}
