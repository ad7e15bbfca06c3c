package dev.kiln.compiler.opt;

import dev.kiln.compiler.asm.Assembler;
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
     * A compiled method: text offsets, frame size, line table ({offset, line} pairs), what was inlined, and the
     * handler table.
     */
    public record Compiled(int start, int end, int frameBytes, List<int[]> lines, List<String> inlined,
                           List<Handler> handlers) {
    }

    /** A handler-table row in text offsets (end exclusive); {@code catchType} an internal class name, null for any. */
    public record Handler(int start, int end, int handler, String catchType) {
    }

    /** A method the tier does not compile, and why (for the build report). */
    public record Declined(String reason) {
    }

    private final Host host;

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
        int start = asm.offset();
        CodeGenerator generator = emitWithShortJumps(asm, graph, allocation, symbol, pollLoops);
        int frameBytes = generator.frameBytes;
        List<int[]> lines = new ArrayList<>();
        for (CodeGenerator.LineStart line : generator.lines) {
            lines.add(new int[] {line.offset(), line.line()});
        }
        return new Compiled(start, asm.offset(), frameBytes, lines, inlined, generator.handlers());
    }

    /**
     * Emits the method twice: into a scratch assembler, which measures how far each jump goes, then into {@code asm}
     * with the short form for the near ones ({@link Assembler.JumpSizing}). Most of the tier's branches stay within a
     * block or two: in hello the 3-4 bytes each saves come to 2.0 KB, a tenth of the tier's code (docs/compiler.md
     * "Code size of the optimizing tier"); emitting again costs a fraction of building and allocating the graph.
     */
    private CodeGenerator emitWithShortJumps(Assembler asm, Graph graph, LinearScan allocation, String symbol,
                                             boolean pollLoops) {
        Assembler.JumpSizing sizing = new Assembler.JumpSizing();
        Assembler scratch = new Assembler(asm.mode());
        scratch.sizeJumps(sizing);
        new CodeGenerator(scratch, host, graph, allocation).emit(symbol, pollLoops);
        sizing.measured();
        CodeGenerator generator = new CodeGenerator(asm, host, graph, allocation);
        asm.sizeJumps(sizing);
        try {
            generator.emit(symbol, pollLoops);
        } finally {
            asm.sizeJumps(null);
        }
        return generator;
    }

    /**
     * The pass order: clean the builder's output (trivial phis, constants, dead code), then number values (which
     * merges the loop test's {@code a.length} with the body's), drop receiver checks that cannot fail, split critical
     * edges (so branches' successors carry facts and phi moves have a place), eliminate bounds checks, hoist
     * invariants, and clean once more.
     */
    static void optimize(Graph graph) {
        graph.analyze();
        Simplifier.removeTrivialPhis(graph);
        Simplifier.foldConstants(graph);
        Simplifier.eliminateDeadCode(graph);
        ValueNumbering.run(graph);
        NullCheckElimination.run(graph);
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

    private static Node[] nodesById(Graph graph) {
        Node[] byId = new Node[graph.nodeCount()];
        for (Block b : graph.blocks) {
            b.phis.forEach(n -> byId[n.id] = n);
            b.nodes.forEach(n -> byId[n.id] = n);
        }
        return byId;
    }
}
