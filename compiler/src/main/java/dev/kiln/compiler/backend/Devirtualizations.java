package dev.kiln.compiler.backend;

import dev.kiln.compiler.analysis.CallLinking;
import dev.kiln.compiler.analysis.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build report's account of class-hierarchy devirtualization ({@link Program#devirtualized}): how many call
 * sites each tier made direct, and which calls they were. Counted where the code is generated, so a call site
 * that the optimizing tier inlined counts once per place it was inlined into.
 */
final class Devirtualizations {
    /** "receiver type.selector -> implementing class", with the call sites of each tier. */
    private final Map<String, int[]> sites = new TreeMap<>();
    private int baseline;
    private int optimized;

    /** A call site of {@code from} made into the direct call {@code to}; {@code optimizing}: by the optimizing tier. */
    void record(CallLinking from, CallLinking to, boolean optimizing) {
        String key = from.receiverType().javaName() + "." + from.target().node().name + from.target().node().desc
                + " -> " + to.target().owner().javaName();
        int[] counts = sites.computeIfAbsent(key, k -> new int[2]);
        counts[optimizing ? 1 : 0]++;
        if (optimizing) {
            optimized++;
        } else {
            baseline++;
        }
    }

    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("devirtualized by class-hierarchy analysis: %d call sites (baseline %d, optimizing tier %d)",
                baseline + optimized, baseline, optimized));
        lines.add(String.format("%10s %10s  %s", "baseline", "optimized", "call (receiver type.method -> the one implementing class)"));
        sites.forEach((call, counts) -> lines.add(String.format("%10d %10d  %s", counts[0], counts[1], call)));
        lines.add("");
        return lines;
    }
}
