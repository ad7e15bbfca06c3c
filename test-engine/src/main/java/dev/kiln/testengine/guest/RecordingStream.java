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
    private byte[] pending = new byte[128];
    private int length;

    RecordingStream(PrintStream serial, String kind) {
        this.serial = serial;
        this.kind = kind;
    }

    @Override
    public void write(int b) {
        if (length == pending.length) {
            byte[] larger = new byte[pending.length * 2];
            System.arraycopy(pending, 0, larger, 0, length);
            pending = larger;
        }
        pending[length++] = (byte) b;
        if (b == '\n') {
            sendPending();
        }
    }

    /** Sends what was printed since the last line end, if anything: before every other record. */
    void sendPending() {
        if (length > 0) {
            serial.println(Protocol.record(kind, new String(pending, 0, length)));
            length = 0;
        }
    }
}
