package dev.kiln.compiler.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ScalarReplacement on hand-built graphs: a field stored on one path of a branch becomes a phi where the paths
 * join, and an object that escapes on one path (a static store) stays allocated. Differential programs
 * (kernel-template's ScalarReplacements) check what compiled code computes; these check the graph itself.
 */
class ScalarReplacementTest {
    private static final Host.InstanceField FIELD = new Host.InstanceField(16, 4, "I");
    private static final Host.Allocation HOLDER = new Host.Allocation("c:Holder", null, 24, null, "Holder");

    /**
     * <pre>
     *   B0: h = new Holder; h.f = p; if (p &lt; 0) B1 else B2
     *   B1: h.f = 5; [escape: PUTSTATIC h]; goto B3
     *   B2: goto B3
     *   B3: return h.f
     * </pre>
     */
    private static Graph branchyHolder(boolean escapeOnOnePath) {
        Graph graph = new Graph();
        Block b0 = graph.newBlock();
        Block b1 = graph.newBlock();
        Block b2 = graph.newBlock();
        Block b3 = graph.newBlock();
        Node p = add(graph, b0, Op.PARAM, Kind.INT);
        Node holder = add(graph, b0, Op.NEW, Kind.REF);
        holder.target = HOLDER;
        add(graph, b0, Op.PUT_FIELD, Kind.VOID, holder, p).target = FIELD;
        Node zero = add(graph, b0, Op.CONST, Kind.INT);
        add(graph, b0, Op.IF, Kind.VOID, p, zero).cond = Node.Cond.LT;
        Graph.link(b0, b1);
        Graph.link(b0, b2);
        Node five = add(graph, b1, Op.CONST, Kind.INT);
        five.constant = 5;
        add(graph, b1, Op.PUT_FIELD, Kind.VOID, holder, five).target = FIELD;
        if (escapeOnOnePath) {
            add(graph, b1, Op.PUT_STATIC, Kind.VOID, holder).target = "s:Main.last";
        }
        add(graph, b1, Op.GOTO, Kind.VOID);
        Graph.link(b1, b3);
        add(graph, b2, Op.GOTO, Kind.VOID);
        Graph.link(b2, b3);
        Node load = add(graph, b3, Op.GET_FIELD, Kind.INT, holder);
        load.target = FIELD;
        add(graph, b3, Op.RETURN, Kind.VOID, load);
        graph.analyze();
        return graph;
    }

    private static Node add(Graph graph, Block block, Op op, Kind kind, Node... inputs) {
        Node n = graph.node(op, kind, inputs);
        n.block = block;
        block.nodes.add(n);
        return n;
    }

    private static Set<Op> ops(Graph graph) {
        return graph.blocks.stream().flatMap(b -> b.nodes.stream()).map(n -> n.op).collect(
                java.util.stream.Collectors.toSet());
    }

    @Test
    void aFieldStoredOnOnePathBecomesAPhiWhereThePathsJoin() {
        Graph graph = branchyHolder(false);
        assertEquals(List.of("Holder"), ScalarReplacement.run(graph));
        Simplifier.removeTrivialPhis(graph);
        Simplifier.eliminateDeadCode(graph);
        assertTrue(!ops(graph).contains(Op.NEW) && !ops(graph).contains(Op.GET_FIELD)
                && !ops(graph).contains(Op.PUT_FIELD), graph.toString());
        Block join = graph.blocks.get(graph.blocks.size() - 1);
        Node returned = join.terminator().input(0);
        assertSame(Op.PHI, returned.op, graph.toString());
        Node param = graph.entry().nodes.get(0);
        Block fromStore = join.predecessors.get(0).nodes.stream().anyMatch(n -> n.op == Op.CONST)
                ? join.predecessors.get(0) : join.predecessors.get(1);
        int storePath = join.predecessors.indexOf(fromStore);
        assertEquals(5, returned.input(storePath).constant, graph.toString());
        assertSame(param, returned.input(1 - storePath), graph.toString());
    }

    @Test
    void anObjectThatEscapesOnOnePathStaysAllocated() {
        Graph graph = branchyHolder(true);
        assertEquals(List.of(), ScalarReplacement.run(graph));
        assertTrue(ops(graph).contains(Op.NEW) && ops(graph).contains(Op.GET_FIELD), graph.toString());
    }
}
