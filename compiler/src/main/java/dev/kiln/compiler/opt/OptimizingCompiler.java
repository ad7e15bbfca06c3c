package dev.kiln.compiler.opt;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.stackmaps.StackMap;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/** The optimizing tier's entry: one method from bytecode to machine code, or a reason to leave it to the baseline. */
public final class OptimizingCompiler {
    /**
     * A compiled method: text offsets, frame size, line table ({offset, line} pairs), what was inlined and the stack
     * maps of its calls (docs/abi.md "Stack maps"; no argument slots described).
     */
    public record Compiled(int start, int end, int frameBytes, List<int[]> lines, List<String> inlined,
                           List<StackMap> stackMaps) {
    }

    /** A method the tier does not compile, and why (for the build report). */
    public record Declined(String reason) {
    }

    private final Host host;
    private boolean arrayCopyStubEmitted;

    public OptimizingCompiler(Host host) {
        this.host = host;
    }

    /**
     * Compiles {@code method} of class {@code owner} into {@code asm} under {@code symbol}, or returns a
     * {@link Declined} without emitting anything. {@code pollLoops}: whether loop heads poll for preemption.
     */
    public Object compile(Assembler asm, String owner, MethodNode method, boolean isStatic, String symbol,
                          boolean pollLoops) {
        if (!hasLoop(method) && makesCalls(method)) {
            return new Declined("no loop, and calls: registers win little there (the baseline's code is smaller)");
        }
        List<String> inlined = new ArrayList<>();
        Graph graph;
        LinearScan allocation;
        try {
            graph = GraphBuilder.build(host, owner, method, isStatic, inlined);
            optimize(graph);
            allocation = new LinearScan();
            allocation.allocate(graph, nodesById(graph));
        } catch (GraphBuilder.Unsupported e) {
            return new Declined(e.getMessage());
        }
        if (!arrayCopyStubEmitted) {
            String arrayCopy = arrayCopyMethod(graph);
            if (arrayCopy != null) {
                CodeGenerator.emitArrayCopyStub(asm, host, arrayCopy); // before the method: outside its code range
                arrayCopyStubEmitted = true;
            }
        }
        CodeGenerator generator = new CodeGenerator(asm, host, graph, allocation);
        int start = asm.offset();
        int frameBytes = generator.emit(symbol, pollLoops);
        List<int[]> lines = new ArrayList<>();
        for (CodeGenerator.LineStart line : generator.lines) {
            lines.add(new int[] {line.offset(), line.line()});
        }
        return new Compiled(start, asm.offset(), frameBytes, lines, inlined, generator.stackMaps());
    }

    /**
     * The pass order: clean the builder's output (trivial phis, constants, dead code), then number values (which
     * merges the loop test's {@code a.length} with the body's), split critical edges (so branches' successors
     * carry facts and phi moves have a place), eliminate bounds checks, hoist invariants, and clean once more.
     */
    static void optimize(Graph graph) {
        graph.analyze();
        Simplifier.removeTrivialPhis(graph);
        Simplifier.foldConstants(graph);
        Simplifier.eliminateDeadCode(graph);
        ValueNumbering.run(graph);
        Simplifier.removeTrivialPhis(graph);
        graph.splitCriticalEdges();
        BoundsCheckElimination.run(graph);
        LoopInvariantMotion.run(graph);
        Simplifier.eliminateDeadCode(graph);
    }

    /**
     * Which methods are worth the tier: those with a loop, where values stay in registers across iterations, and
     * those without calls (leaves: every value can stay in a register). A method without loops that calls is
     * mostly moving values to and from calls; compiled by the tier it runs hardly faster and takes more bytes
     * (REX prefixes, saves around calls) than the baseline's stack code, so the image would grow for nothing.
     */
    private static boolean hasLoop(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode jump && method.instructions.indexOf(jump.label) < method.instructions.indexOf(jump)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the method makes a call on a path that can return: a call whose straight-line code runs into
     * {@code athrow} (building the exception to throw) is cold, and {@code System.arraycopy} is compiled inline. A
     * method whose only calls are cold is a leaf for what matters: the tier keeps its values in registers.
     */
    private static boolean makesCalls(MethodNode method) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            boolean call = insn instanceof InvokeDynamicInsnNode
                    || insn instanceof MethodInsnNode invoke && !isArrayCopy(invoke);
            if (call && !leadsToThrow(insn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isArrayCopy(MethodInsnNode call) {
        return call.owner.equals("java/lang/System") && call.name.equals("arraycopy");
    }

    /** Whether the code after {@code insn} reaches athrow without a branch, a return or a jump target. */
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

    /** The symbol of {@code System.arraycopy} if the graph copies arrays, else null. */
    private static String arrayCopyMethod(Graph graph) {
        for (Block b : graph.blocks) {
            for (Node n : b.nodes) {
                if (n.op == Node.Op.ARRAY_COPY) {
                    return ((Host.Call) n.target).symbol();
                }
            }
        }
        return null;
    }

    private static Node[] nodesById(Graph graph) {
        Node[] byId = new Node[graph.nodeCount()];
        for (Block b : graph.blocks) {
            b.phis.forEach(n -> byId[n.id] = n);
            b.nodes.forEach(n -> byId[n.id] = n);
        }
        return byId;
    }
}
