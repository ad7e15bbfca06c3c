package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.LinearScan.Location;
import dev.kiln.compiler.stackmaps.StackMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack maps of an optimized method (docs/abi.md "Stack maps"), recorded as {@link CodeGenerator} emits it:
 * at each call, the spill slots whose values are live after it and hold references, and the registers pushed around
 * it (in push order: the first pushed is stack slot 0) that hold references.
 *
 * <p>Liveness is the dataflow's (a value is live after a call when a use follows on some path and its definition
 * dominates the call), not the allocator's hole-free interval: an interval also covers points its value has not
 * reached yet, where its slot may still hold the int of an earlier occupant.
 *
 * <p>The argument slots are not described (their words are scanned conservatively): the register calling convention
 * between optimized methods may leave them empty, and arguments are read where they arrive, never written.
 */
final class SafepointMaps {
    /** The pushed registers from a code offset on; {@code references} null after they are popped again. */
    private record Pushed(int offset, BitSet references, int count) {
    }

    private final LinearScan allocation;
    private final int codeStart;
    private final List<StackMap> maps = new ArrayList<>();
    private final List<Pushed> pushes = new ArrayList<>();
    /** Value ids live across the calls being emitted; null until {@link #live} computes them. */
    private BitSet live = new BitSet();
    /** The node the calls being emitted belong to, unless they are a poll's. */
    private Block nodeBlock;
    private int nodeIndex;
    /** {@link #liveAfterEachNode} of {@link #liveAfterBlock}. */
    private BitSet[] liveAfter;
    private Block liveAfterBlock;
    private Map<Location, List<Node>> referencesByLocation;
    private int recordedCalls;

    SafepointMaps(LinearScan allocation, int codeStart, int callsBefore) {
        this.allocation = allocation;
        this.codeStart = codeStart;
        this.recordedCalls = callsBefore;
    }

    /** The prologue's calls (its stack check): the frame is not allocated yet. */
    void prologue(List<Integer> callReturnOffsets) {
        for (; recordedCalls < callReturnOffsets.size(); recordedCalls++) {
            maps.add(new StackMap(callReturnOffsets.get(recordedCalls) - codeStart, false, 0, new BitSet()));
        }
    }

    /**
     * The calls that follow belong to node {@code index} of block {@code b}: what is live after it crosses them.
     * Computed only when a call asks ({@link #live}), for all of a block's nodes at once.
     */
    void enterNode(Block b, int index) {
        nodeBlock = b;
        nodeIndex = index;
        enter(null);
    }

    /** The calls that follow are a loop head's poll, crossed by {@code values}. */
    void enterPoll(List<Node> values) {
        BitSet ids = new BitSet();
        values.forEach(v -> ids.set(v.id));
        enter(ids);
    }

    private void enter(BitSet values) {
        live = values;
        pushes.clear();
    }

    /** The reference values by location (register or frame slot), gathered once: the allocation is final. */
    private Map<Location, List<Node>> referencesIn() {
        if (referencesByLocation == null) {
            referencesByLocation = new HashMap<>();
            allocation.locations.forEach((n, l) -> {
                if (n.kind == Node.Kind.REF) {
                    referencesByLocation.computeIfAbsent(l, k -> new ArrayList<>()).add(n);
                }
            });
        }
        return referencesByLocation;
    }

    /** The ids of the values live across the calls being emitted. */
    private BitSet live() {
        if (live == null) {
            if (liveAfterBlock != nodeBlock) {
                liveAfter = liveAfterEachNode(nodeBlock);
                liveAfterBlock = nodeBlock;
            }
            live = liveAfter[nodeIndex];
        }
        return live;
    }

    /**
     * For each node of {@code b}, the values live after it (it excluded): one backward pass from the block's
     * live-out set. (Walking back from the block's end for every node made the maps quadratic in a block's length:
     * half the optimizing tier's build time for bench WordFrequency.)
     */
    private BitSet[] liveAfterEachNode(Block b) {
        BitSet[] result = new BitSet[b.nodes.size()];
        BitSet after = (BitSet) allocation.liveOut.get(b).clone();
        for (int k = b.nodes.size() - 1; k >= 0; k--) {
            Node n = b.nodes.get(k);
            result[k] = (BitSet) after.clone();
            result[k].clear(n.id);
            after.clear(n.id);
            for (Node input : n.inputs) {
                if (LinearScan.needsLocation(input)) {
                    after.set(input.id);
                }
            }
        }
        return result;
    }

    /** {@code registers} pushed from {@code offset} on, in this order. */
    void pushed(int offset, List<Location> registers) {
        BitSet references = new BitSet();
        for (int i = 0; i < registers.size(); i++) {
            for (Node n : referencesIn().getOrDefault(registers.get(i), List.of())) {
                if (live().get(n.id)) {
                    references.set(i);
                }
            }
        }
        pushes.add(new Pushed(offset, references, registers.size()));
    }

    /** The pushed registers popped again from {@code offset} on. */
    void popped(int offset) {
        pushes.add(new Pushed(offset, null, 0));
    }

    /**
     * Maps every call emitted since the last record with the live values, spill slots and pushes there. The frame's
     * slots below rbp are the {@code savedRegisters} callee-saved registers its prologue pushed (RegisterConvention),
     * then the spill slots, the handlers' locals first; the maps leave the first two undescribed
     * ({@link CodeGenerator#undescribedLocals}).
     */
    void record(List<Integer> callReturnOffsets, int savedRegisters, int spillSlots) {
        if (recordedCalls == callReturnOffsets.size()) {
            return; // no call since the last record
        }
        BitSet live = live();
        BitSet spilled = new BitSet();
        for (Map.Entry<Location, List<Node>> e : referencesIn().entrySet()) {
            Location l = e.getKey();
            if (l.inMemory() && l.frameOffset() < 0 && e.getValue().stream().anyMatch(n -> live.get(n.id))) {
                spilled.set(savedRegisters - l.frameOffset() / 8 - 1);
            }
        }
        if (spilled.length() > savedRegisters + spillSlots) {
            throw new IllegalStateException("a spill slot below the frame's " + spillSlots + " slots");
        }
        for (; recordedCalls < callReturnOffsets.size(); recordedCalls++) {
            int returnAddress = callReturnOffsets.get(recordedCalls);
            Pushed pushed = null;
            for (Pushed p : pushes) {
                if (p.offset() < returnAddress) {
                    pushed = p;
                }
            }
            BitSet references = (BitSet) spilled.clone();
            int stackSlots = 0;
            if (pushed != null && pushed.references() != null) {
                stackSlots = pushed.count();
                BitSet r = pushed.references();
                for (int i = r.nextSetBit(0); i >= 0; i = r.nextSetBit(i + 1)) {
                    references.set(savedRegisters + spillSlots + i);
                }
            }
            maps.add(new StackMap(returnAddress - codeStart, true, stackSlots, references));
        }
    }

    List<StackMap> maps() {
        return List.copyOf(maps);
    }
}
