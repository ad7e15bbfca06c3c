package dev.kiln.compiler.verify;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Subroutines ({@code jsr}/{@code ret}, JVMS §6.5, allowed before class file version 51; javac up to 1.4
 * compiled every {@code finally} block into one) replaced by copies of their code at each call, with ASM's
 * {@link JSRInlinerAdapter}: every {@code jsr} becomes a jump into its own copy of the subroutine, every
 * {@code ret} a jump back.
 *
 * <p>Why inline, for the verifier and the compiler alike: type inference over subroutines (§4.10.2.5) types a
 * subroutine's code once per calling context, which inlining makes literal; and ASM's {@code Analyzer} leaves
 * the code after some {@code jsr} instructions without a frame (it merges a {@code ret} only into the callers
 * already seen), so neither verifying nor compiling the original form would cover all of the code. A method
 * with subroutines is therefore verified twice, as written (the structural rules: a {@code ret} only inside a
 * subroutine, a return address only in the local {@code ret} names) and inlined (every instruction typed in
 * every context), and is compiled inlined.
 * <i>Rejected</i>: compiling {@code jsr} as a machine {@code call} and {@code ret} as an indirect jump (small
 * and direct, but it depends on the frames ASM does not compute).
 */
public final class Subroutines {
    private Subroutines() {
    }

    /** Whether {@code method} has a {@code jsr} or {@code ret}. */
    public static boolean in(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            int opcode = insn.getOpcode();
            if (opcode == Opcodes.JSR || opcode == Opcodes.RET) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code method} with every subroutine inlined; {@code method} itself is unchanged. */
    static MethodNode inlined(MethodNode method) {
        MethodNode result = new MethodNode(Opcodes.ASM9, method.access, method.name, method.desc, method.signature,
                method.exceptions == null ? null : method.exceptions.toArray(String[]::new));
        JSRInlinerAdapter inliner = new JSRInlinerAdapter(result, method.access, method.name, method.desc,
                method.signature, method.exceptions == null ? null : method.exceptions.toArray(String[]::new));
        method.accept(inliner); // JSRInlinerAdapter inlines in visitEnd and then replays the result into result
        return result;
    }

    /**
     * Replaces {@code method}'s code by {@code inlined}'s (the same method, with its subroutines inlined). The
     * stackmap frames of a version-50 file no longer describe the inlined code and are dropped: the inlined code
     * was verified by inference, and the compiler does not read frames.
     */
    static void replaceCode(MethodNode method, MethodNode inlined) {
        for (AbstractInsnNode insn : inlined.instructions.toArray()) {
            if (insn instanceof FrameNode) {
                inlined.instructions.remove(insn);
            }
        }
        method.instructions = inlined.instructions;
        method.tryCatchBlocks = inlined.tryCatchBlocks;
        method.localVariables = inlined.localVariables;
        method.maxStack = inlined.maxStack;
        method.maxLocals = inlined.maxLocals;
    }
}
