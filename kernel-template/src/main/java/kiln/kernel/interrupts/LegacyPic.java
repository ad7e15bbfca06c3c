package kiln.kernel.interrupts;

import kiln.runtime.Intrinsics;

/**
 * The two cascaded 8259A programmable interrupt controllers of the PC, put out of the way: Kiln takes
 * interrupts through the I/O APIC, but the PICs are still there after boot, with their vectors at 0x08..0x0F
 * where the CPU's exceptions are. They are initialized again with their vectors moved to
 * {@link #VECTOR_BASE}..+15 (so that a spurious IRQ 7 or 15, which an 8259 can raise even while masked,
 * cannot pose as a double fault or a page fault) and then every input is masked.
 *
 * <pre>
 * ports: master 0x20 command / 0x21 data, slave 0xA0 command / 0xA1 data
 * ICW1 (command port): 0x11 = bit 4 "initialize" + bit 0 "ICW4 follows" (edge-triggered, cascaded)
 * ICW2 (data port):    vector of input 0 (bits 2..0 must be 0)
 * ICW3 (data port):    master: bit mask of the input the slave hangs on (IR2 = 0x04); slave: its id (2)
 * ICW4 (data port):    0x01 = 8086 mode
 * OCW1 (data port):    interrupt mask, bit n masks input n
 * </pre>
 * (Intel 8259A data sheet, "Initialization command words".)
 */
public final class LegacyPic {
    /** The vectors the remapped PICs would use; the kernel reserves them. */
    public static final int VECTOR_BASE = 0x20;
    private static final int MASTER_COMMAND = 0x20, MASTER_DATA = 0x21, SLAVE_COMMAND = 0xA0, SLAVE_DATA = 0xA1;
    private static final int ICW1_INIT_WITH_ICW4 = 0x11;
    private static final int CASCADE_INPUT_MASK = 1 << 2, SLAVE_ID = 2;
    private static final int ICW4_8086 = 0x01;
    private static final int ALL_MASKED = 0xFF;

    private LegacyPic() {}

    /** Remaps both PICs to {@link #VECTOR_BASE} and masks all 16 inputs. */
    static void remapAndMask() {
        Intrinsics.outb(MASTER_COMMAND, ICW1_INIT_WITH_ICW4);
        Intrinsics.outb(SLAVE_COMMAND, ICW1_INIT_WITH_ICW4);
        Intrinsics.outb(MASTER_DATA, VECTOR_BASE);
        Intrinsics.outb(SLAVE_DATA, VECTOR_BASE + 8);
        Intrinsics.outb(MASTER_DATA, CASCADE_INPUT_MASK);
        Intrinsics.outb(SLAVE_DATA, SLAVE_ID);
        Intrinsics.outb(MASTER_DATA, ICW4_8086);
        Intrinsics.outb(SLAVE_DATA, ICW4_8086);
        Intrinsics.outb(MASTER_DATA, ALL_MASKED);
        Intrinsics.outb(SLAVE_DATA, ALL_MASKED);
    }
}
