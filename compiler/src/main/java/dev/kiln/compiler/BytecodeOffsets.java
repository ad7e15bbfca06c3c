package dev.kiln.compiler;

import dev.kiln.compiler.verify.Bytecode;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassReader;

/**
 * Bytecode offsets of a method's instructions, for error messages. ASM's tree API does not keep them, so this
 * walks the class file (JVMS §4.1, §4.7.3) to the method's Code attribute and decodes instruction lengths
 * (JVMS §6.5, through {@link Bytecode}). ASM visits real instructions in the same order, so the i-th instruction node has the i-th offset.
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
                        return decode(classFile, a + 14, codeLength);
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

    private static List<Integer> decode(byte[] classFile, int codeStart, int codeLength) {
        List<Integer> offsets = new ArrayList<>();
        int pc = 0;
        while (pc < codeLength) {
            offsets.add(pc);
            int length = Bytecode.length(classFile, codeStart, codeLength, pc);
            if (length <= 0) {
                break; // not code ClassFileFormat let through; the offsets so far are still right
            }
            pc += length;
        }
        return offsets;
    }
}
