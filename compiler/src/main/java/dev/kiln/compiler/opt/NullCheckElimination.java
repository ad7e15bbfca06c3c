package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the receiver checks of direct calls ({@link Op#NULL_CHECK}) that cannot fail: the value is one that is
 * never null (a new object or array, a string literal or Class object, {@code getClass()}, the method's own
 * {@code this}), or an access that faults on null already ran on every path here, so the value is not null — a
 * dominating check of the same value, a field access (fields of the tier's nodes lie below 4096, the unmapped
 * page 0, see GraphBuilder) or an array length. Typical: {@code new StringBuilder()} and its {@code <init>} call,
 * and a receiver called twice. Runs after value numbering, which merges equal loads of the value.
 *
 * <p>Blocks are visited in reverse postorder, so every dominator's accesses are recorded before the blocks it
 * dominates are looked at; within a block only the accesses before the check count. <i>Rejected</i>: a
 * flow-sensitive non-null analysis over all paths (through phis and branches on {@code == null}): more cases, but
 * a dataflow fixpoint per method for a check the tier emits as one 2-byte memory read.
 */
final class NullCheckElimination {
    private NullCheckElimination() {
    }

    static void run(Graph graph) {
        Map<Node, List<Node>> accessesOf = new HashMap<>();
        for (Block b : graph.blocks) {
            List<Node> kept = new ArrayList<>(b.nodes.size());
            for (Node n : b.nodes) {
                if (n.op == Op.NULL_CHECK && (neverNull(graph, n.input(0)) || accessed(accessesOf, n.input(0), b))) {
                    continue;
                }
                if (faultsOnNull(n)) {
                    accessesOf.computeIfAbsent(n.input(0), k -> new ArrayList<>()).add(n);
                }
                kept.add(n);
            }
            b.nodes.clear();
            b.nodes.addAll(kept);
        }
    }

    private static boolean neverNull(Graph graph, Node value) {
        return switch (value.op) {
            case NEW, NEW_ARRAY, ADDRESS, GET_CLASS -> true;
            default -> value == graph.receiver;
        };
    }

    /** Whether an access recorded for {@code value} ran before the current node of {@code b} on every path. */
    private static boolean accessed(Map<Node, List<Node>> accessesOf, Node value, Block b) {
        for (Node access : accessesOf.getOrDefault(value, List.of())) {
            if (access.block.dominates(b)) { // in b itself: recorded earlier, so before the current node
                return true;
            }
        }
        return false;
    }

    private static boolean faultsOnNull(Node n) {
        return switch (n.op) {
            case NULL_CHECK, GET_FIELD, PUT_FIELD, ARRAY_LENGTH -> true;
            default -> false;
        };
    }
}
