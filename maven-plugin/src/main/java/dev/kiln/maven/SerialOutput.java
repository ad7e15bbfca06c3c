package dev.kiln.maven;

import java.util.List;
import java.util.stream.Collectors;

/** What the goals read from the guest's serial output: its last lines for an error message, and missing text. */
final class SerialOutput {
    /** How many lines of serial output a failure message quotes: enough for a Kiln stack trace. */
    static final int QUOTED_LINES = 40;

    private SerialOutput() {
    }

    /** The last {@code count} lines of {@code output}, each indented so they stand apart in Maven's log. */
    static String lastLines(String output, int count) {
        List<String> lines = output.lines().collect(Collectors.toList());
        if (lines.isEmpty()) {
            return "    (the guest wrote nothing to the serial port)";
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
        String omitted = lines.size() > count ? "    ... (" + (lines.size() - count) + " earlier lines in the serial log)\n" : "";
        return omitted + tail.stream().map(line -> "    | " + line).collect(Collectors.joining("\n"));
    }

    /** The entries of {@code expected} that do not occur in {@code output}, in their order. */
    static List<String> missing(String output, List<String> expected) {
        return expected.stream().filter(text -> !output.contains(text)).collect(Collectors.toList());
    }
}
