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
 * the calls it makes (not counting those on a path to a throw) go to register entries, its own included:
 * recursive and call-heavy code (a recursive-descent parser, a tree walk) then passes its arguments in registers
 * and keeps its values in callee-saved registers across calls. Which calls those are is known once the graph is
 * built (calls resolved, devirtualized, inlined) and its callees compiled (they come first); a method whose calls
 * are mostly through interfaces or lambdas is left before that, from its bytecode alone.
 * <i>Measured</i> on hello (text bytes, hosted): every loop-less method that calls taken costs 7 KB over leaving
 * them all (202.5 against 209.6 KB); this rule keeps only those whose calls the convention speeds up.
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

    /**
     * Why the tier should leave {@code method}, whose graph is built and whose register entry (if any) is already
     * in {@code convention}, to the baseline after all, or null to compile it.
     */
    static String reasonToLeave(MethodNode method, Graph graph, RegisterConvention convention) {
        if (hasLoop(method)) {
            return null;
        }
        int inRegisters = 0;
        int clobbering = 0;
        for (Block b : graph.blocks) {
            for (Node n : b.nodes) {
                if (n.op == Node.Op.CALL && !n.rare) {
                    if (convention.registersOf(n) != null) {
                        inRegisters++;
                    } else {
                        clobbering++;
                    }
                }
            }
        }
        return clobbering > inRegisters
                ? "no loop, and most calls keep the baseline's contract (virtual, or of methods not compiled in registers)"
                : null;
    }

    /**
     * Why the tier should leave {@code method} to the baseline after all, now that its code is known to take
     * {@code optimized} bytes (its adapter included), or null to keep it. A method with a loop is kept: its speed is
     * what the tier is for. One without is left when the baseline's code ({@code baseline} answers its size, and
     * is asked only then) is smaller: such a method runs once per call, its registers save a few loads, and the
     * image should not pay for them. <i>Measured</i> on hello (code segment, then its LZ4 block in the image):
     * baseline alone 142,175 and 109,144 bytes; every loop-less method the rules above take 142,842 and 112,829;
     * with this rule 141,833 and 112,486, the CPU benchmarks' geometric mean unchanged (0.95 of HotSpot's time).
     * <i>Rejected</i>: weighing methods with loops too (their code against the baseline's, times a factor for the
     * worse compression of register-allocated code): the hot loops of SpectralNorm and Mandelbrot, with their
     * inlined calls, are no smaller than the baseline's code, and left to it they ran 13 and 5 times slower.
     */
    static String reasonToLeave(MethodNode method, int optimized, java.util.function.IntSupplier baseline) {
        if (hasLoop(method) || optimized <= baseline.getAsInt()) {
            return null;
        }
        return "no loop, and larger than the baseline's code";
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
