package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * COM1, a 16550-compatible UART: the kernel's console until there is a screen driver. Output is polled;
 * received bytes go to the {@link InputRing} of {@link ConsoleInput}. QEMU's {@code -serial stdio} connects
 * it to QEMU's standard input and output.
 *
 * <pre>
 * port 0x3F8 + offset   DLAB=0 read / write           DLAB=1
 *   +0                  RBR receive / THR transmit    DLL divisor low byte
 *   +1                  IER interrupt enable: bit 0   DLM divisor high byte
 *                       received data available
 *   +2                  IIR interrupt id / FCR FIFO control
 *   +3                  LCR line control: bit 7 DLAB, bits 1..0 word length (11 = 8 bits),
 *                       bit 2 stop bits (0 = 1), bits 5..3 parity (000 = none)
 *   +4                  MCR modem control: bit 0 DTR, bit 1 RTS, bit 3 OUT2 (gates the IRQ line)
 *   +5                  LSR line status: bit 0 DR (a received byte waits in RBR), bit 5 THRE (transmit
 *                       holding register empty)
 * </pre>
 * Baud rate = 115200 / divisor.
 */
public final class Serial {
    private static final int COM1 = 0x3F8;
    private static final int THR = 0, RBR = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5;
    private static final int LCR_DLAB = 0x80, LCR_8N1 = 0x03;
    /** Enable, clear the transmit FIFO, 14-byte trigger. Not the receive FIFO: typed bytes may wait there. */
    private static final int FCR_ENABLE_CLEAR_TRANSMIT_14 = 0xC5;
    private static final int MCR_DTR_RTS = 0x03;          // OUT2 off: no interrupts until input is enabled
    private static final int MCR_DTR_RTS_OUT2 = 0x0B;     // OUT2 on: the UART drives IRQ 4
    private static final int IER_RECEIVED_DATA = 0x01;
    private static final int LSR_DATA_READY = 0x01, LSR_THRE = 0x20;
    /** What reading a port without a device answers: no UART. */
    private static final int ABSENT = 0xFF;

    private static boolean initialized;
    /**
     * A byte that arrived before {@link #init} turned the FIFOs on, or -1. Turning them on empties them (the
     * 16550's FCR bit 0 resets both FIFOs when it changes), so init saves the one byte a UART in its reset
     * state (no FIFO) can hold; the sender's flow control holds back the rest. {@link #receiveInto} hands it on.
     * A byte that arrives between that read and the FCR write, one instruction later, is still lost: a
     * program that wants all input announces itself first (a prompt), as a terminal user waits for one.
     */
    private static int receivedBeforeInit = -1;
    /** Hosted target: bytes waiting for a write(2) to standard output; flushed at '\n', when full and at exit. */
    private static byte[] hostedBuffer;
    private static int hostedCount;

    private Serial() {}

    /**
     * Programs 115200 baud 8N1 with FIFOs, the first time only, so any first writer may call it. Never again:
     * it would turn the receive interrupt off, and while DLAB is set an interrupt handler reading offset 0 would
     * read the divisor instead of a received byte.
     */
    public static void init() {
        if (initialized || HostedLinux.isActive()) {
            return; // standard output needs no setup
        }
        int status = Intrinsics.inb(COM1 + LSR);
        if ((status & LSR_DATA_READY) != 0 && status != ABSENT) {
            receivedBeforeInit = Intrinsics.inb(COM1 + RBR); // before DLAB is set: then offset 0 is DLL
        }
        // At once, so that the sender has no time for a second byte that turning the FIFO on would discard.
        Intrinsics.outb(COM1 + FCR, FCR_ENABLE_CLEAR_TRANSMIT_14);
        Intrinsics.outb(COM1 + IER, 0);
        Intrinsics.outb(COM1 + LCR, LCR_DLAB);
        Intrinsics.outb(COM1 + THR, 1); // DLL: divisor 1 = 115200 baud
        Intrinsics.outb(COM1 + IER, 0); // DLM
        Intrinsics.outb(COM1 + LCR, LCR_8N1);
        Intrinsics.outb(COM1 + MCR, MCR_DTR_RTS);
        initialized = true;
    }

    /**
     * Lets the UART raise IRQ 4 whenever a received byte waits (16550 datasheet: IER bit 0, and MCR OUT2, which
     * on a PC connects the UART's interrupt output to the ISA line). Transmission stays polled.
     */
    static void enableReceiveInterrupt() {
        Intrinsics.outb(COM1 + MCR, MCR_DTR_RTS_OUT2);
        Intrinsics.outb(COM1 + IER, IER_RECEIVED_DATA);
    }

    /**
     * Moves every received byte from the UART to {@code ring}. Allocates nothing: the body of the IRQ 4
     * handler, which must empty the FIFO (the UART raises its interrupt again only for new data).
     */
    static void receiveInto(InputRing ring) {
        if (receivedBeforeInit >= 0) {
            ring.put(receivedBeforeInit);
            receivedBeforeInit = -1;
        }
        int status;
        while (((status = Intrinsics.inb(COM1 + LSR)) & LSR_DATA_READY) != 0 && status != ABSENT) {
            ring.put(Intrinsics.inb(COM1 + RBR));
        }
    }

    /** Sends one byte, waiting until the transmitter can take it. A missing UART reads 0xFF, so this never hangs. */
    public static void write(int b) {
        if (HostedLinux.isActive()) {
            writeHosted(b);
            return;
        }
        if (!initialized) {
            init();
        }
        while ((Intrinsics.inb(COM1 + LSR) & LSR_THRE) == 0) {
            // spin: at 115200 baud a byte leaves in ~87 us
        }
        Intrinsics.outb(COM1 + THR, b & 0xFF);
    }

    private static void writeHosted(int b) {
        if (hostedBuffer == null) {
            hostedBuffer = new byte[4096];
        }
        hostedBuffer[hostedCount++] = (byte) b;
        if (b == '\n' || hostedCount == hostedBuffer.length) {
            flushHosted();
        }
    }

    /** Hosted target: hands the buffered bytes to the host; on bare metal nothing is buffered. */
    static void flushHosted() {
        int written = 0;
        while (written < hostedCount) {
            long n = HostedLinux.write(HostedLinux.STDOUT,
                    ObjectModel.elementAddress(hostedBuffer, written), hostedCount - written);
            if (n == -HostedLinux.EINTR) {
                continue; // the timer signal came first (SA_RESTART does not cover every kind of file)
            }
            if (n <= 0) {
                break; // the host closed standard output: nothing else to do with the bytes
            }
            written += (int) n;
        }
        hostedCount = 0;
    }

    /**
     * Writes the low byte of each char, allocating nothing: for the runtime's last words (out of memory,
     * halting), when {@code System.out} may be unusable. Meant for ASCII literals.
     */
    public static void writeAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    /** Writes {@code value} in decimal, allocating nothing. */
    public static void writeDecimal(long value) {
        if (value < 0) {
            write('-');
        } else {
            value = -value; // work on the negative side, which also holds Long.MIN_VALUE
        }
        long divisor = 1;
        while (value / divisor <= -10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            write((int) ('0' - value / divisor));
            value %= divisor;
        }
    }
}
