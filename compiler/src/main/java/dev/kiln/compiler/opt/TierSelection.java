package dev.kiln.compiler.opt;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The tier's selection policy, in one place: which methods it is worth compiling at all (before it tries; a
 * method it cannot compile it declines later, with the construct that stopped it).
 *
 * <p>Methods with a loop (values stay in registers across iterations) and leaves (every value can stay in a
 * register) are always worth it. A method without loops that calls was left to the baseline while every call
 * clobbered every register: it mostly moved values to and from the stack around its calls, ran hardly faster and
 * took more bytes. With calls in registers between optimized methods (RegisterConvention) it is taken when most of
 * its calls are direct ({@code invokestatic}, {@code invokespecial}, or {@code invokevirtual} of a method the
 * closed world may make direct): recursive and call-heavy code (a recursive-descent parser, a tree walk) then
 * passes its arguments in registers and keeps its values in callee-saved registers across calls. One whose calls
 * are mostly through interfaces or lambdas stays on the baseline: those calls keep the baseline's contract.
 */
final class TierSelection {
    private TierSelection() {
    }

    /** Why the tier should leave {@code method} to the baseline, or null to compile it. */
    static String reasonToLeave(MethodNode method) {
        if (hasLoop(method)) {
            return null;
        }
        int direct = 0;
        int dispatched = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            boolean call = insn instanceof InvokeDynamicInsnNode
                    || insn instanceof MethodInsnNode invoke && !isArrayCopy(invoke);
            if (!call || leadsToThrow(insn)) {
                continue;
            }
            if (insn.getOpcode() == Opcodes.INVOKEINTERFACE || insn instanceof InvokeDynamicInsnNode) {
                dispatched++;
            } else {
                direct++;
            }
        }
        return dispatched > direct
                ? "no loop, and calls mostly through interfaces or lambdas: those keep the baseline's contract" : null;
    }

    private static boolean hasLoop(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode jump && method.instructions.indexOf(jump.label) < method.instructions.indexOf(jump)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArrayCopy(MethodInsnNode call) {
        return call.owner.equals("java/lang/System") && call.name.equals("arraycopy");
    }

    /**
     * Whether the code after {@code insn} reaches athrow without a branch, a return or a jump target: a call there
     * builds the exception to throw, and is cold.
     */
    private static boolean leadsToThrow(AbstractInsnNode insn) {
        for (AbstractInsnNode next = insn.getNext(); next != null; next = next.getNext()) {
            int op = next.getOpcode();
            if (op == Opcodes.ATHROW) {
                return true;
            }
            if (next instanceof JumpInsnNode || next instanceof LabelNode || op >= Opcodes.IRETURN && op <= Opcodes.RETURN
                    || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) {
                return false;
            }
        }
        return false;
    }
}
