package kiln.bench.cpu;

/**
 * binary-trees: allocates complete binary trees of depths 4, 6, ... up to n, many short-lived and one
 * long-lived, and walks each to count its nodes. Allocation and garbage collection of small objects.
 */
public final class BinaryTrees {
    private static final int MIN_DEPTH = 4;

    private static final class Node {
        final Node left, right;

        Node(Node left, Node right) {
            this.left = left;
            this.right = right;
        }

        int count() {
            return left == null ? 1 : 1 + left.count() + right.count();
        }
    }

    public static void main(String[] args) {
        int maxDepth = Math.max(MIN_DEPTH + 2, Output.size(args, 17));
        System.out.println("stretch tree of depth " + (maxDepth + 1) + "\t check: " + build(maxDepth + 1).count());
        Node longLived = build(maxDepth);
        for (int depth = MIN_DEPTH; depth <= maxDepth; depth += 2) {
            int trees = 1 << (maxDepth - depth + MIN_DEPTH);
            long check = 0;
            for (int i = 0; i < trees; i++) {
                check += build(depth).count();
            }
            System.out.println(trees + "\t trees of depth " + depth + "\t check: " + check);
        }
        System.out.println("long lived tree of depth " + maxDepth + "\t check: " + longLived.count());
    }

    private static Node build(int depth) {
        return depth == 0 ? new Node(null, null) : new Node(build(depth - 1), build(depth - 1));
    }
}
