package dev.kiln.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One QEMU process from start to end: streams COM1 (QEMU's stdout) to the serial log and the echo as it
 * arrives, keeps stderr apart for error messages, lets a {@link RunningGuest} wait for serial output and
 * write QEMU's stdin, and kills QEMU and its descendants at the timeout.
 */
final class QemuProcess {
    /** How long to wait for the output readers once QEMU has exited (they end at EOF, which follows at once). */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

    private final List<String> command;
    private final RunSpec spec;
    private final Path serialLog;
    private final OutputStream logFile;
    private final long start;
    private final Process qemu;
    private final ByteArrayOutputStream serial = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final Thread serialReader;
    private final Thread stderrReader;
    private final Thread killAtShutdown;

    private QemuProcess(List<String> command, RunSpec spec, Path serialLog, OutputStream logFile, long start,
                        Process qemu) {
        this.command = command;
        this.spec = spec;
        this.serialLog = serialLog;
        this.logFile = logFile;
        this.start = start;
        this.qemu = qemu;
        serialReader = copier("kiln-qemu-serial", qemu.getInputStream(), serial, logFile, spec.echo());
        stderrReader = copier("kiln-qemu-stderr", qemu.getErrorStream(), stderr, null, Optional.empty());
        serialReader.start();
        stderrReader.start();
        // If the JVM is stopped (Ctrl-C in Maven), QEMU goes with it instead of running on without a reader.
        killAtShutdown = new Thread(() -> kill(qemu), "kiln-qemu-kill");
        Runtime.getRuntime().addShutdownHook(killAtShutdown);
    }

    /** Runs QEMU to its end: {@link #start}, then {@link #awaitExit}. */
    static RunResult run(List<String> command, RunSpec spec) throws QemuException {
        QemuProcess process;
        try {
            process = start(command, spec);
        } catch (StartFailure failure) {
            return failure.result;
        }
        return process.awaitExit();
    }

    /**
     * Starts QEMU with its readers. A QEMU that cannot be started is a {@link StartFailure} carrying the
     * QEMU_ERROR result.
     */
    static QemuProcess start(List<String> command, RunSpec spec) throws QemuException, StartFailure {
        Path serialLog = spec.serialLog().toAbsolutePath();
        OutputStream logFile = openLog(serialLog);
        long start = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (spec.terminalInput()) {
                // On a terminal, QEMU's stdio backend switches it to raw mode: keys reach the guest as typed.
                builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
            }
            return new QemuProcess(command, spec, serialLog, logFile, start, builder.start());
        } catch (IOException e) {
            closeQuietly(logFile);
            throw new StartFailure(new RunResult(RunResult.Outcome.QEMU_ERROR, -1, OptionalInt.empty(), "",
                    elapsedSince(start), command, Optional.of(serialLog), spec.timeout(), String.valueOf(e.getMessage())));
        }
    }

    /** QEMU could not be started; {@link #result} says why. */
    static final class StartFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final transient RunResult result;

        StartFailure(RunResult result) {
            super(result.describe());
            this.result = result;
        }
    }

    /** QEMU's standard input: with {@code -serial stdio}, the bytes the guest's COM1 receives. */
    OutputStream serialInput() {
        return qemu.getOutputStream();
    }

    boolean isAlive() {
        return qemu.isAlive();
    }

    /** True once QEMU has closed its standard output (it exited, or is exiting). */
    boolean serialOutputEnded() {
        return !serialReader.isAlive();
    }

    /** The time left of the run's timeout, which counts from the start of QEMU. */
    Duration remaining() {
        return spec.timeout().minus(elapsedSince(start));
    }

    /**
     * Waits until the serial output holds {@code text} at or after byte {@code from}; answers the index just
     * after it, or -1 if QEMU ended or {@code limit} passed first.
     */
    int awaitSerial(byte[] text, int from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (serial) {
            while (true) {
                int found = indexOf(serial.toByteArray(), text, from);
                if (found >= 0) {
                    return found + text.length;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !serialReader.isAlive()) {
                    return -1;
                }
                TimeUnit.NANOSECONDS.timedWait(serial, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /** What the guest has written to COM1 so far. */
    String serialOutput() {
        synchronized (serial) {
            return serial.toString(StandardCharsets.UTF_8);
        }
    }

    /** Kills QEMU now (the run then ends as a TIMEOUT if {@link #awaitExit} had not seen it exit). */
    void kill() {
        kill(qemu);
    }

    /** Waits for QEMU to exit or for the rest of the timeout, kills it if it is still running, and reports. */
    RunResult awaitExit() throws QemuException {
        boolean exited;
        try {
            Duration left = remaining();
            exited = qemu.waitFor(Math.max(left.toNanos(), 0), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill(qemu);
            waitUninterruptibly(qemu);
            closeQuietly(logFile);
            Thread.currentThread().interrupt();
            throw new QemuException("interrupted while waiting for QEMU; it was killed", e);
        } finally {
            removeShutdownHook(killAtShutdown);
        }
        Duration elapsed = elapsedSince(start);
        if (!exited) {
            kill(qemu);
        }
        int exitCode = waitUninterruptibly(qemu);
        join(serialReader);
        join(stderrReader);
        closeQuietly(logFile);
        closeQuietly(qemu.getOutputStream());

        RunResult.Outcome outcome = exited ? IsaDebugExit.outcome(exitCode) : RunResult.Outcome.TIMEOUT;
        OptionalInt guestStatus = exited ? IsaDebugExit.guestStatus(exitCode) : OptionalInt.empty();
        String stderrText;
        synchronized (stderr) {
            stderrText = stderr.toString(StandardCharsets.UTF_8);
        }
        return new RunResult(outcome, exitCode, guestStatus, serialOutput(), elapsed, command,
                Optional.of(serialLog), spec.timeout(), stderrText);
    }

    private static OutputStream openLog(Path serialLog) throws QemuException {
        try {
            if (serialLog.getParent() != null) {
                Files.createDirectories(serialLog.getParent());
            }
            return Files.newOutputStream(serialLog);
        } catch (IOException e) {
            throw new QemuException("cannot write the serial log " + serialLog + ": " + e, e);
        }
    }

    /**
     * A thread that copies {@code from} to {@code memory}, {@code file} and {@code echo} chunk by chunk, as
     * QEMU writes it, until EOF.
     */
    private static Thread copier(String name, InputStream from, ByteArrayOutputStream memory, OutputStream file,
                                 Optional<PrintStream> echo) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (from) {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    synchronized (memory) {
                        memory.write(buffer, 0, n);
                        memory.notifyAll();
                    }
                    if (file != null) {
                        file.write(buffer, 0, n);
                        file.flush();
                    }
                    if (echo.isPresent()) {
                        echo.get().write(buffer, 0, n);
                        echo.get().flush();
                    }
                }
            } catch (IOException e) {
                // The pipe broke because QEMU was killed; what arrived before is kept.
            }
            synchronized (memory) {
                memory.notifyAll(); // end of output: nobody waits for more
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Kills QEMU and anything it started; descendants first, while they can still be found through it. */
    private static void kill(Process qemu) {
        qemu.descendants().forEach(ProcessHandle::destroyForcibly);
        qemu.destroyForcibly();
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or about to.
        }
    }

    private static int waitUninterruptibly(Process qemu) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return qemu.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join(DRAIN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Nothing left to save: the log is flushed after every chunk.
        }
    }
}
