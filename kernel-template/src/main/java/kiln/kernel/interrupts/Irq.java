package kiln.kernel.interrupts;

import kiln.kernel.boot.LateStart;

/**
 * Handlers for the 16 ISA interrupt lines (keyboard IRQ 1, COM1 IRQ 4, ...), delivered through the I/O APIC.
 *
 * <pre>
 * ISA IRQ ──(MADT source overrides: IRQ 0 → GSI 2 on QEMU)──> GSI ──(I/O APIC redirection entry)──> vector
 *         vector = {@link #FIRST_VECTOR} + GSI   ──> {@link Interrupts} dispatch ──> handler, then EOI
 * </pre>
 * One vector per GSI, fixed, so a vector names its line in a panic report and no allocator of vectors is
 * needed: GSIs 0..23 (a PC's first I/O APIC) take vectors 0x30..0x47, above the 8259s' remapped range
 * ({@link LegacyPic#VECTOR_BASE}) and below the timer and spurious vectors at the top. Edge or level trigger
 * and polarity come from the override's flags; the interrupt goes to this CPU, in physical destination mode.
 * <i>Rejected</i>: allocating vectors on demand (Linux's vector matrix) — it pays off with hundreds of MSI
 * vectors and several CPUs, neither of which Kiln has yet, and a fixed map needs no state.
 */
public final class Irq {
    /** The vector of GSI 0. */
    public static final int FIRST_VECTOR = 0x30;
    /** The last vector given to a GSI: 0x30 + 63, still below the timer's priority class. */
    private static final int LAST_VECTOR = 0x6F;

    private Irq() {}

    /**
     * Routes ISA IRQ {@code irq} to {@code handler}: registers it, wrapped so that the local APIC gets its
     * end-of-interrupt after it returns, on the IRQ's vector, and unmasks the line in the I/O APIC. Call it
     * outside interrupt context; the handler obeys the handler rules ({@link InterruptHandler}).
     *
     * @throws IllegalArgumentException if {@code irq} is not 0..15, or its line has no vector or I/O APIC input
     */
    public static void register(int irq, InterruptHandler handler) {
        LateStart.interrupts(); // the controllers, unless already up
        if (irq < 0 || irq >= Madt.ISA_IRQS) {
            throw new IllegalArgumentException("IRQ " + irq + " is not an ISA IRQ (0..15); register other vectors"
                    + " with Interrupts.register");
        }
        int gsi = Madt.gsiOf(irq);
        if (gsi < 0 || FIRST_VECTOR + gsi > LAST_VECTOR) {
            throw new IllegalArgumentException("IRQ " + irq + " arrives at global system interrupt " + gsi
                    + ", beyond the " + (LAST_VECTOR - FIRST_VECTOR + 1) + " that Irq gives vectors to");
        }
        int vector = FIRST_VECTOR + gsi;
        Interrupts.register(vector, new EndOfInterrupt(handler));
        IoApic.route(gsi, vector, Madt.flagsOf(irq), LocalApic.id());
    }
}
