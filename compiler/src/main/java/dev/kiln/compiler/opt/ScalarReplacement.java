package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.Type;

/**
 * Escape analysis with scalar replacement: an object allocated in the method (after inlining) that never leaves it
 * is not allocated at all; its fields become SSA values.
 *
 * <h2>What does not escape</h2>
 * An allocation escapes unless every use of it is one of: a field load from it, a field store into it (of another
 * value), a null check of it (the inlined constructor's and getters' receiver checks, which a new object always
 * passes). Every other use lets the object out or observes its identity, so it escapes: a store of it into the
 * heap (a field, an array element, a static), an argument of a call that was not inlined (a constructor that
 * was not either), a return, a throw, a phi (the object would merge with another one, whose fields this pass does
 * not know), a compare ({@code ==}, {@code != null}), a type test or cast, {@code getClass()}, and whatever a later
 * tier adds (monitors: any use not named above counts as escaping). {@code System.identityHashCode} is a call.
 * The analysis is flow-insensitive and per allocation site; it runs until nothing changes, so an object that only
 * escaped into another non-escaping object (a holder of a holder) is replaced once its holder is.
 *
 * <p>Boxing is the other case: {@code Integer.valueOf(v)} (and the same for {@code Long}, {@code Short},
 * {@code Byte}, {@code Character}, {@code Double}) whose result is only unboxed is {@code v}. The call is not
 * inlined (its cache access may throw, which would need the inlined frame in a trace), but its meaning is fixed
 * by the Java SE API (the result's {@code value} field holds the argument; JLS §5.1.7), and its only other effects
 * are an allocation or a load from a cache array, and the initialization of that cache's class, none observable
 * when the box is never compared or stored (the cache holds boxes only).
 * The class initialization check of the box class stays in the graph: it is a node of its own.
 *
 * <h2>Replacement</h2>
 * The fields of a replaced object are local variables of the method, and the stores into them definitions: SSA
 * construction for them, restricted to the blocks the allocation dominates (every use is there, by SSA's
 * dominance of definitions; every predecessor of such a block other than the allocation's own is there too, so
 * the walk never leaves the region). Blocks are visited in reverse postorder; a block with one predecessor
 * inherits its field values, a block where paths join gets a phi per field, filled once every predecessor is
 * done (the eager phis of {@link GraphBuilder}; {@link Simplifier} removes those that merge one value and those
 * nobody uses). The allocation becomes the fields' default values (JLS §4.12.5), a store becomes its value
 * narrowed as {@code putfield} narrows it (JVMS §6.5: byte, short and char keep their low bits, boolean its low
 * bit), a load becomes the current value, and the null checks go. The class initialization check before the
 * allocation stays: initializing a class is an effect the program may observe. Nothing else of the allocation
 * remains: an inlined constructor may only store to its own object's fields and call an inlinable superclass
 * constructor ({@link GraphBuilder}'s test for inlining), so it has no other effect to keep.
 *
 * <p><i>Rejected</i>: partial escape analysis (Stadler, Würthinger and Mössenböck, CGO 2014; Graal), which keeps an
 * object virtual along the paths where it does not escape and materializes it only where it does. It catches
 * more (an object that escapes on a cold path), but needs a virtual state per object threaded through the whole
 * graph, merging at every join, and materialization code with the state at the point of escape; for a first
 * tier whose inliner admits only small methods that cannot throw, few objects would be caught by it that the
 * flow-insensitive test misses. Stack allocation of non-escaping objects (as some JVMs for Java ME did): keeps
 * the object's memory and its header writes, and needs the collector to know objects on stacks; replacing the
 * fields by values gives registers and lets every other pass see through the object. Equi-escape sets and
 * connection graphs (Choi et al., OOPSLA 1999; HotSpot C2): needed to reason about objects that point to each other
 * across calls; the closed world and this tier's inliner make the simple per-site test cover the cases that
 * matter here (holders and boxes in loops), and iteration covers the nesting.
 */
final class ScalarReplacement {
    /** The box classes whose {@code valueOf(primitive)} stores its argument in the {@code value} field. */
    private static final Map<String, String> BOX_VALUE_DESCRIPTORS = Map.of(
            "java/lang/Integer", "I", "java/lang/Long", "J", "java/lang/Short", "S", "java/lang/Byte", "B",
            "java/lang/Character", "C", "java/lang/Double", "D");

    private ScalarReplacement() {
    }

    /**
     * Replaces every allocation that does not escape by its fields' values, and every box only unboxed by the boxed
     * value; returns what was replaced, one entry per allocation site: the class name (internal form), or
     * {@code Owner.valueOf} for a box.
     */
    static List<String> run(Graph graph) {
        List<String> replaced = new ArrayList<>();
        while (true) {
            Map<Node, List<Node>> users = users(graph);
            String done = replaceOne(graph, users);
            if (done == null) {
                return replaced;
            }
            replaced.add(done);
        }
    }

    /** Replaces the first allocation or box that does not escape and names it, or returns null when none is left. */
    private static String replaceOne(Graph graph, Map<Node, List<Node>> users) {
        for (Block b : graph.blocks) {
            for (Node n : b.nodes) {
                List<Node> uses = users.getOrDefault(n, List.of());
                if (n.op == Op.NEW && staysInMethod(n, uses, true)) {
                    replaceAllocation(graph, n, uses);
                    return ((Host.Allocation) n.target).className();
                }
                String box = n.op == Op.CALL ? boxedDescriptor(n) : null;
                if (box != null && staysInMethod(n, uses, false) && readsOnly(uses, box)) {
                    replaceBox(graph, n, uses, box);
                    return ((Host.Call) n.target).calleeOwner() + ".valueOf";
                }
            }
        }
        return null;
    }

    /** For each node, the nodes that use it, once per input that names it. */
    private static Map<Node, List<Node>> users(Graph graph) {
        Map<Node, List<Node>> users = new HashMap<>();
        for (Block b : graph.blocks) {
            for (List<Node> list : List.of(b.phis, b.nodes)) {
                for (Node n : list) {
                    for (Node in : n.inputs) {
                        users.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                    }
                }
            }
        }
        return users;
    }

    /**
     * Whether every use of {@code object} is a field load from it, a null check of it, or (when {@code stores}) a
     * field store into it of another value: see the class comment.
     */
    private static boolean staysInMethod(Node object, List<Node> uses, boolean stores) {
        for (Node use : uses) {
            boolean harmless = switch (use.op) {
                case GET_FIELD, NULL_CHECK -> true;
                case PUT_FIELD -> stores && use.input(0) == object && use.input(1) != object;
                default -> false;
            };
            if (!harmless) {
                return false;
            }
        }
        return true;
    }

    /** The descriptor of the primitive a {@code Box.valueOf(primitive)} call boxes, or null for any other call. */
    private static String boxedDescriptor(Node call) {
        if (!(call.target instanceof Host.Call target) || target.kind() != Host.Call.Kind.DIRECT
                || target.inlinable() == null || !target.inlinable().name.equals("valueOf")) {
            return null;
        }
        String primitive = BOX_VALUE_DESCRIPTORS.get(target.calleeOwner());
        String valueOf = "(" + primitive + ")L" + target.calleeOwner() + ";";
        return primitive != null && target.inlinable().desc.equals(valueOf) ? primitive : null;
    }

    /** Whether the loads among {@code uses} all read the box's primitive {@code value} (its only instance field). */
    private static boolean readsOnly(List<Node> uses, String primitive) {
        for (Node use : uses) {
            if (use.op == Op.GET_FIELD && !((Host.InstanceField) use.target).descriptor().equals(primitive)) {
                return false;
            }
        }
        return true;
    }

    private static void replaceBox(Graph graph, Node call, List<Node> uses, String primitive) {
        Node boxed = call.input(0);
        Set<Node> removed = new HashSet<>(uses);
        removed.add(call);
        Map<Node, Node> replacement = new HashMap<>();
        List<Node> nodes = call.block.nodes;
        int at = nodes.indexOf(call);
        nodes.remove(at);
        Node value = narrowed(graph, boxed, primitive, call, nodes, at);
        for (Node use : uses) {
            if (use.op == Op.GET_FIELD) {
                replacement.put(use, value);
            }
        }
        removeAll(graph, removed);
        graph.replaceUses(replacement);
    }

    /** One field of a replaced object: its SSA kind and JVM descriptor, and its index in the value arrays. */
    private record Field(Kind kind, String descriptor, int index) {
    }

    private static void replaceAllocation(Graph graph, Node allocation, List<Node> uses) {
        Map<Integer, Field> fields = new TreeMap<>();
        for (Node use : uses) {
            if (use.op != Op.NULL_CHECK) {
                Host.InstanceField f = (Host.InstanceField) use.target;
                fields.computeIfAbsent(f.offset(), offset -> new Field(
                        GraphBuilder.kindOf(Type.getType(f.descriptor())), f.descriptor(), fields.size()));
            }
        }
        Block home = allocation.block;
        Map<Block, Node[]> valuesAtEnd = new HashMap<>();
        Map<Block, Node[]> phis = new HashMap<>();
        Map<Node, Node> replacement = new HashMap<>();
        for (Block b : graph.blocks) {
            if (!home.dominates(b)) {
                continue;
            }
            Node[] values;
            if (b == home) {
                values = new Node[fields.size()]; // no use comes before the allocation
            } else if (b.predecessors.size() == 1) {
                values = valuesAtEnd.get(b.predecessors.get(0)).clone(); // reverse postorder: done already
            } else {
                values = new Node[fields.size()];
                for (Field f : fields.values()) {
                    Node phi = graph.node(Op.PHI, f.kind());
                    phi.block = b;
                    b.phis.add(phi);
                    values[f.index()] = phi;
                }
                phis.put(b, values.clone());
            }
            List<Node> rewritten = new ArrayList<>(b.nodes.size());
            for (Node n : b.nodes) {
                if (n == allocation) {
                    for (Field f : fields.values()) {
                        Node zero = graph.node(Op.CONST, f.kind()); // JLS §4.12.5: 0, 0L, +0.0, false, null
                        zero.block = b;
                        zero.line = n.line;
                        rewritten.add(zero);
                        values[f.index()] = zero;
                    }
                } else if (n.inputs.length > 0 && n.input(0) == allocation) {
                    if (n.op == Op.GET_FIELD) {
                        replacement.put(n, values[fields.get(((Host.InstanceField) n.target).offset()).index()]);
                    } else if (n.op == Op.PUT_FIELD) {
                        Field f = fields.get(((Host.InstanceField) n.target).offset());
                        values[f.index()] = narrowed(graph, n.input(1), f.descriptor(), n, rewritten, rewritten.size());
                    }
                } else {
                    rewritten.add(n);
                }
            }
            b.nodes.clear();
            b.nodes.addAll(rewritten);
            valuesAtEnd.put(b, values);
        }
        for (Map.Entry<Block, Node[]> join : phis.entrySet()) {
            List<Block> predecessors = join.getKey().predecessors;
            Node[] fieldPhis = join.getValue();
            for (int field = 0; field < fieldPhis.length; field++) {
                Node[] inputs = new Node[predecessors.size()];
                for (int p = 0; p < inputs.length; p++) {
                    inputs[p] = valuesAtEnd.get(predecessors.get(p))[field];
                }
                fieldPhis[field].inputs = inputs;
            }
        }
        graph.replaceUses(replacement);
    }

    /**
     * {@code value} as a field of type {@code descriptor} holds it (JVMS §6.5 putfield: an int stored into a byte,
     * short or char field keeps its low bits, into a boolean field its lowest bit); a node that narrows it is
     * inserted into {@code nodes} at {@code at}, with the line of {@code site}.
     */
    private static Node narrowed(Graph graph, Node value, String descriptor, Node site, List<Node> nodes, int at) {
        Op narrowing = switch (descriptor) {
            case "B" -> Op.I2B;
            case "S" -> Op.I2S;
            case "C" -> Op.I2C;
            case "Z" -> Op.AND;
            default -> null;
        };
        if (narrowing == null) {
            return value;
        }
        List<Node> added = new ArrayList<>();
        Node narrow;
        if (narrowing == Op.AND) {
            Node one = graph.node(Op.CONST, Kind.INT);
            one.constant = 1;
            added.add(one);
            narrow = graph.node(Op.AND, Kind.INT, value, one);
        } else {
            narrow = graph.node(narrowing, Kind.INT, value);
        }
        added.add(narrow);
        for (Node n : added) {
            n.block = site.block;
            n.line = site.line;
        }
        nodes.addAll(at, added);
        return narrow;
    }

    private static void removeAll(Graph graph, Set<Node> removed) {
        for (Block b : graph.blocks) {
            b.nodes.removeIf(removed::contains);
        }
    }
}
