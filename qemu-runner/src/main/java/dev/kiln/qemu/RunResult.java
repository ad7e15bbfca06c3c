package dev.kiln.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a boot ended.
 *
 * @param outcome          what the exit means (see {@link Outcome})
 * @param qemuExitCode     QEMU's process exit code; -1 if QEMU did not start; 137 (SIGKILL) after a timeout
 * @param guestStatus      the status the guest wrote to {@code isa-debug-exit}, if the exit code carries one
 * @param serialOutput     everything the guest wrote to COM1, decoded as UTF-8
 * @param elapsed          wall time from starting QEMU to its exit
 * @param commandLine      the exact command that was run
 * @param serialLog        the file that holds the serial output, if one was written
 * @param timeout          the time limit the run had
 * @param qemuErrorOutput  what QEMU wrote to stderr (or why it could not be started)
 */
public record RunResult(Outcome outcome, int qemuExitCode, OptionalInt guestStatus, String serialOutput,
                        Duration elapsed, List<String> commandLine, Optional<Path> serialLog, Duration timeout,
                        String qemuErrorOutput) {

    /** What a QEMU exit means for the guest. The mapping is the exit protocol in {@code docs/abi.md}. */
    public enum Outcome {
        /** The guest wrote status 0 to {@code isa-debug-exit} (QEMU exit code 33). */
        SUCCESS,
        /** The guest wrote a non-zero status to {@code isa-debug-exit} (QEMU exit code 35, 37, ...). */
        FAILURE,
        /** The guest ran past the timeout and QEMU was killed. */
        TIMEOUT,
        /** Plain QEMU exit 0: the guest reset the machine or triple-faulted ({@code -no-reboot}) without reporting a status. */
        RESET,
        /** QEMU failed to start, or exited with a code that does not come from the guest. */
        QEMU_ERROR
    }

    public RunResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(guestStatus, "guestStatus");
        Objects.requireNonNull(serialOutput, "serialOutput");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(serialLog, "serialLog");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(qemuErrorOutput, "qemuErrorOutput");
        commandLine = List.copyOf(commandLine);
    }

    /** A result without the log path, time limit and QEMU's stderr (for callers that build results themselves). */
    public RunResult(Outcome outcome, int qemuExitCode, OptionalInt guestStatus, String serialOutput,
                     Duration elapsed, List<String> commandLine) {
        this(outcome, qemuExitCode, guestStatus, serialOutput, elapsed, commandLine, Optional.empty(), elapsed, "");
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** One sentence (plus where to look) for a build error or a test failure. */
    public String describe() {
        String log = serialLog.map(path -> " Serial log: " + path).orElse("");
        return switch (outcome) {
            case SUCCESS -> "guest exited with status 0";
            case FAILURE -> "guest exited with status "
                    + guestStatus.stream().mapToObj(String::valueOf).findFirst().orElse("(none)") + "." + log;
            case TIMEOUT -> "guest did not exit within " + seconds(timeout) + " (kiln.timeout); it was killed." + log;
            case RESET -> "guest reset the machine (triple fault?) without reporting a status;"
                    + " a Kiln kernel always exits through isa-debug-exit." + log;
            case QEMU_ERROR -> (qemuExitCode < 0
                    ? "QEMU could not be started: " + qemuErrorOutput.strip()
                    : "QEMU exited with code " + qemuExitCode + ", which is not a guest status (those are odd codes >= 33): "
                            + (qemuErrorOutput.isBlank() ? "QEMU printed nothing on stderr" : qemuErrorOutput.strip()))
                    + ". Command line: " + String.join(" ", commandLine) + "." + log;
        };
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
