package kiln.kernel.drivers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import kiln.kernel.boot.LateStart;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Irq;
import kiln.kernel.sched.InterruptSignal;
import kiln.runtime.ObjectModel;

/**
 * The byte stream under {@code System.in}.
 *
 * <h2>Bare metal</h2>
 * Two devices type into one {@link InputRing}: COM1's receiver ({@link Serial}, IRQ 4) and the PS/2 keyboard
 * ({@link Ps2Keyboard}, IRQ 1). Their interrupt handlers only move bytes from the device into the ring
 * (decoding scancodes on the way); they allocate nothing and never wait. A read takes bytes from the ring
 * through the {@link LineDiscipline}, which echoes them on the console and hands out whole lines, until a line
 * is complete; it then answers the bytes of that line (as many as fit), never waiting for more. End of input
 * is Ctrl-D at the start of a line (on the serial line or the keyboard): that read answers -1, the next one
 * waits for a new line, as on a Unix terminal.
 *
 * <p>A read that finds the ring empty parks its tasklet on the input's {@link InterruptSignal}, which both handlers
 * signal after they moved bytes: the signal's deferred wake-up makes the reader runnable again, and meanwhile other
 * tasklets run, or the CPU halts in the scheduler's idle loop until the next interrupt. The reader reads the
 * signal's count before it looks at the ring, so bytes that arrive between the look and the park are not slept
 * through ({@link InterruptSignal}). Rejected: polling the devices' status registers in the read loop, which
 * keeps the CPU busy (QEMU under TCG spent 0.94 s of CPU time per 5 s of waiting for a line that way, 0.08 s
 * halted) and finds a byte only while someone reads; bytes typed while the program computes would wait in the
 * device, and the keyboard holds 16. Rejected: halting in place until the next interrupt (what this did
 * before tasklets), which stopped every other tasklet while one waited for a key.
 *
 * <h2>Hosted target</h2>
 * Standard input, file descriptor 0, read with read(2) and no line discipline: the host's terminal has
 * its own. End of input is end of file.
 */
public final class ConsoleInput extends InputStream {
    private static final int KEYBOARD_IRQ = 1, SERIAL_IRQ = 4;

    /**
     * The ring, the line discipline and the signal, made when the input starts rather than with {@code System.in}
     * (a holder class: its initializer runs at the first use), so that a program that never reads does not make
     * them at boot.
     */
    private static final class Input {
        static final InputRing RING = new InputRing();
        static final LineDiscipline DISCIPLINE = new LineDiscipline(ConsoleOutputStream::put);
        /** Signalled by both input handlers; readers wait on it. */
        static final InterruptSignal ARRIVED = new InterruptSignal("console input");
    }

    private final byte[] single = new byte[1];

    /**
     * Turns the devices' interrupts on and routes IRQ 4 and IRQ 1 to the input handlers; bare metal only, once
     * with interrupts still disabled, when the interrupt machinery starts ({@link LateStart}: at the first read, or
     * earlier if the program sleeps or starts a thread first). An edge that a device raised while its line was still
     * masked is lost, so whatever arrived until now (a byte saved by {@link Serial#init} too) is moved to the ring
     * here.
     */
    public static void start() {
        InputRing ring = Input.RING; // the holder's initializer runs here, before a handler could need it
        Serial.enableReceiveInterrupt();
        Irq.register(SERIAL_IRQ, new SerialReceiveHandler());
        if (Ps2Keyboard.init(ring)) {
            Irq.register(KEYBOARD_IRQ, new KeyboardHandler());
        }
        Serial.receiveInto(ring);
        Ps2Keyboard.receiveInto(ring);
    }

    /** COM1's receive interrupt: the FIFO's bytes to the ring. */
    private static final class SerialReceiveHandler implements InterruptHandler {
        @Override
        public void handle(int vector) {
            Serial.receiveInto(Input.RING);
            Input.ARRIVED.signal();
        }
    }

    /** The 8042's keyboard interrupt: decoded keys to the ring. */
    private static final class KeyboardHandler implements InterruptHandler {
        @Override
        public void handle(int vector) {
            Ps2Keyboard.receiveInto(Input.RING);
            Input.ARRIVED.signal();
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
        LateStart.interrupts(); // which starts the input devices' interrupts, if nothing has yet
        while (!Input.DISCIPLINE.readable()) {
            int signalsSeen = Input.ARRIVED.count();
            int b = Input.RING.take();
            if (b >= 0) {
                Input.DISCIPLINE.accept(b);
            } else {
                Input.ARRIVED.await(signalsSeen);
            }
        }
        return Input.DISCIPLINE.read(into, offset, count);
    }

    /** Bytes of the current line that a read answers at once; on the hosted target, none known. */
    @Override
    public int available() {
        if (HostedLinux.isActive()) {
            return 0;
        }
        LateStart.interrupts();
        return Input.DISCIPLINE.available();
    }

    private static int readStandardInput(byte[] into, int offset, int count) throws IOException {
        while (true) {
            long n = HostedLinux.read(HostedLinux.STDIN, ObjectModel.elementAddress(into, offset), count);
            if (n >= 0) {
                return n == 0 ? -1 : (int) n;
            }
            if (n != -HostedLinux.EINTR) {
                throw new IOException("read(2) from standard input failed with errno " + -n);
            }
        }
    }
}
