package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;

/**
 * The PS/2 keyboard behind the 8042 controller (IBM PC AT Technical Reference, "Keyboard controller"; the
 * same registers in every PC chipset and in QEMU's {@code i8042}). Scancodes arrive translated to set 1 and
 * are decoded by {@link ScancodeSet1} into bytes for the {@link InputRing}.
 *
 * <pre>
 * port 0x60  data: read a byte from the keyboard (or mouse); write a command's parameter
 * port 0x64  read: status   bit 0 OBF output buffer full (a byte waits at 0x60)
 *                           bit 1 IBF input buffer full (the controller has not taken the last write yet)
 *                           bit 5 AUX the waiting byte is from the mouse (port 2)
 *            write: command 0x20 read the configuration byte, 0x60 write it (parameter at port 0x60),
 *                   0xAD disable port 1 (sets configuration bit 4: the keyboard holds what is typed)
 * configuration byte:  bit 0 port 1 (keyboard) interrupt on IRQ 1   bit 4 port 1 clock disabled
 *                      bit 6 translate scancodes to set 1
 * </pre>
 * The firmware (SeaBIOS, OVMF's CSM-less PS/2 driver) leaves the keyboard enabled and reset; this driver only
 * sets the configuration bits it relies on. It starts when the kernel's interrupts do (kiln.kernel.boot.LateStart),
 * possibly while someone types: so the keyboard port is disabled first (the keyboard then holds new keys), the
 * bytes already waiting are decoded into the ring rather than dropped, and only then is the configuration byte
 * read, which no key byte can be mistaken for any more; writing it back re-enables the port. A machine without the controller reads 0xFF from port 0x64, and
 * the driver then stays off.
 */
final class Ps2Keyboard {
    private static final int DATA = 0x60, STATUS = 0x64, COMMAND = 0x64;
    private static final int STATUS_OUTPUT_FULL = 0x01, STATUS_INPUT_FULL = 0x02, STATUS_FROM_MOUSE = 0x20;
    private static final int READ_CONFIGURATION = 0x20, WRITE_CONFIGURATION = 0x60, DISABLE_KEYBOARD = 0xAD;
    private static final int CONFIG_KEYBOARD_INTERRUPT = 0x01, CONFIG_KEYBOARD_CLOCK_OFF = 0x10, CONFIG_TRANSLATE = 0x40;
    private static final int ABSENT = 0xFF;
    /** Status polls before a controller that does not answer is given up: far more than the microseconds it takes. */
    private static final int PATIENCE = 100_000;

    private static final ScancodeSet1 DECODER = new ScancodeSet1();
    private static boolean present;

    private Ps2Keyboard() {}

    /**
     * Turns on translation to set 1, the keyboard clock and the keyboard's interrupt (IRQ 1). Keys the keyboard
     * sent before are decoded into {@code ring} (see the class comment). False if there is no controller, or it
     * does not answer.
     */
    static boolean init(InputRing ring) {
        if (Intrinsics.inb(STATUS) == ABSENT) {
            return false;
        }
        if (!sendCommand(DISABLE_KEYBOARD) || !awaitStatus(STATUS_INPUT_FULL, 0)) {
            return false;
        }
        decodeWaiting(ring);
        if (!sendCommand(READ_CONFIGURATION) || !awaitStatus(STATUS_OUTPUT_FULL, STATUS_OUTPUT_FULL)) {
            return false;
        }
        int configuration = Intrinsics.inb(DATA);
        configuration |= CONFIG_TRANSLATE | CONFIG_KEYBOARD_INTERRUPT;
        configuration &= ~CONFIG_KEYBOARD_CLOCK_OFF;
        if (!sendCommand(WRITE_CONFIGURATION) || !awaitStatus(STATUS_INPUT_FULL, 0)) {
            return false;
        }
        Intrinsics.outb(DATA, configuration);
        present = true;
        return true;
    }

    /** Decodes every byte the controller holds into {@code ring}. Allocates nothing: the IRQ 1 handler's body. */
    static void receiveInto(InputRing ring) {
        if (present) {
            decodeWaiting(ring);
        }
    }

    /** Decodes what the controller holds into {@code ring}, at most {@link #PATIENCE} bytes (a stuck controller). */
    private static void decodeWaiting(InputRing ring) {
        int status;
        for (int i = 0; i < PATIENCE && ((status = Intrinsics.inb(STATUS)) & STATUS_OUTPUT_FULL) != 0; i++) {
            int data = Intrinsics.inb(DATA);
            if ((status & STATUS_FROM_MOUSE) != 0) {
                continue;
            }
            int typed = DECODER.decode(data);
            if (typed != ScancodeSet1.NONE) {
                ring.put(typed);
            }
        }
    }

    private static boolean sendCommand(int command) {
        if (!awaitStatus(STATUS_INPUT_FULL, 0)) {
            return false;
        }
        Intrinsics.outb(COMMAND, command);
        return true;
    }

    /** Polls until {@code (status & mask) == expected}; false if the controller never gets there. */
    private static boolean awaitStatus(int mask, int expected) {
        for (int i = 0; i < PATIENCE; i++) {
            if ((Intrinsics.inb(STATUS) & mask) == expected) {
                return true;
            }
        }
        return false;
    }
}
