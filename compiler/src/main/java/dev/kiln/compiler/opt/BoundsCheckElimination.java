package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Cond;
import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes the bounds check of {@code a[i]} where a dominating branch proved {@code i < a.length} and {@code i}
 * cannot be negative: a non-negative constant, or a loop induction variable {@code i = phi(c >= 0, i + 1)} whose
 * increment is itself dominated by a test {@code i < x} (so {@code i + 1} cannot overflow past MAX_VALUE).
 * Facts come from the edges of integer IFs: the successor of an IF whose only predecessor is the IF's block knows
 * the condition (successor 0) or its negation (successor 1). The canonical loop {@code for (i = 0; i < a.length;
 * i++) a[i]} loses its check; after value numbering, {@code a.length} in the test and in the check is one node.
 * Runs after critical edges are split, so that every IF successor has the IF's block as its only predecessor. A
 * check repeated where the same check dominates it goes too.
 */
final class BoundsCheckElimination {
    private BoundsCheckElimination() {
    }

    static int run(Graph graph) {
        int removed = 0;
        Map<List<Node>, List<Node>> kept = new HashMap<>();
        for (Block b : graph.blocks) {
            int before = b.nodes.size();
            b.nodes.removeIf(n -> n.op == Op.BOUNDS_CHECK && (provenLess(b, n.input(0), n.input(1))
                    && nonNegative(n.input(0)) || repeated(n, b, kept)));
            removed += before - b.nodes.size();
        }
        return removed;
    }

    /**
     * Whether the same check (the same index node against the same length node) was made before {@code n} on every
     * path: earlier in its block, or in a block that dominates it ({@code a[i] = a[i] + 1}, a swap of {@code a[i]}
     * and {@code a[j]}). Otherwise {@code n} is recorded for the checks after it.
     */
    private static boolean repeated(Node n, Block b, Map<List<Node>, List<Node>> kept) {
        List<Node> earlier = kept.computeIfAbsent(List.of(n.input(0), n.input(1)), k -> new ArrayList<>());
        for (Node e : earlier) {
            if (e.block == b || e.block.dominates(b)) {
                return true;
            }
        }
        if (n.catches == null) { // a check that threw to a handler in this method proves nothing there
            earlier.add(n);
        }
        return false;
    }

    /** Whether a branch dominating {@code b} proved {@code a < limit} (signed ints). */
    private static boolean provenLess(Block b, Node a, Node limit) {
        for (Block d = b; d != null && d.dominator != null; d = d.dominator) {
            if (d.predecessors.size() != 1) {
                continue;
            }
            Block p = d.predecessors.get(0);
            Node test = p.terminator();
            if (test.op != Op.IF || test.input(0).kind != Kind.INT || test.negated) {
                continue;
            }
            Cond fact = p.successors.get(0) == d ? test.cond : test.cond.negate();
            if (p.successors.get(0) == d && p.successors.get(1) == d) {
                continue;
            }
            Node left = test.input(0);
            Node right = test.input(1);
            if (left == a && right == limit && fact == Cond.LT || left == limit && right == a && fact == Cond.GT) {
                return true;
            }
        }
        return false;
    }

    private static boolean nonNegative(Node i) {
        if (i.isConstant()) {
            return (int) i.constant >= 0;
        }
        if (i.op != Op.PHI || !i.block.isLoopHeader) {
            return false;
        }
        boolean stepped = false;
        for (int k = 0; k < i.inputs.length; k++) {
            Node in = i.inputs[k];
            if (in.isConstant() && (int) in.constant >= 0 && !i.block.dominates(i.block.predecessors.get(k))) {
                continue; // the value on entry
            }
            if (in.op == Op.ADD && in.input(0) == i && in.input(1).isConstant() && in.input(1).constant == 1
                    && provenLessThanSomething(in.block, i)) {
                stepped = true;
                continue;
            }
            return false;
        }
        return stepped;
    }

    private static boolean provenLessThanSomething(Block b, Node a) {
        for (Block d = b; d != null && d.dominator != null; d = d.dominator) {
            if (d.predecessors.size() != 1) {
                continue;
            }
            Block p = d.predecessors.get(0);
            Node test = p.terminator();
            if (test.op != Op.IF || test.input(0).kind != Kind.INT || test.negated
                    || p.successors.get(0) == p.successors.get(1)) {
                continue;
            }
            Cond fact = p.successors.get(0) == d ? test.cond : test.cond.negate();
            if (test.input(0) == a && fact == Cond.LT || test.input(1) == a && fact == Cond.GT) {
                return true;
            }
        }
        return false;
    }
}
