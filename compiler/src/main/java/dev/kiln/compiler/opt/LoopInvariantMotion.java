package dev.kiln.compiler.opt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loop-invariant code motion: a pure node in a loop whose inputs are all defined outside the loop moves to the
 * loop's preheader (the one predecessor from outside, which after critical-edge splitting jumps only to the
 * header), innermost loops first so that a node can climb out of a nest one level at a time (double constants
 * too: loading one takes two instructions, see {@link LinearScan#needsLocation}). Only pure nodes
 * move: nothing that can fault (a division, an array length) is computed where the loop might not have run it.
 */
final class LoopInvariantMotion {
    private LoopInvariantMotion() {
    }

    static int run(Graph graph) {
        int moved = 0;
        List<Map.Entry<Block, Set<Block>>> loops = new ArrayList<>(graph.loops().entrySet());
        loops.sort(Comparator.comparingInt(e -> e.getValue().size()));
        for (Map.Entry<Block, Set<Block>> loop : loops) {
            Block header = loop.getKey();
            Set<Block> body = loop.getValue();
            Block preheader = null;
            for (Block p : header.predecessors) {
                if (!body.contains(p)) {
                    if (preheader != null) {
                        preheader = null;
                        break;
                    }
                    preheader = p;
                }
            }
            if (preheader == null || preheader.successors.size() != 1) {
                continue;
            }
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Block b : graph.blocks) {
                    if (!body.contains(b)) {
                        continue;
                    }
                    for (Node n : List.copyOf(b.nodes)) {
                        boolean immediate = n.op == Node.Op.CONST && !n.kind.isFloating(); // no code to move
                        if (n.op.isPure() && !immediate && invariant(n, body)) {
                            b.nodes.remove(n);
                            preheader.nodes.add(preheader.nodes.size() - 1, n);
                            n.block = preheader;
                            moved++;
                            changed = true;
                        }
                    }
                }
            }
        }
        return moved;
    }

    private static boolean invariant(Node n, Set<Block> body) {
        for (Node in : n.inputs) {
            if (body.contains(in.block)) {
                return false;
            }
        }
        return true;
    }
}
