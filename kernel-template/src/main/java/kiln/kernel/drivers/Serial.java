package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * COM1, a 16550-compatible UART: the kernel's console until there is a screen driver. Polled, no
 * interrupts. QEMU's {@code -serial stdio} turns it into the host's standard output.
 *
 * <pre>
 * port 0x3F8 + offset   DLAB=0 read / write           DLAB=1
 *   +0                  RBR receive / THR transmit    DLL divisor low byte
 *   +1                  IER interrupt enable          DLM divisor high byte
 *   +2                  IIR interrupt id / FCR FIFO control
 *   +3                  LCR line control: bit 7 DLAB, bits 1..0 word length (11 = 8 bits),
 *                       bit 2 stop bits (0 = 1), bits 5..3 parity (000 = none)
 *   +4                  MCR modem control: bit 0 DTR, bit 1 RTS, bit 3 OUT2 (gates the IRQ line)
 *   +5                  LSR line status: bit 5 THRE (transmit holding register empty)
 * </pre>
 * Baud rate = 115200 / divisor.
 */
public final class Serial {
    private static final int COM1 = 0x3F8;
    private static final int THR = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5;
    private static final int LCR_DLAB = 0x80, LCR_8N1 = 0x03;
    private static final int FCR_ENABLE_CLEAR_14 = 0xC7; // enable, clear both FIFOs, 14-byte trigger
    private static final int MCR_DTR_RTS = 0x03;          // OUT2 off: no interrupts wanted
    private static final int LSR_THRE = 0x20;

    private static boolean initialized;
    /** Hosted target: bytes waiting for a write(2) to standard output; flushed at '\n', when full and at exit. */
    private static byte[] hostedBuffer;
    private static int hostedCount;

    private Serial() {}

    /** Programs 115200 baud 8N1 with FIFOs. Idempotent, so any first writer may call it. */
    public static void init() {
        if (HostedLinux.isActive()) {
            return; // standard output needs no setup
        }
        Intrinsics.outb(COM1 + IER, 0);
        Intrinsics.outb(COM1 + LCR, LCR_DLAB);
        Intrinsics.outb(COM1 + THR, 1); // DLL: divisor 1 = 115200 baud
        Intrinsics.outb(COM1 + IER, 0); // DLM
        Intrinsics.outb(COM1 + LCR, LCR_8N1);
        Intrinsics.outb(COM1 + FCR, FCR_ENABLE_CLEAR_14);
        Intrinsics.outb(COM1 + MCR, MCR_DTR_RTS);
        initialized = true;
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
