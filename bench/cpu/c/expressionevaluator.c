/*
 * Expression evaluator: the same algorithm as bench/src/kiln/bench/cpu/ExpressionEvaluator.java, written as C
 * would be: a tagged node struct evaluated by a switch, nodes malloc'ed and freed per expression. Arithmetic is
 * on uint64_t, which wraps as Java's long does (signed overflow is undefined in C).
 */
#include <string.h>
#include "bench.h"

#define VARIABLE_VALUES 16
#define DEPTH 7

enum kind { CONSTANT, VARIABLE, NEGATION, ADD, SUBTRACT, MULTIPLY };

struct node {
    enum kind kind;
    uint64_t value;
    struct node *left, *right;
};

struct parser {
    const char *text;
    size_t position, length;
    long long nodes;
};

static uint32_t seed = 11;

static struct node *node(struct parser *parser, enum kind kind, uint64_t value, struct node *left, struct node *right) {
    struct node *node = malloc(sizeof(struct node));
    node->kind = kind;
    node->value = value;
    node->left = left;
    node->right = right;
    parser->nodes++;
    return node;
}

static void release(struct node *node) {
    if (node->left != NULL) {
        release(node->left);
    }
    if (node->right != NULL) {
        release(node->right);
    }
    free(node);
}

static uint64_t evaluate(const struct node *node, uint64_t x) {
    switch (node->kind) {
        case CONSTANT: return node->value;
        case VARIABLE: return x;
        case NEGATION: return -evaluate(node->left, x);
        case ADD: return evaluate(node->left, x) + evaluate(node->right, x);
        case SUBTRACT: return evaluate(node->left, x) - evaluate(node->right, x);
        default: return evaluate(node->left, x) * evaluate(node->right, x);
    }
}

static void fail(const char *what, size_t position) {
    fprintf(stderr, "%s at %zu\n", what, position);
    exit(1);
}

static char peek(struct parser *parser) {
    while (parser->position < parser->length && parser->text[parser->position] == ' ') {
        parser->position++;
    }
    return parser->position < parser->length ? parser->text[parser->position] : 0;
}

static struct node *expression(struct parser *parser);

static struct node *factor(struct parser *parser) {
    char c = peek(parser);
    parser->position++;
    if (c == '-') {
        return node(parser, NEGATION, 0, factor(parser), NULL);
    }
    if (c == 'x') {
        return node(parser, VARIABLE, 0, NULL, NULL);
    }
    if (c == '(') {
        struct node *inner = expression(parser);
        if (peek(parser) != ')') {
            fail("expected ')'", parser->position);
        }
        parser->position++;
        return inner;
    }
    if (c < '0' || c > '9') {
        fail("unexpected character", parser->position - 1);
    }
    uint64_t value = (uint64_t) (c - '0');
    while (parser->position < parser->length && parser->text[parser->position] >= '0'
            && parser->text[parser->position] <= '9') {
        value = value * 10 + (uint64_t) (parser->text[parser->position++] - '0');
    }
    return node(parser, CONSTANT, value, NULL, NULL);
}

static struct node *term(struct parser *parser) {
    struct node *result = factor(parser);
    while (peek(parser) == '*') {
        parser->position++;
        struct node *right = factor(parser);
        result = node(parser, MULTIPLY, 0, result, right);
    }
    return result;
}

static struct node *expression(struct parser *parser) {
    struct node *result = term(parser);
    for (char c = peek(parser); c == '+' || c == '-'; c = peek(parser)) {
        parser->position++;
        struct node *right = term(parser);
        result = node(parser, c == '+' ? ADD : SUBTRACT, 0, result, right);
    }
    return result;
}

/* Appends a random expression at most depth operators deep; the text grows as needed. */
static void generate(char **text, size_t *length, size_t *capacity, int depth) {
    if (*capacity - *length < 16) {
        *capacity *= 2;
        *text = realloc(*text, *capacity);
    }
    int choice = next_random15(&seed);
    if (depth == 0 || choice % 4 == 0) {
        int leaf = next_random15(&seed);
        if (leaf % 5 == 0) {
            (*text)[(*length)++] = '-';
        }
        if (leaf % 3 == 0) {
            (*text)[(*length)++] = 'x';
        } else {
            *length += (size_t) sprintf(*text + *length, "%d", leaf % 1000);
        }
        return;
    }
    int parenthesized = (choice >> 3) % 2 == 0;
    if (parenthesized) {
        (*text)[(*length)++] = '(';
    }
    generate(text, length, capacity, depth - 1);
    if (*capacity - *length < 16) {
        *capacity *= 2;
        *text = realloc(*text, *capacity);
    }
    (*text)[(*length)++] = ' ';
    (*text)[(*length)++] = "+-*"[choice % 3];
    (*text)[(*length)++] = ' ';
    generate(text, length, capacity, depth - 1);
    if (parenthesized) {
        (*text)[(*length)++] = ')';
    }
}

int main(int argc, char **argv) {
    int expressions = bench_size(argc, argv, 60000);
    long long nodes = 0, characters = 0;
    uint64_t sum = 0;
    size_t capacity = 256;
    char *text = malloc(capacity);
    for (int e = 0; e < expressions; e++) {
        size_t length = 0;
        generate(&text, &length, &capacity, DEPTH);
        struct parser parser = {text, 0, length, 0};
        struct node *tree = expression(&parser);
        if (peek(&parser) != 0) {
            fail("unexpected character", parser.position);
        }
        nodes += parser.nodes;
        characters += (long long) length;
        for (uint64_t x = 0; x < VARIABLE_VALUES; x++) {
            sum += evaluate(tree, x);
        }
        release(tree);
    }
    printf("%d expressions, %lld characters, %lld nodes, sum %lld\n", expressions, characters, nodes, (long long) sum);
    return 0;
}
