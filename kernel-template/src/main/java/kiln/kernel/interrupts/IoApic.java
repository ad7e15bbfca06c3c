package kiln.kernel.interrupts;

import kiln.runtime.Intrinsics;

/**
 * The I/O APICs, which turn device interrupt lines (global system interrupts, GSIs) into messages to a local
 * APIC. Each is two memory-mapped registers, an index and a window onto the register it selects
 * (Intel 82093AA I/O APIC data sheet §3.0):
 *
 * <pre>
 * base + 0x00  IOREGSEL  index of the register to reach
 * base + 0x10  IOWIN     that register
 * index 0x01   IOAPICVER bits 23..16: number of redirection entries - 1
 * index 0x10 + 2n, 0x11 + 2n: redirection entry n (low, high dword), §3.2.4:
 *   63..56 destination (local APIC id, physical mode)
 *       16 mask (1 = masked)
 *       15 trigger mode (0 edge, 1 level)       13 polarity (0 active high, 1 active low)
 *    10..8 delivery mode (000 fixed)            11 destination mode (0 physical)
 *     7..0 vector
 * </pre>
 * At boot every entry is masked; {@link Irq#register} unmasks the one it routes.
 */
final class IoApic {
    private static final int IOREGSEL = 0x00, IOWIN = 0x10;
    private static final int IOAPICVER = 0x01, REDIRECTION_TABLE = 0x10;
    private static final long MASKED = 1L << 16, LEVEL_TRIGGERED = 1L << 15, ACTIVE_LOW = 1L << 13;
    private static final int DESTINATION_SHIFT = 56;

    private IoApic() {}

    /** Masks every redirection entry of every I/O APIC. */
    static void maskAll() {
        for (int i = 0; i < Madt.ioApicCount(); i++) {
            long base = Madt.ioApicAddress(i);
            for (int entry = 0; entry < entryCount(base); entry++) {
                writeEntry(base, entry, MASKED);
            }
        }
    }

    /**
     * Routes {@code gsi} to {@code vector} on the local APIC {@code apicId}, with the trigger mode and
     * polarity of the MPS INTI {@code flags}, and unmasks it.
     *
     * @throws IllegalArgumentException if no I/O APIC has that input
     */
    static void route(int gsi, int vector, int flags, int apicId) {
        for (int i = 0; i < Madt.ioApicCount(); i++) {
            long base = Madt.ioApicAddress(i);
            int input = gsi - Madt.ioApicFirstGsi(i);
            if (input >= 0 && input < entryCount(base)) {
                long entry = vector
                        | ((flags & Madt.TRIGGER_MASK) == Madt.TRIGGER_LEVEL ? LEVEL_TRIGGERED : 0)
                        | ((flags & Madt.POLARITY_MASK) == Madt.POLARITY_LOW ? ACTIVE_LOW : 0)
                        | (long) apicId << DESTINATION_SHIFT;
                writeEntry(base, input, entry);
                return;
            }
        }
        throw new IllegalArgumentException("no I/O APIC has global system interrupt " + gsi);
    }

    private static int entryCount(long base) {
        return ((read(base, IOAPICVER) >>> 16) & 0xFF) + 1;
    }

    /** Masks the entry, then writes the high dword and the low one, so it is never live half-written. */
    private static void writeEntry(long base, int entry, long value) {
        write(base, REDIRECTION_TABLE + 2 * entry, (int) MASKED);
        write(base, REDIRECTION_TABLE + 2 * entry + 1, (int) (value >>> 32));
        write(base, REDIRECTION_TABLE + 2 * entry, (int) value);
    }

    private static int read(long base, int register) {
        Intrinsics.writeInt(base + IOREGSEL, register);
        return Intrinsics.readInt(base + IOWIN);
    }

    private static void write(long base, int register, int value) {
        Intrinsics.writeInt(base + IOREGSEL, register);
        Intrinsics.writeInt(base + IOWIN, value);
    }
}
