package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Global value numbering over the dominator tree: a pure node (or an array length, which only faults where an
 * equal dominating one would have faulted first) equal to one in a dominating position — same operation,
 * kind, constant operands and inputs, commutative inputs in either order — is replaced by that one. Blocks are
 * visited in reverse postorder, so a dominator's nodes are numbered before the nodes it dominates.
 *
 * <p>A class-initialization check dominated by a check of the same class is dropped too: once the first has
 * returned, the class is initialized, or being initialized by this thread, which a check lets through as well
 * (JVMS §5.5), so the second could only pass. A first check that throws to a handler in this method does not
 * count: on the handler's path it did not return, and a second check there must find the class erroneous.
 * (hello's {@code main} read {@code System.out} behind three checks of {@code System}, 16 bytes each.)
 */
final class ValueNumbering {
    private ValueNumbering() {
    }

    private record Key(Op op, Node.Kind kind, long constant, Object target, List<Integer> inputs) {
    }

    static void run(Graph graph) {
        Map<Key, List<Node>> table = new HashMap<>();
        Map<Node, Node> replacement = new HashMap<>();
        Map<Object, List<Node>> initChecks = new HashMap<>();
        for (Block b : graph.blocks) {
            List<Node> kept = new ArrayList<>();
            for (Node n : b.nodes) {
                for (int k = 0; k < n.inputs.length; k++) {
                    n.inputs[k] = replacement.getOrDefault(n.inputs[k], n.inputs[k]);
                }
                if (n.op == Op.INIT_CHECK) {
                    List<Node> checks = initChecks.computeIfAbsent(n.target, k -> new ArrayList<>());
                    if (checks.stream().noneMatch(c -> c.block.dominates(b))) {
                        if (n.catches == null) {
                            checks.add(n);
                        }
                        kept.add(n);
                    }
                    continue;
                }
                if (!n.op.isPure() && n.op != Op.ARRAY_LENGTH) {
                    kept.add(n);
                    continue;
                }
                Key key = key(n);
                Node equal = null;
                for (Node candidate : table.getOrDefault(key, List.of())) {
                    if (candidate.block.dominates(b)) {
                        equal = candidate;
                        break;
                    }
                }
                if (equal != null) {
                    replacement.put(n, equal);
                } else {
                    if (n.catches == null) { // a length that threw to a handler here has no value on that path
                        table.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
                    }
                    kept.add(n);
                }
            }
            b.nodes.clear();
            b.nodes.addAll(kept);
        }
        graph.replaceUses(replacement);
    }

    private static Key key(Node n) {
        Integer[] ids = Arrays.stream(n.inputs).map(in -> in.id).toArray(Integer[]::new);
        boolean commutative = switch (n.op) {
            case ADD, MUL, AND, OR, XOR -> true;
            default -> false;
        };
        if (commutative) {
            Arrays.sort(ids);
        }
        return new Key(n.op, n.kind, n.constant, n.target, List.of(ids));
    }
}
