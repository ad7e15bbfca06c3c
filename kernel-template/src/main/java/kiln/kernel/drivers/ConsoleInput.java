package kiln.kernel.drivers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import kiln.runtime.ObjectModel;

/**
 * The byte stream under {@code System.in}.
 *
 * <h2>Bare metal</h2>
 * Two devices type into one {@link InputRing}: COM1's receiver ({@link Serial}) and the PS/2 keyboard
 * ({@link Ps2Keyboard}). A read takes bytes from the ring through the {@link LineDiscipline}, which echoes
 * them on the console and hands out whole lines, until a line is complete; it then answers the bytes of that
 * line (as many as fit), never waiting for more. End of input is Ctrl-D at the start of a line (on the serial
 * line or the keyboard): that read answers -1, the next one waits for a new line, as on a Unix terminal.
 * Until the kernel has interrupts, a read that finds the ring empty polls both devices' status registers.
 *
 * <h2>Hosted target</h2>
 * Standard input, file descriptor 0, read with read(2) and no line discipline: the host's terminal has
 * its own. End of input is end of file.
 */
public final class ConsoleInput extends InputStream {
    private static final int EINTR = 4;

    private static final InputRing RING = new InputRing();
    private static final LineDiscipline DISCIPLINE = new LineDiscipline(Serial::write);

    private final byte[] single = new byte[1];

    /** Enables the input devices; the kernel calls it once at boot, before the program runs. */
    public static void start() {
        if (!HostedLinux.isActive()) {
            Ps2Keyboard.init(false);
        }
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int count) throws IOException {
        Objects.checkFromIndexSize(offset, count, into.length);
        if (count == 0) {
            return 0;
        }
        if (HostedLinux.isActive()) {
            return readStandardInput(into, offset, count);
        }
        while (!DISCIPLINE.readable()) {
            int b = RING.take();
            if (b >= 0) {
                DISCIPLINE.accept(b);
            } else {
                awaitInput();
            }
        }
        return DISCIPLINE.read(into, offset, count);
    }

    /** Bytes of the current line that a read answers at once; on the hosted target, none known. */
    @Override
    public int available() {
        return HostedLinux.isActive() ? 0 : DISCIPLINE.available();
    }

    /** Polls both devices once: what they received goes to the ring. */
    private static void awaitInput() {
        Serial.receiveInto(RING);
        Ps2Keyboard.receiveInto(RING);
    }

    private static int readStandardInput(byte[] into, int offset, int count) throws IOException {
        while (true) {
            long n = HostedLinux.read(HostedLinux.STDIN, ObjectModel.elementAddress(into, offset), count);
            if (n >= 0) {
                return n == 0 ? -1 : (int) n;
            }
            if (n != -EINTR) {
                throw new IOException("read(2) from standard input failed with errno " + -n);
            }
        }
    }
}
