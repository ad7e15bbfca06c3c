package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * The cleaning passes: phis that merge a single value are replaced by it, operations on constants are folded with
 * Java's own arithmetic (JLS §15.17-15.19: the host JVM computes exactly what the target must), and nodes whose
 * value nobody uses and that have no effect are deleted (dead-code elimination by marking from the effects).
 */
final class Simplifier {
    private Simplifier() {
    }

    static void removeTrivialPhis(Graph graph) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<Node, Node> replacement = new HashMap<>();
            for (Block b : graph.blocks) {
                for (Node phi : List.copyOf(b.phis)) {
                    Set<Node> distinct = new LinkedHashSet<>();
                    for (Node in : phi.inputs) {
                        if (in != phi) {
                            distinct.add(in);
                        }
                    }
                    if (distinct.size() == 1) {
                        replacement.put(phi, distinct.iterator().next());
                        b.phis.remove(phi);
                        changed = true;
                    }
                }
            }
            graph.replaceUses(replacement);
        }
    }

    static void foldConstants(Graph graph) {
        Map<Node, Node> replacement = new HashMap<>();
        for (Block b : graph.blocks) {
            for (int i = 0; i < b.nodes.size(); i++) {
                Node n = b.nodes.get(i);
                for (int k = 0; k < n.inputs.length; k++) {
                    n.inputs[k] = replacement.getOrDefault(n.inputs[k], n.inputs[k]);
                }
                skipNarrowingBeforeStore(n);
                Long value = fold(n);
                if (value != null) {
                    Node c = graph.node(Op.CONST, n.kind);
                    c.constant = value;
                    c.block = b;
                    c.line = n.line;
                    b.nodes.set(i, c);
                    replacement.put(n, c);
                }
            }
        }
        graph.replaceUses(replacement);
    }

    /**
     * A byte, char or short store keeps only the low bytes of its value, so the {@code i2b}, {@code i2c} or
     * {@code i2s} that made it ({@code a[i] = (byte) x}) changes nothing it writes: the store takes the conversion's
     * input, and the conversion goes if nothing else uses it. (A boolean store keeps bit 0, which i2b keeps too.)
     */
    private static void skipNarrowingBeforeStore(Node n) {
        int written = switch (n.op) {
            case ARRAY_STORE -> n.constant == Opcodes.BASTORE - Opcodes.IASTORE ? 1
                    : n.constant == Opcodes.CASTORE - Opcodes.IASTORE || n.constant == Opcodes.SASTORE - Opcodes.IASTORE ? 2 : 8;
            case PUT_FIELD -> ((Host.InstanceField) n.target).size();
            default -> 8;
        };
        int last = n.inputs.length - 1;
        if (last < 0) {
            return;
        }
        Node value = n.inputs[last];
        int kept = switch (value.op) {
            case I2B -> 1;
            case I2C, I2S -> 2;
            default -> 0;
        };
        if (written <= kept) {
            n.inputs[last] = value.input(0);
        }
    }

    /** The value of {@code n} if it is a pure operation on constants (division is not: it may throw). */
    private static Long fold(Node n) {
        if (!n.op.isPure() || n.op == Op.CONST || n.op == Op.ADDRESS || n.inputs.length == 0) {
            return null;
        }
        for (Node in : n.inputs) {
            if (!in.isConstant()) {
                return null;
            }
        }
        long a = n.inputs[0].constant;
        long b = n.inputs.length > 1 ? n.inputs[1].constant : 0;
        Kind inputKind = n.inputs[0].kind;
        if (inputKind == Kind.FLOAT) {
            return foldFloat(n, Float.intBitsToFloat((int) a), Float.intBitsToFloat((int) b));
        }
        if (inputKind == Kind.DOUBLE || n.op == Op.SQRT || n.op == Op.DCMP) {
            return foldDouble(n, Double.longBitsToDouble(a), Double.longBitsToDouble(b));
        }
        if (inputKind == Kind.INT) {
            int x = (int) a;
            int y = (int) b;
            return switch (n.op) {
                case ADD -> (long) (x + y);
                case SUB -> (long) (x - y);
                case MUL -> (long) (x * y);
                case AND -> (long) (x & y);
                case OR -> (long) (x | y);
                case XOR -> (long) (x ^ y);
                case SHL -> (long) (x << y);
                case SHR -> (long) (x >> y);
                case USHR -> (long) (x >>> y);
                case NEG -> (long) -x;
                case I2L -> (long) x;
                case I2B -> (long) (byte) x;
                case I2C -> (long) (char) x;
                case I2S -> (long) (short) x;
                case I2D -> Double.doubleToRawLongBits(x);
                case I2F -> floatBits(x);
                default -> null;
            };
        }
        if (inputKind == Kind.LONG) {
            return switch (n.op) {
                case ADD -> a + b;
                case SUB -> a - b;
                case MUL -> a * b;
                case AND -> a & b;
                case OR -> a | b;
                case XOR -> a ^ b;
                case SHL -> a << (int) b;
                case SHR -> a >> (int) b;
                case USHR -> a >>> (int) b;
                case NEG -> -a;
                case L2I -> (long) (int) a;
                case L2D -> Double.doubleToRawLongBits(a);
                case L2F -> floatBits(a);
                case LCMP -> (long) Long.compare(a, b);
                default -> null;
            };
        }
        return null;
    }

    /** A float constant's form: its raw bits zero-extended (GraphBuilder#floatConstant). */
    private static long floatBits(float f) {
        return Float.floatToRawIntBits(f) & 0xFFFF_FFFFL;
    }

    private static Long foldFloat(Node n, float x, float y) {
        return switch (n.op) {
            case ADD -> floatBits(x + y);
            case SUB -> floatBits(x - y);
            case MUL -> floatBits(x * y);
            case NEG -> floatBits(-x);
            case F2I -> (long) (int) x;
            case F2L -> (long) x;
            case F2D -> Double.doubleToRawLongBits(x);
            case DCMP -> Float.isNaN(x) || Float.isNaN(y) ? n.constant : x < y ? -1L : x == y ? 0L : 1L;
            default -> null;
        };
    }

    private static Long foldDouble(Node n, double x, double y) {
        return switch (n.op) {
            case ADD -> Double.doubleToRawLongBits(x + y);
            case SUB -> Double.doubleToRawLongBits(x - y);
            case MUL -> Double.doubleToRawLongBits(x * y);
            case NEG -> Double.doubleToRawLongBits(-x);
            case SQRT -> Double.doubleToRawLongBits(Math.sqrt(x));
            case D2I -> (long) (int) x;
            case D2L -> (long) x;
            case D2F -> floatBits((float) x);
            case DCMP -> Double.isNaN(x) || Double.isNaN(y) ? n.constant : x < y ? -1L : x == y ? 0L : 1L;
            default -> null;
        };
    }

    /** Deletes pure nodes and phis that no effect needs, directly or through other nodes. */
    static void eliminateDeadCode(Graph graph) {
        Set<Node> live = new HashSet<>();
        Deque<Node> work = new ArrayDeque<>();
        for (Block b : graph.blocks) {
            for (Node n : b.nodes) {
                if (!n.op.isPure() && n.op != Op.PARAM && n.op != Op.HANDLER_LOAD) {
                    live.add(n);
                    work.add(n);
                }
            }
        }
        while (!work.isEmpty()) {
            for (Node in : work.pop().inputs) {
                if (live.add(in)) {
                    work.add(in);
                }
            }
        }
        for (Block b : graph.blocks) {
            b.phis.removeIf(n -> !live.contains(n));
            b.nodes.removeIf(n -> (n.op.isPure() || n.op == Op.PARAM || n.op == Op.HANDLER_LOAD) && !live.contains(n));
        }
    }
}
