package dev.kiln.testengine.guest;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * What the runner installs as {@code System.out} and {@code System.err}: collects what a test prints and sends
 * it, a line at a time, as {@code out}/{@code err} records, so that the host can tell a test's output from the
 * protocol and attribute it to the test that printed it (Surefire's {@code <system-out>}).
 */
final class RecordingStream extends OutputStream {
    private final PrintStream serial;
    private final String kind;
    private final TextBuffer pending = new TextBuffer();

    RecordingStream(PrintStream serial, String kind) {
        this.serial = serial;
        this.kind = kind;
    }

    @Override
    public void write(int b) {
        pending.write(b);
        if (b == '\n') {
            sendPending();
        }
    }

    /** Sends what was printed since the last line end, if anything: before every other record. */
    void sendPending() {
        if (!pending.isEmpty()) {
            serial.println(Protocol.record(kind, pending.toString()));
            pending.clear();
        }
    }
}
