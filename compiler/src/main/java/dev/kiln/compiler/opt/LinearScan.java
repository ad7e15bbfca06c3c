package dev.kiln.compiler.opt;

import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear-scan register allocation (Poletto and Sarkar, "Linear Scan Register Allocation", TOPLAS 1999) over the
 * blocks in reverse postorder. Each value gets one interval, from its definition to its last use, widened to
 * whole blocks where it is live out (liveness by the usual backward dataflow, a phi's input counting as used at
 * the end of its predecessor). Intervals are kept without holes: simpler, and the loops that matter are short.
 *
 * <p>A call of a register entry (RegisterConvention) preserves rbx, r12-r15; every other call clobbers every
 * register (docs/abi.md: only rbp survives one), and the collector finds references only in stack words. So a
 * value live across calls gets a callee-saved register first when it crosses register calls (and a caller-saved
 * one first otherwise, so that fewer are saved in prologues); crossing a register call in a callee-saved register
 * costs nothing. For the other calls it crosses, it either lives in its stack slot for its whole life (no
 * splitting), or stays in its register and every such call pushes it before and pops it after, where the
 * collector sees it: whichever is cheaper by a static estimate (accesses against calls crossed, each weighted
 * by 10 per loop around it), so a value used in a call-free inner loop keeps its register though an outer loop
 * calls (a rare call, on a path only taken instead of a throw, counts nothing there: its values are saved around it).
 * Safepoint polls save the registers live at the loop head the same way, in their slow path only.
 * When registers run out, the interval that ends last is spilled (whole life, own slot). An argument that is
 * spilled keeps the stack slot the caller passed it in, or, when it arrives in a register, gets a slot of its own.
 *
 * <p>rax, rcx, rdx and xmm0, xmm1 are never allocated: instructions need them (idiv, shifts by cl, call
 * results) and the code generator uses them for spilled operands and constants.
 */
final class LinearScan {
    static final Reg[] GENERAL = {Reg.RBX, Reg.RSI, Reg.RDI, Reg.R8, Reg.R9, Reg.R10, Reg.R11, Reg.R12, Reg.R13,
            Reg.R14, Reg.R15};
    /** The order registers are tried in for a value that crosses register calls: callee-saved ones first. */
    private static final Reg[] GENERAL_CALLEE_SAVED_FIRST = {Reg.RBX, Reg.R12, Reg.R13, Reg.R14, Reg.R15, Reg.RSI,
            Reg.RDI, Reg.R8, Reg.R9, Reg.R10, Reg.R11};
    /** For other values: those a register callee may clobber first, so a method saves fewer in its prologue. */
    private static final Reg[] GENERAL_CALLER_SAVED_FIRST = {Reg.RSI, Reg.RDI, Reg.R8, Reg.R9, Reg.R10, Reg.R11,
            Reg.RBX, Reg.R12, Reg.R13, Reg.R14, Reg.R15};
    static final Xmm[] FLOATING = {Xmm.XMM2, Xmm.XMM3, Xmm.XMM4, Xmm.XMM5, Xmm.XMM6, Xmm.XMM7, Xmm.XMM8, Xmm.XMM9,
            Xmm.XMM10, Xmm.XMM11, Xmm.XMM12, Xmm.XMM13, Xmm.XMM14, Xmm.XMM15};

    /** Where a value lives: a register ({@link Reg} 64-bit or {@link Xmm}) or {@code [rbp + frameOffset]}. */
    record Location(Reg reg, Xmm xmm, int frameOffset) {
        boolean inMemory() {
            return reg == null && xmm == null;
        }
    }

    private record Interval(Node value, int from, int to) {
    }

    final Map<Node, Location> locations = new HashMap<>();
    final Map<Block, BitSet> liveIn = new HashMap<>();
    final Map<Block, Integer> blockStart = new HashMap<>();
    final Map<Node, Integer> position = new HashMap<>();
    /** The last position of each value's interval. */
    final Map<Node, Integer> end = new HashMap<>();
    Map<Block, BitSet> liveOut;
    int spillSlots;
    private final java.util.Deque<Integer> freeSlots = new java.util.ArrayDeque<>();
    private final Map<Interval, Integer> spilledActive = new HashMap<>();
    /**
     * Values live into an exception handler's landing: the unwinder arrives with every register but rbp clobbered,
     * so they live in their stack slots for their whole life (GraphBuilder).
     */
    private final BitSet inMemoryThroughout = new BitSet();
    /** Per call position: the registers holding values live across it, which the call site saves and restores. */
    final Map<Integer, List<Location>> savedAcrossCall = new HashMap<>();
    /** Which calls go to a register entry (null: none do, the method is compiled without the register convention). */
    private final RegisterConvention convention;
    /** Whether the method's own arguments arrive in registers (its register entry): a spilled one gets a new slot. */
    private final boolean argumentsInRegisters;
    /** The registers they arrive in (RegisterConvention order), or null. */
    private final Object[] argumentRegisters;
    /** The positions of calls to register entries, which preserve the callee-saved registers. */
    private final java.util.Set<Integer> registerCalls = new java.util.HashSet<>();

    LinearScan(RegisterConvention convention, Object[] argumentRegisters) {
        this.convention = convention;
        this.argumentsInRegisters = argumentRegisters != null;
        this.argumentRegisters = argumentRegisters;
    }

    /** Whether call-like node {@code n} calls a register entry: it preserves rbx, r12-r15 (RegisterConvention). */
    boolean isRegisterCall(Node n) {
        return registerCalls.contains(position.get(n));
    }

    /** The callee-saved registers some value lives in: the register entry saves them in its prologue. */
    List<Reg> calleeSavedInUse() {
        List<Reg> used = new ArrayList<>();
        for (Reg r : RegisterConvention.CALLEE_SAVED) {
            for (Location l : locations.values()) {
                if (l.reg() == r) {
                    used.add(r);
                    break;
                }
            }
        }
        return used;
    }

    /**
     * Values that get a location: everything with a value but integer constants, which instructions take as
     * immediates. A double constant is loaded into a register once (SSE has no immediates), where loop-invariant
     * code motion put it.
     */
    static boolean needsLocation(Node n) {
        return n.kind != Node.Kind.VOID && (n.op != Op.CONST || n.kind.isFloating());
    }

    /** How often code at a loop depth is assumed to run, relative to code outside loops. */
    private static double frequency(Block b) {
        return Math.pow(10, Math.min(b.loopDepth, 4));
    }

    void allocate(Graph graph, Node[] byId) {
        spillSlots = graph.handlerSlots; // the handlers' locals come first (GraphBuilder)
        int pos = 0;
        Map<Block, Integer> blockEnd = new HashMap<>();
        List<Integer> calls = new ArrayList<>();
        Map<Integer, Double> callFrequency = new HashMap<>();
        double[] accessFrequency = new double[byId.length];
        for (Block b : graph.blocks) {
            blockStart.put(b, pos);
            for (Node phi : b.phis) {
                position.put(phi, pos);
                for (int k = 0; k < phi.inputs.length; k++) {
                    accessFrequency[phi.inputs[k].id] += frequency(b.predecessors.get(k));
                }
            }
            for (Node n : b.nodes) {
                pos += 2;
                position.put(n, pos);
                accessFrequency[n.id] += frequency(b);
                for (Node input : n.inputs) {
                    accessFrequency[input.id] += frequency(b);
                }
                if (n.op.calls()) {
                    calls.add(pos);
                    callFrequency.put(pos, n.rare ? 0 : frequency(b));
                    if (convention != null && convention.registersOf(n) != null) {
                        registerCalls.add(pos);
                    }
                }
            }
            pos += 2;
            blockEnd.put(b, pos);
        }
        liveOut = liveness(graph);
        for (Block b : graph.blocks) {
            if (b.isLanding) {
                inMemoryThroughout.or(liveIn.get(b));
            }
        }
        int[] from = new int[byId.length];
        int[] to = new int[byId.length];
        java.util.Arrays.fill(from, Integer.MAX_VALUE);
        java.util.Arrays.fill(to, -1);
        for (Block b : graph.blocks) {
            BitSet out = liveOut.get(b);
            for (int id = out.nextSetBit(0); id >= 0; id = out.nextSetBit(id + 1)) {
                from[id] = Math.min(from[id], blockStart.get(b));
                to[id] = Math.max(to[id], blockEnd.get(b));
            }
            BitSet in = liveIn.get(b);
            for (int id = in.nextSetBit(0); id >= 0; id = in.nextSetBit(id + 1)) {
                from[id] = Math.min(from[id], blockStart.get(b));
                to[id] = Math.max(to[id], blockStart.get(b));
            }
            for (Node phi : b.phis) {
                from[phi.id] = Math.min(from[phi.id], blockStart.get(b));
                to[phi.id] = Math.max(to[phi.id], blockStart.get(b));
            }
            for (Node n : b.nodes) {
                int p = position.get(n);
                if (needsLocation(n)) {
                    // arguments that arrive in registers are all moved to their locations at once, at the entry
                    from[n.id] = Math.min(from[n.id], n.op == Op.PARAM && argumentsInRegisters ? 0 : p);
                    to[n.id] = Math.max(to[n.id], p);
                }
                for (Node input : n.inputs) {
                    if (needsLocation(input)) {
                        to[input.id] = Math.max(to[input.id], p);
                    }
                }
            }
        }
        List<Interval> intervals = new ArrayList<>();
        for (Node n : byId) {
            if (n != null && needsLocation(n) && to[n.id] >= 0) {
                intervals.add(new Interval(n, from[n.id], to[n.id]));
                end.put(n, to[n.id]);
            }
        }
        intervals.sort(Comparator.comparingInt(Interval::from).thenComparingInt(i -> i.value().id));
        scan(intervals, calls, callFrequency, accessFrequency);
        for (int call : calls) {
            List<Location> saved = new ArrayList<>();
            for (Interval i : intervals) {
                Location l = locations.get(i.value());
                boolean preserved = registerCalls.contains(call) && l.reg() != null
                        && RegisterConvention.isCalleeSaved(l.reg());
                if (i.from() < call && call < i.to() && !l.inMemory() && !preserved && !saved.contains(l)) {
                    saved.add(l);
                }
            }
            savedAcrossCall.put(call, saved);
        }
    }

    private void scan(List<Interval> intervals, List<Integer> calls, Map<Integer, Double> callFrequency,
                      double[] accessFrequency) {
        List<Interval> active = new ArrayList<>();
        Map<Interval, Object> assigned = new HashMap<>();
        for (Interval current : intervals) {
            active.removeIf(a -> a.to() <= current.from());
            for (Interval done : List.copyOf(spilledActive.keySet())) {
                if (done.to() <= current.from()) {
                    freeSlots.push(spilledActive.remove(done));
                }
            }
            double clobbering = 0; // calls crossed that clobber every register, weighted by frequency
            double preserving = 0; // register calls crossed: they preserve the callee-saved registers
            for (int c : calls) {
                if (current.from() < c && c < current.to()) {
                    if (registerCalls.contains(c)) {
                        preserving += callFrequency.get(c);
                    } else {
                        clobbering += callFrequency.get(c);
                    }
                }
            }
            if (inMemoryThroughout.get(current.value().id)) { // live into a handler
                spill(current, true);
                continue;
            }
            boolean floating = current.value().kind.isFloating();
            Object[] order = floating ? FLOATING : preserving > 0 ? GENERAL_CALLEE_SAVED_FIRST : GENERAL_CALLER_SAVED_FIRST;
            Object free = null;
            for (Object r : withArrivalFirst(current.value(), order, preserving > 0)) {
                boolean taken = false;
                for (Interval a : active) {
                    if (assigned.get(a) == r) {
                        taken = true;
                        break;
                    }
                }
                if (!taken) {
                    free = r;
                    break;
                }
            }
            Interval victim = null;
            if (free == null) {
                for (Interval a : active) {
                    if (a.value().kind.isFloating() == floating && (victim == null || a.to() > victim.to())) {
                        victim = a;
                    }
                }
                if (victim != null && victim.to() > current.to()) {
                    free = assigned.get(victim);
                } else {
                    victim = null;
                }
            }
            boolean survivesRegisterCalls = free instanceof Reg r && RegisterConvention.isCalleeSaved(r);
            double crossed = clobbering + (survivesRegisterCalls ? 0 : preserving);
            if (free == null || crossed > accessFrequency[current.value().id]) { // cheaper in its slot than saved
                spill(current, true);
                continue;
            }
            if (victim != null) {
                assigned.remove(victim);
                active.remove(victim);
                spill(victim, false); // it started earlier than slots freed since: a fresh slot
            }
            assigned.put(current, free);
            active.add(current);
            locations.put(current.value(), free instanceof Reg reg ? new Location(reg, null, 0)
                    : new Location(null, (Xmm) free, 0));
        }
    }

    /**
     * {@code order}, with the register an argument arrives in tried first (unless the argument crosses register
     * calls, where a callee-saved register serves it better): the prologue then leaves it where it is, instead of
     * shuffling the arguments (three moves to swap two) into the registers the plain order would give them.
     */
    private Object[] withArrivalFirst(Node value, Object[] order, boolean crossesRegisterCalls) {
        if (value.op != Op.PARAM || argumentRegisters == null || crossesRegisterCalls) {
            return order;
        }
        Object arrival = argumentRegisters[argumentRegisters.length - 1 - (int) value.constant];
        if (!java.util.Arrays.asList(order).contains(arrival)) {
            return order; // xmm0 and xmm1 are never allocated
        }
        Object[] hinted = new Object[order.length];
        hinted[0] = arrival;
        int k = 1;
        for (Object r : order) {
            if (r != arrival) {
                hinted[k++] = r;
            }
        }
        return hinted;
    }

    /**
     * Gives {@code interval} a stack slot: an argument its own incoming one, others the slot freed most recently
     * ({@code reuse}) or a new one. Reusing slots soon also matters to the conservative collector: a dead
     * reference left in a slot keeps its object alive until something overwrites the slot.
     */
    private void spill(Interval interval, boolean reuse) {
        Node value = interval.value();
        if (value.op == Op.PARAM && !argumentsInRegisters) {
            locations.put(value, new Location(null, null, 16 + 8 * (int) value.constant));
            return;
        }
        int offset;
        if (reuse && !freeSlots.isEmpty()) {
            offset = freeSlots.pop();
        } else {
            spillSlots++;
            offset = -8 * spillSlots;
        }
        spilledActive.put(interval, offset);
        locations.put(value, new Location(null, null, offset));
    }

    /** Backward dataflow: live-out of a block is the live-in of its successors plus its successors' phi inputs. */
    private Map<Block, BitSet> liveness(Graph graph) {
        Map<Block, BitSet> liveOut = new HashMap<>();
        for (Block b : graph.blocks) {
            liveIn.put(b, new BitSet());
            liveOut.put(b, new BitSet());
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = graph.blocks.size() - 1; i >= 0; i--) {
                Block b = graph.blocks.get(i);
                BitSet live = new BitSet();
                for (Block s : b.successors) {
                    live.or(liveIn.get(s));
                    int index = s.predecessors.indexOf(b);
                    for (Node phi : s.phis) {
                        if (needsLocation(phi.inputs[index])) {
                            live.set(phi.inputs[index].id);
                        }
                    }
                }
                liveOut.put(b, (BitSet) live.clone());
                for (int k = b.nodes.size() - 1; k >= 0; k--) {
                    Node n = b.nodes.get(k);
                    live.clear(n.id);
                    for (Node input : n.inputs) {
                        if (needsLocation(input)) {
                            live.set(input.id);
                        }
                    }
                }
                for (Node phi : b.phis) {
                    live.clear(phi.id);
                }
                if (!live.equals(liveIn.get(b))) {
                    liveIn.put(b, live);
                    changed = true;
                }
            }
        }
        return liveOut;
    }
}
