package kiln.kernel.time;

import kiln.runtime.Intrinsics;

/**
 * The 8254 programmable interval timer, used once at boot as the reference clock: its input runs at a fixed,
 * known {@link #FREQUENCY_HZ} on every PC, while the TSC's and the APIC timer's rates differ from machine to
 * machine. Channel 2 is used, polled, because its gate and output are reachable through port 0x61 and it needs
 * no interrupt; it counts down from {@link #MAX_COUNT} while {@link Clock} reads the count (Intel 82C54 data
 * sheet, "Mode 0: interrupt on terminal count", "Counter latch command"; the port 0x61 bits are the PC
 * convention):
 *
 * <pre>
 * port 0x43 control word: 7..6 channel (10 = 2) | 5..4 access (11 = low byte, then high byte;
 *                         00 = latch the count for reading) | 3..1 mode (000 = mode 0) | 0 BCD (0 = binary)
 *                         → 0xB0 starts mode 0, 0x80 latches the count
 * port 0x42 channel 2 count (low byte, then high byte); in mode 0 OUT falls when the control word is written
 *           and rises when the count, started by writing it, reaches 0
 * port 0x61 bit 0: channel 2 gate (1 = counting) | bit 1: speaker data (0 = silent) | bit 5 (read): channel 2 OUT
 * </pre>
 */
final class Pit {
    /** The 8254's input clock: 14.31818 MHz (the NTSC color burst times 4) divided by 12. */
    static final long FREQUENCY_HZ = 1_193_182;
    /** The largest count of a 16-bit channel, about 54.9 ms. */
    static final int MAX_COUNT = 0xFFFF;
    private static final int CONTROL = 0x43, CHANNEL_2 = 0x42, PORT_B = 0x61;
    private static final int CHANNEL_2_MODE_0_BINARY = 0xB0, CHANNEL_2_LATCH = 0x80;
    private static final int GATE_2 = 0x01, SPEAKER_DATA = 0x02, OUT_2 = 0x20;

    private Pit() {}

    /**
     * Starts channel 2 counting down {@code count} (1..{@link #MAX_COUNT}) input clocks and returns at once;
     * {@link #countDone} turns true when they have passed.
     */
    static void startCountdown(int count) {
        Intrinsics.outb(PORT_B, (Intrinsics.inb(PORT_B) & ~SPEAKER_DATA) | GATE_2);
        Intrinsics.outb(CONTROL, CHANNEL_2_MODE_0_BINARY);
        Intrinsics.outb(CHANNEL_2, count & 0xFF);
        Intrinsics.outb(CHANNEL_2, count >>> 8);
    }

    /** True once the countdown that {@link #startCountdown} started has reached 0. */
    static boolean countDone() {
        return (Intrinsics.inb(PORT_B) & OUT_2) != 0;
    }

    /** Channel 2's current count, latched so that both bytes belong to the same moment. */
    static int count() {
        Intrinsics.outb(CONTROL, CHANNEL_2_LATCH);
        int low = Intrinsics.inb(CHANNEL_2);
        return low | Intrinsics.inb(CHANNEL_2) << 8;
    }
}
