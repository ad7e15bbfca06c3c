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
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs one QEMU process to its end: streams COM1 (QEMU's stdout) to the serial log and the echo as it
 * arrives, keeps stderr apart for error messages, and kills QEMU and its descendants at the timeout.
 */
final class QemuProcess {
    /** How long to wait for the output readers once QEMU has exited (they end at EOF, which follows at once). */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

    private QemuProcess() {
    }

    static RunResult run(List<String> command, RunSpec spec) throws QemuException {
        Path serialLog = spec.serialLog().toAbsolutePath();
        OutputStream logFile = openLog(serialLog);
        long start = System.nanoTime();
        Process qemu;
        try {
            qemu = new ProcessBuilder(command).start();
        } catch (IOException e) {
            closeQuietly(logFile);
            return new RunResult(RunResult.Outcome.QEMU_ERROR, -1, OptionalInt.empty(), "", elapsedSince(start),
                    command, Optional.of(serialLog), spec.timeout(), String.valueOf(e.getMessage()));
        }
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread serialReader = copier("kiln-qemu-serial", qemu.getInputStream(), serial, logFile, spec.echo());
        Thread stderrReader = copier("kiln-qemu-stderr", qemu.getErrorStream(), stderr, null, Optional.empty());
        serialReader.start();
        stderrReader.start();
        // If the JVM is stopped (Ctrl-C in Maven), QEMU goes with it instead of running on without a reader.
        Thread killAtShutdown = new Thread(() -> kill(qemu), "kiln-qemu-kill");
        Runtime.getRuntime().addShutdownHook(killAtShutdown);

        boolean exited;
        try {
            exited = qemu.waitFor(spec.timeout().toNanos(), TimeUnit.NANOSECONDS);
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
        String serialText;
        String stderrText;
        synchronized (serial) {
            serialText = serial.toString(StandardCharsets.UTF_8);
        }
        synchronized (stderr) {
            stderrText = stderr.toString(StandardCharsets.UTF_8);
        }
        return new RunResult(outcome, exitCode, guestStatus, serialText, elapsed, command,
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
