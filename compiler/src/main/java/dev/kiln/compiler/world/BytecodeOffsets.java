package dev.kiln.compiler.world;

import dev.kiln.compiler.verify.Bytecode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * Bytecode offsets of a method's instructions, for error messages. ASM's tree API does not keep them, so this
 * walks the class file (JVMS §4.1, §4.7.3) to the method's Code attribute and decodes instruction lengths
 * (JVMS §6.5, through {@link Bytecode}). ASM visits real instructions in the same order, so the i-th instruction node has the i-th offset.
 * The instructions ASM's list adds (labels, line numbers, frames) are no bytecode: {@link #previousInstruction}
 * skips them for the passes that match a call's literal arguments.
 */
public final class BytecodeOffsets {
    private BytecodeOffsets() {
    }

    /** Offsets of each instruction of the method, or an empty list when the class file is not at hand. */
    public static List<Integer> of(byte[] classFile, String methodName, String methodDesc) {
        if (classFile == null) {
            return List.of();
        }
        for (Bytecode.CodeAttribute code : Bytecode.codeAttributes(classFile)) {
            if (code.methodName().equals(methodName) && code.methodDescriptor().equals(methodDesc)) {
                return decode(classFile, code.codeStart(), code.codeLength());
            }
        }
        return List.of();
    }

    /** Offsets of each method's instructions, by name + descriptor, from one walk of the class file (none: empty). */
    public static Map<String, List<Integer>> ofEveryMethod(byte[] classFile) {
        Map<String, List<Integer>> offsets = new HashMap<>();
        if (classFile != null) {
            for (Bytecode.CodeAttribute code : Bytecode.codeAttributes(classFile)) {
                offsets.putIfAbsent(code.methodName() + code.methodDescriptor(),
                        decode(classFile, code.codeStart(), code.codeLength()));
            }
        }
        return offsets;
    }

    /** The instruction before {@code insn}, skipping labels and line numbers (javac may put one at a call itself). */
    public static AbstractInsnNode previousInstruction(AbstractInsnNode insn) {
        AbstractInsnNode previous = insn.getPrevious();
        while (previous != null && previous.getOpcode() < 0) {
            previous = previous.getPrevious();
        }
        return previous;
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
