package dev.kiln.testengine;

import dev.kiln.qemu.RunResult;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a {@code kiln:test} run went.
 *
 * @param results  every test that ended, plus the one that was running if the guest stopped early
 * @param counts   the totals, as in {@code failsafe-summary.xml}
 * @param problem  why the run did not complete (guest crash, timeout, QEMU failure), naming the running test
 * @param build    discovery, runner generation, compilation, linking and image writing
 * @param bootTime from starting QEMU to the runner's first record
 * @param run      from the runner's first record to QEMU's exit
 * @param boot     QEMU's result; empty when no test was selected and nothing was booted
 */
public record TestRunReport(List<TestResult> results, FailsafeReports.Counts counts, Optional<String> problem,
                            Duration build, Duration bootTime, Duration run, Optional<RunResult> boot) {
    public TestRunReport {
        results = List.copyOf(results);
    }

    public boolean failed() {
        return counts.failed() || problem.isPresent();
    }
}
