package dev.kiln.toolchain.cli;

import java.util.List;

/** Medians and spreads for the bench commands' reports. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(d -> d).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** "median [min..max]" with one decimal. */
    static String summary(List<Double> millis) {
        return String.format("%.1f [%.1f..%.1f]", median(millis), min(millis), max(millis));
    }

    /** "median X [min..max]" with two decimals. */
    static String ratioSummary(List<Double> ratios) {
        return String.format("median %.2f [%.2f..%.2f]", median(ratios), min(ratios), max(ratios));
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(d -> d).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(d -> d).max().orElse(0);
    }
}
