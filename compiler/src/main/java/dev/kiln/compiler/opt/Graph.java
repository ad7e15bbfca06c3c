package dev.kiln.compiler.opt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A method in SSA form: its blocks (entry first) and the analyses the passes share (order, dominators, loops). */
final class Graph {
    /**
     * One exception-table row covering a node: the class it catches ({@code null}: any) and the block the unwinder
     * lands in. The landing block is a successor of the block the covered node ends (an exception edge), so that
     * dominators, loops and liveness see the path.
     */
    record Catch(String type, Block landing) {
    }

    final List<Block> blocks = new ArrayList<>();
    /** Frame slots below rbp reserved for the JVM locals handlers read (GraphBuilder), before the spill slots. */
    int handlerSlots;
    /** An instance method's receiver ({@code this}, never null), or null in a static method. */
    Node receiver;
    private int nextNodeId;
    private int nextBlockId;

    Block entry() {
        return blocks.get(0);
    }

    Block newBlock() {
        Block b = new Block(nextBlockId++);
        blocks.add(b);
        return b;
    }

    Node node(Node.Op op, Node.Kind kind, Node... inputs) {
        return new Node(nextNodeId++, op, kind, inputs);
    }

    int nodeCount() {
        return nextNodeId;
    }

    static void link(Block from, Block to) {
        from.successors.add(to);
        to.predecessors.add(from);
    }

    /**
     * Drops unreachable blocks, sorts the rest into reverse postorder, and computes dominators (Cooper, Harvey and
     * Kennedy, "A Simple, Fast Dominance Algorithm", 2001) and loop depths (natural loops of back edges).
     */
    void analyze() {
        List<Block> postorder = new ArrayList<>();
        Set<Block> seen = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {entry(), 0});
        seen.add(entry());
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Block b = (Block) top[0];
            int next = (Integer) top[1];
            if (next < b.successors.size()) {
                top[1] = next + 1;
                Block s = b.successors.get(next);
                if (seen.add(s)) {
                    stack.push(new Object[] {s, 0});
                }
            } else {
                postorder.add((Block) stack.pop()[0]);
            }
        }
        for (Block b : List.copyOf(blocks)) {
            if (!seen.contains(b)) {
                for (Block s : b.successors) {
                    int index = s.predecessors.indexOf(b);
                    s.predecessors.remove(index);
                    for (Node phi : s.phis) {
                        phi.inputs = removeAt(phi.inputs, index);
                    }
                }
            }
        }
        blocks.clear();
        for (int i = postorder.size() - 1; i >= 0; i--) {
            Block b = postorder.get(i);
            b.order = blocks.size();
            blocks.add(b);
        }
        computeDominators();
        computeLoops();
    }

    private static Node[] removeAt(Node[] inputs, int index) {
        Node[] fewer = new Node[inputs.length - 1];
        System.arraycopy(inputs, 0, fewer, 0, index);
        System.arraycopy(inputs, index + 1, fewer, index, inputs.length - index - 1);
        return fewer;
    }

    private void computeDominators() {
        for (Block b : blocks) {
            b.dominator = null;
        }
        Block entry = entry();
        entry.dominator = entry;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : blocks.subList(1, blocks.size())) {
                Block idom = null;
                for (Block p : b.predecessors) {
                    if (p.dominator != null) {
                        idom = idom == null ? p : intersect(p, idom);
                    }
                }
                if (idom != b.dominator) {
                    b.dominator = idom;
                    changed = true;
                }
            }
        }
        entry.dominator = null;
        for (Block b : blocks) {
            b.dominatorDepth = b.dominator == null ? 0 : b.dominator.dominatorDepth + 1;
        }
    }

    private static Block intersect(Block a, Block b) {
        while (a != b) {
            while (a.order > b.order) {
                a = a.dominator;
            }
            while (b.order > a.order) {
                b = b.dominator;
            }
        }
        return a;
    }

    /** The natural loop of each back edge: the header and every block that reaches the edge's source without it. */
    Map<Block, Set<Block>> loops() {
        Map<Block, Set<Block>> loops = new HashMap<>();
        for (Block b : blocks) {
            for (Block s : b.successors) {
                if (s.dominates(b)) {
                    Set<Block> body = loops.computeIfAbsent(s, k -> new HashSet<>(List.of(k)));
                    Deque<Block> work = new ArrayDeque<>(List.of(b));
                    while (!work.isEmpty()) {
                        Block x = work.pop();
                        if (body.add(x)) {
                            work.addAll(x.predecessors);
                        }
                    }
                }
            }
        }
        return loops;
    }

    private void computeLoops() {
        for (Block b : blocks) {
            b.loopDepth = 0;
            b.isLoopHeader = false;
        }
        for (Map.Entry<Block, Set<Block>> loop : loops().entrySet()) {
            loop.getKey().isLoopHeader = true;
            for (Block b : loop.getValue()) {
                b.loopDepth++;
            }
        }
    }

    /**
     * Puts an empty block on every edge from a block with several successors to one with several predecessors, so
     * that the moves that resolve phis have a block of their own to go in.
     */
    void splitCriticalEdges() {
        for (Block b : List.copyOf(blocks)) {
            if (b.successors.size() < 2) {
                continue;
            }
            for (int i = 0; i < b.successors.size(); i++) {
                Block s = b.successors.get(i);
                if (s.predecessors.size() > 1 && !s.isLanding) { // a landing has no phis, so no moves
                    Block middle = newBlock();
                    middle.nodes.add(node(Node.Op.GOTO, Node.Kind.VOID));
                    middle.terminator().block = middle;
                    b.successors.set(i, middle);
                    middle.predecessors.add(b);
                    middle.successors.add(s);
                    s.predecessors.set(s.predecessors.indexOf(b), middle);
                }
            }
        }
        analyze();
    }

    /** Rewrites every input through {@code replacement} (followed transitively), then forgets nothing else. */
    void replaceUses(Map<Node, Node> replacement) {
        if (replacement.isEmpty()) {
            return;
        }
        for (Block b : blocks) {
            for (List<Node> list : List.of(b.phis, b.nodes)) {
                for (Node n : list) {
                    for (int i = 0; i < n.inputs.length; i++) {
                        Node r = n.inputs[i];
                        while (replacement.containsKey(r)) {
                            r = replacement.get(r);
                        }
                        n.inputs[i] = r;
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Block b : blocks) {
            s.append(b).append(" preds ").append(b.predecessors).append(" succs ").append(b.successors)
                    .append(" idom ").append(b.dominator).append(" depth ").append(b.loopDepth).append('\n');
            b.phis.forEach(n -> s.append("  ").append(n).append('\n'));
            b.nodes.forEach(n -> s.append("  ").append(n).append('\n'));
        }
        return s.toString();
    }
}
