package dev.kiln.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A guest that runs while a test talks to it, from {@link Qemu#start}: the test types on its PS/2 keyboard
 * ({@link #keyboard()}, QMP {@code send-key}), writes to its serial port ({@link #sendSerial}, QEMU's stdin
 * with {@code -serial stdio}), waits for what it prints ({@link #awaitOutput}), and finally collects the
 * result ({@link #awaitExit}), within the run's timeout counted from the start.
 *
 * <p>Serial input is flow-controlled: QEMU passes bytes to the guest's UART only as fast as its receive FIFO
 * empties, so nothing is lost however early it is sent. The PS/2 keyboard holds only 16 bytes, so type a
 * line, then wait for the guest's answer before the next.
 */
public final class RunningGuest implements AutoCloseable {
    private final QemuProcess process;
    private final QmpClient qmp;
    private final Qemu.Launch launch;
    /** Where in the serial output the next {@link #awaitOutput} starts looking. */
    private int outputMark;
    private RunResult result;

    RunningGuest(QemuProcess process, QmpClient qmp, Qemu.Launch launch) {
        this.process = process;
        this.qmp = qmp;
        this.launch = launch;
    }

    /** The guest's keyboard and QEMU's monitor. */
    public QmpClient keyboard() {
        return qmp;
    }

    /**
     * Writes {@code text} in UTF-8 to the guest's COM1, as a terminal on the serial line would send it. Not for a
     * run with {@link RunSpec#terminalInput()}, where the terminal is QEMU's stdin.
     */
    public void sendSerial(String text) throws QemuException {
        try {
            process.serialInput().write(text.getBytes(StandardCharsets.UTF_8));
            process.serialInput().flush();
        } catch (IOException e) {
            throw new QemuException("cannot write to the guest's serial port (QEMU's stdin): " + e
                    + "; QEMU has probably exited", e);
        }
    }

    /**
     * Waits until the guest prints {@code text} after what earlier calls already found, within the rest of the
     * run's timeout.
     *
     * @throws QemuException if QEMU exits or the timeout passes first; the message quotes the serial output
     */
    public void awaitOutput(String text) throws QemuException {
        int end;
        try {
            end = process.awaitSerial(text.getBytes(StandardCharsets.UTF_8), outputMark, process.remaining());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QemuException("interrupted while waiting for guest output", e);
        }
        if (end < 0) {
            throw new QemuException("the guest did not print \"" + text + "\" "
                    + (process.serialOutputEnded() ? "before QEMU exited" : "within the timeout")
                    + "; its serial output after the last text found:\n"
                    + new String(serialBytes(), outputMark, serialBytes().length - outputMark, StandardCharsets.UTF_8));
        }
        outputMark = end;
    }

    /**
     * Writes what the guest's screen shows now to {@code ppm}, as QEMU's {@code screendump} does: a binary PPM
     * (P6) of the VGA's current picture, text modes rendered with the font in the VGA's character generator.
     */
    public void screendump(Path ppm) throws QemuException {
        qmp.execute("screendump", Map.of("filename", ppm.toAbsolutePath().toString()));
    }

    private byte[] serialBytes() {
        return process.serialOutput().getBytes(StandardCharsets.UTF_8);
    }

    /** Waits for the guest to exit (killing it at the timeout) and reports how it ended. */
    public RunResult awaitExit() throws QemuException {
        if (result == null) {
            qmp.close();
            try {
                result = process.awaitExit();
            } finally {
                launch.close();
            }
        }
        return result;
    }

    /** Kills the guest if it still runs; a test that failed half-way leaves no QEMU behind. */
    @Override
    public void close() throws QemuException {
        if (result == null) {
            process.kill();
            awaitExit();
        }
    }
}
