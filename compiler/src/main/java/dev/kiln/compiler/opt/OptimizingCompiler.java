package dev.kiln.compiler.opt;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.stackmaps.StackMap;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodNode;

/** The optimizing tier's entry: one method from bytecode to machine code, or a reason to leave it to the baseline. */
public final class OptimizingCompiler {
    /**
     * A compiled method: text offsets, frame size, line table ({offset, line} pairs), what was inlined, which
     * allocations scalar replacement removed ({@link ScalarReplacement#run}), the handler table, and the stack maps
     * of its calls (docs/abi.md "Stack maps"; no argument slots described, nor the first {@code undescribedLocals}
     * slots below rbp: the saved callee-saved registers and the handlers' locals).
     */
    public record Compiled(int start, int end, int frameBytes, List<int[]> lines, List<String> inlined,
                           List<String> scalarReplaced, List<Handler> handlers, int undescribedLocals,
                           List<StackMap> stackMaps) {
    }

    /** A handler-table row in text offsets (end exclusive); {@code catchType} an internal class name, null for any. */
    public record Handler(int start, int end, int handler, String catchType) {
    }

    /** A method the tier does not compile, and why (for the build report). */
    public record Declined(String reason) {
    }

    private final Host host;
    private final RegisterConvention registerConvention = new RegisterConvention();
    /** Direct call sites compiled so far: {in registers, in the baseline's contract} (for the build report). */
    private final int[] directCalls = new int[2];

    public OptimizingCompiler(Host host) {
        this.host = host;
    }

    /**
     * Compiles {@code method} of class {@code owner} into {@code asm} under {@code symbol}, or returns a
     * {@link Declined}, whatever it emitted to be dropped. {@code pollLoops}: whether loop heads poll for preemption.
     */
    public Object compile(Assembler asm, String owner, MethodNode method, boolean isStatic, String symbol,
                          boolean pollLoops) {
        String notWorthIt = TierSelection.reasonToLeave(method);
        if (notWorthIt != null) {
            return new Declined(notWorthIt);
        }
        List<String> inlined = new ArrayList<>();
        List<String> scalarReplaced = new ArrayList<>();
        Graph graph;
        LinearScan allocation;
        Object[] argumentRegisters = RegisterConvention.argumentRegisters(method.desc, isStatic);
        try {
            graph = GraphBuilder.build(host, owner, method, isStatic, inlined);
            optimize(graph, scalarReplaced);
        } catch (GraphBuilder.Unsupported e) {
            return new Declined(e.getMessage());
        }
        if (argumentRegisters != null) {
            registerConvention.add(symbol, argumentRegisters); // before allocation: its recursive calls use it
        }
        String fewRegisterCalls = TierSelection.reasonToLeave(method, graph, registerConvention);
        if (fewRegisterCalls != null) {
            registerConvention.remove(symbol);
            return new Declined(fewRegisterCalls);
        }
        allocation = new LinearScan(registerConvention, argumentRegisters);
        allocation.allocate(graph, nodesById(graph));
        int fragmentStart = asm.offset();
        CodeGenerator generator = emitWithShortJumps(asm, graph, allocation, symbol, pollLoops, argumentRegisters);
        String larger = TierSelection.reasonToLeave(method, asm.offset() - fragmentStart, host::baselineCodeBytes);
        if (larger != null) {
            registerConvention.remove(symbol); // the caller drops what was emitted
            return new Declined(larger);
        }
        countDirectCalls(graph);
        int frameBytes = generator.frameBytes;
        int start = generator.codeStart();
        List<int[]> lines = new ArrayList<>();
        for (CodeGenerator.LineStart line : generator.lines) {
            lines.add(new int[] {line.offset(), line.line()});
        }
        return new Compiled(start, asm.offset(), frameBytes, lines, inlined, scalarReplaced, generator.handlers(),
                generator.undescribedLocals(), generator.stackMaps());
    }

    /**
     * Emits the method twice: into a scratch assembler, which measures how far each jump goes, then into {@code asm}
     * with the short form for the near ones ({@link Assembler.JumpSizing}). Most of the tier's branches stay within a
     * block or two: in hello the 3-4 bytes each saves come to 2.0 KB, a tenth of the tier's code (docs/compiler.md
     * "Code size of the optimizing tier"); emitting again costs a fraction of building and allocating the graph.
     */
    private CodeGenerator emitWithShortJumps(Assembler asm, Graph graph, LinearScan allocation, String symbol,
                                             boolean pollLoops, Object[] argumentRegisters) {
        Assembler.JumpSizing sizing = new Assembler.JumpSizing();
        Assembler scratch = new Assembler(asm.mode());
        scratch.sizeJumps(sizing);
        new CodeGenerator(scratch, host, graph, allocation, registerConvention, argumentRegisters).emit(symbol, pollLoops);
        sizing.measured();
        CodeGenerator generator = new CodeGenerator(asm, host, graph, allocation, registerConvention,
                argumentRegisters);
        asm.sizeJumps(sizing);
        try {
            generator.emit(symbol, pollLoops);
        } finally {
            asm.sizeJumps(null);
        }
        return generator;
    }

    /**
     * The pass order: clean the builder's output (trivial phis, constants, dead code), replace allocations that do
     * not escape by their fields (names of those replaced go to {@code scalarReplaced}) and clean again (the fields'
     * phis), then number values (which merges the loop test's {@code a.length} with the body's), drop receiver
     * checks that cannot fail, split critical edges (so branches' successors carry facts and phi moves have a place),
     * eliminate bounds checks, hoist invariants, and clean once more.
     */
    static void optimize(Graph graph, List<String> scalarReplaced) {
        graph.analyze();
        Simplifier.removeTrivialPhis(graph);
        Simplifier.foldConstants(graph);
        Simplifier.eliminateDeadCode(graph);
        scalarReplaced.addAll(ScalarReplacement.run(graph));
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

    private void countDirectCalls(Graph graph) {
        for (Block b : graph.blocks) {
            for (Node n : b.nodes) {
                if (n.op == Node.Op.CALL && ((Host.Call) n.target).kind() == Host.Call.Kind.DIRECT) {
                    directCalls[registerConvention.registersOf(n) != null ? 0 : 1]++;
                }
            }
        }
    }

    /**
     * The build report's line on the register convention: how many direct call sites of compiled methods pass their
     * arguments in registers, and how many keep the baseline's contract (a callee compiled by the baseline or after
     * its caller, or with more arguments than registers).
     */
    public String registerCallsReport() {
        return String.format("direct calls in registers: %d call sites, in the baseline's contract: %d",
                directCalls[0], directCalls[1]);
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
