package kiln.bench.cpu;

/**
 * Application-like: generates random arithmetic expressions over integers and a variable x as text, parses
 * each with a recursive-descent parser into a tree of node objects, and evaluates the tree for x = 0..15 with
 * 64-bit wrapping arithmetic; prints the number of nodes and the sum of all values. Character scanning,
 * small-object allocation, recursion, virtual calls.
 *
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = factor { "*" factor }
 * factor     = number | "x" | "-" factor | "(" expression ")"
 * </pre>
 */
public final class ExpressionEvaluator {
    private static final int VARIABLE_VALUES = 16;
    private static final int DEPTH = 7;

    private static int seed = 11;

    private abstract static class Node {
        abstract long evaluate(long x);
    }

    private static final class Constant extends Node {
        private final long value;

        Constant(long value) {
            this.value = value;
        }

        @Override
        long evaluate(long x) {
            return value;
        }
    }

    private static final class Variable extends Node {
        @Override
        long evaluate(long x) {
            return x;
        }
    }

    private static final class Negation extends Node {
        private final Node operand;

        Negation(Node operand) {
            this.operand = operand;
        }

        @Override
        long evaluate(long x) {
            return -operand.evaluate(x);
        }
    }

    private static final class Binary extends Node {
        private final char operator;
        private final Node left, right;

        Binary(char operator, Node left, Node right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        long evaluate(long x) {
            long a = left.evaluate(x), b = right.evaluate(x);
            switch (operator) {
                case '+': return a + b;
                case '-': return a - b;
                default: return a * b;
            }
        }
    }

    /** Parses one expression; {@link #nodes} counts the nodes built. */
    private static final class Parser {
        private final String text;
        private int position;
        long nodes;

        Parser(String text) {
            this.text = text;
        }

        Node parse() {
            Node result = expression();
            skipSpaces();
            if (position != text.length()) {
                throw new IllegalArgumentException("unexpected '" + text.charAt(position) + "' at " + position);
            }
            return result;
        }

        private Node expression() {
            Node result = term();
            for (char c = peek(); c == '+' || c == '-'; c = peek()) {
                position++;
                result = node(new Binary(c, result, term()));
            }
            return result;
        }

        private Node term() {
            Node result = factor();
            while (peek() == '*') {
                position++;
                result = node(new Binary('*', result, factor()));
            }
            return result;
        }

        private Node factor() {
            char c = peek();
            position++;
            if (c == '-') {
                return node(new Negation(factor()));
            }
            if (c == 'x') {
                return node(new Variable());
            }
            if (c == '(') {
                Node inner = expression();
                if (peek() != ')') {
                    throw new IllegalArgumentException("expected ')' at " + position);
                }
                position++;
                return inner;
            }
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + (position - 1));
            }
            long value = c - '0';
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                value = value * 10 + text.charAt(position++) - '0';
            }
            return node(new Constant(value));
        }

        private Node node(Node node) {
            nodes++;
            return node;
        }

        /** The next character that is not a space, not consumed; 0 at the end. */
        private char peek() {
            skipSpaces();
            return position < text.length() ? text.charAt(position) : 0;
        }

        private void skipSpaces() {
            while (position < text.length() && text.charAt(position) == ' ') {
                position++;
            }
        }
    }

    public static void main(String[] args) {
        int expressions = Output.size(args, 60_000);
        long nodes = 0, sum = 0, characters = 0;
        for (int e = 0; e < expressions; e++) {
            StringBuilder text = new StringBuilder();
            generate(text, DEPTH);
            Parser parser = new Parser(text.toString());
            Node tree = parser.parse();
            nodes += parser.nodes;
            characters += text.length();
            for (long x = 0; x < VARIABLE_VALUES; x++) {
                sum += tree.evaluate(x);
            }
        }
        System.out.println(expressions + " expressions, " + characters + " characters, " + nodes + " nodes, sum " + sum);
    }

    /** Appends a random expression at most {@code depth} operators deep. */
    private static void generate(StringBuilder text, int depth) {
        int choice = next();
        if (depth == 0 || choice % 4 == 0) {
            int leaf = next();
            if (leaf % 5 == 0) {
                text.append('-');
            }
            if (leaf % 3 == 0) {
                text.append('x');
            } else {
                text.append(leaf % 1000);
            }
            return;
        }
        boolean parenthesized = (choice >> 3) % 2 == 0;
        if (parenthesized) {
            text.append('(');
        }
        generate(text, depth - 1);
        text.append(' ').append("+-*".charAt(choice % 3)).append(' ');
        generate(text, depth - 1);
        if (parenthesized) {
            text.append(')');
        }
    }

    /** A 15-bit pseudo-random number: x ← 1103515245x + 12345 mod 2^32, bits 16..30. */
    private static int next() {
        seed = seed * 1103515245 + 12345;
        return (seed >>> 16) & 0x7fff;
    }
}
