package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;
import dev.kiln.testengine.guest.Protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the guest reported, read from its serial output: the tests that ended, the one that was running when
 * the output stopped (if the guest crashed or was killed), and whether the runner got to the end.
 *
 * @param results       every test that ended, in order
 * @param running       the test that started and never ended, as {@code className.name}
 * @param runningResult that test's partial result (its output so far), if there is one
 * @param completed     the runner reported that every test ran
 * @param otherOutput   what was written outside the tests: lines that were no record (the kernel's: a panic, an
 *                      uncaught exception; the boot's) and what class-level lifecycle methods printed
 */
public record GuestReport(List<TestResult> results, Optional<String> running, Optional<TestResult> runningResult,
                          boolean completed, String otherOutput) {

    public static GuestReport read(String serialOutput) {
        List<TestResult> results = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        String[] current = null;
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        boolean completed = false;
        for (String line : serialOutput.split("\r?\n", -1)) {
            int recordStart = Protocol.recordStart(line);
            if (recordStart != 0 && !line.isEmpty()) {
                // the kernel's output, or a test's that went to the UART directly, without a line end
                other.append(recordStart < 0 ? line : line.substring(0, recordStart)).append('\n');
            }
            if (recordStart < 0) {
                continue;
            }
            String[] record = Protocol.parse(line.substring(recordStart));
            switch (record[0]) {
                case Protocol.START -> {
                    current = record;
                    out.setLength(0);
                    err.setLength(0);
                }
                // output outside a test (@BeforeAll, @AfterAll) belongs to no test case, as in Surefire's reports
                case Protocol.OUT -> (current == null ? other : out).append(record[1]);
                case Protocol.ERR -> (current == null ? other : err).append(record[1]);
                case Protocol.END -> {
                    if (current != null) {
                        results.add(new TestResult(current[1], current[2], current[3], outcome(record[1]),
                                Long.parseLong(record[2]), Optional.ofNullable(record[3]), Optional.ofNullable(record[4]),
                                Optional.ofNullable(record[5]), out.toString(), err.toString()));
                        current = null;
                    }
                }
                case Protocol.DONE -> completed = true;
                default -> {
                    // PLAN: informational
                }
            }
        }
        Optional<String> running = Optional.ofNullable(current).map(start -> start[1] + "." + start[2]);
        Optional<TestResult> partial = Optional.ofNullable(current).map(start -> new TestResult(start[1], start[2],
                start[3], Outcome.ERROR, 0, Optional.empty(), Optional.empty(), Optional.empty(), out.toString(), err.toString()));
        return new GuestReport(List.copyOf(results), running, partial, completed, other.toString());
    }

    private static Outcome outcome(String text) {
        return switch (text) {
            case Protocol.PASSED -> Outcome.PASSED;
            case Protocol.FAILURE -> Outcome.FAILURE;
            case Protocol.SKIPPED -> Outcome.SKIPPED;
            default -> Outcome.ERROR;
        };
    }
}
