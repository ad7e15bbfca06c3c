/*
 * binary-trees: the same algorithm as bench/src/kiln/bench/cpu/BinaryTrees.java, with malloc and free for each
 * node (no pool allocator: the point of reference is plain C memory management).
 */
#include "bench.h"

#define MIN_DEPTH 4

struct node {
    struct node *left, *right;
};

static struct node *build(int depth) {
    struct node *node = malloc(sizeof(struct node));
    node->left = depth == 0 ? NULL : build(depth - 1);
    node->right = depth == 0 ? NULL : build(depth - 1);
    return node;
}

static int count(const struct node *node) {
    return node->left == NULL ? 1 : 1 + count(node->left) + count(node->right);
}

static void release(struct node *node) {
    if (node->left != NULL) {
        release(node->left);
        release(node->right);
    }
    free(node);
}

/* Builds a tree, counts its nodes and frees it. */
static int count_fresh(int depth) {
    struct node *tree = build(depth);
    int nodes = count(tree);
    release(tree);
    return nodes;
}

int main(int argc, char **argv) {
    int max_depth = bench_size(argc, argv, 17);
    if (max_depth < MIN_DEPTH + 2) {
        max_depth = MIN_DEPTH + 2;
    }
    printf("stretch tree of depth %d\t check: %d\n", max_depth + 1, count_fresh(max_depth + 1));
    struct node *long_lived = build(max_depth);
    for (int depth = MIN_DEPTH; depth <= max_depth; depth += 2) {
        int trees = 1 << (max_depth - depth + MIN_DEPTH);
        long long check = 0;
        for (int i = 0; i < trees; i++) {
            check += count_fresh(depth);
        }
        printf("%d\t trees of depth %d\t check: %lld\n", trees, depth, check);
    }
    printf("long lived tree of depth %d\t check: %d\n", max_depth, count(long_lived));
    return 0;
}
