package dev.kiln.compiler.opt;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: phis, then nodes in program order, the last one a terminator (GOTO, IF: successor 0 when the
 * condition holds, 1 otherwise; RETURN; THROW). After a GOTO's successor or a THROW come the exception edges
 * to the landings of the handlers covering the block's last effect ({@link Node#catches}).
 */
final class Block {
    final int id;
    final List<Node> phis = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Block> predecessors = new ArrayList<>();
    final List<Block> successors = new ArrayList<>();
    /** Immediate dominator (null for the entry), and depth in the dominator tree. */
    Block dominator;
    int dominatorDepth;
    /** Position in reverse postorder, the order code is laid out in. */
    int order;
    /** Number of loops around this block (0 outside every loop). */
    int loopDepth;
    /** Whether a back edge (a jump from a block it dominates) arrives here: a safepoint poll goes at its head. */
    boolean isLoopHeader;
    /**
     * Whether the unwinder enters here (an exception handler's landing, CATCH first): reached only through exception
     * edges, which follow a block's normal successors, and never polls (rax holds the exception).
     */
    boolean isLanding;

    /**
     * The id, unique in its graph: hash tables keyed by blocks iterate in the same order in every build. (Identity
     * hashes differ with whatever hashed before, and where an iteration order decides, as which freed spill slot
     * is reused first, so did the code: an unrelated change to the compiler moved bytes of bench WordFrequency.)
     */
    @Override
    public int hashCode() {
        return id;
    }

    Block(int id) {
        this.id = id;
    }

    Node terminator() {
        return nodes.get(nodes.size() - 1);
    }

    boolean dominates(Block other) {
        for (Block b = other; b != null; b = b.dominator) {
            if (b == this) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "B" + id;
    }
}
