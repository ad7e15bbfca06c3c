package kiln.kernel.interrupts;

/**
 * Brings up the interrupt controllers, on first need rather than at boot ({@code kiln.kernel.boot.LateStart}): the
 * 8259 PICs remapped and masked, this CPU's local APIC enabled, every I/O APIC input masked until
 * {@link Irq#register} routes it, and the deferred-work ring allocated. After this, and once the IDT is loaded,
 * interrupts may be enabled.
 *
 * <p>Vectors the controllers use (see also {@link Irq}, {@code kiln.kernel.time.Timer}):
 * <pre>
 * 0x20..0x2F  the 8259s after remapping (masked; nothing arrives there)
 * 0x30..0x6F  I/O APIC global system interrupts 0..63 (Irq)
 * 0xF0        local APIC timer
 * 0xFF        local APIC spurious interrupt (no EOI, SDM Vol. 3A §11.9)
 * </pre>
 */
public final class InterruptControllers {
    private InterruptControllers() {}

    /**
     * A spurious interrupt only means that an interrupt was withdrawn while the APIC delivered it: nothing to do,
     * and no EOI (SDM Vol. 3A §11.9). Registered so that the dispatcher does not report it as unexpected.
     */
    private static final class SpuriousInterrupt implements InterruptHandler {
        @Override
        public void handle(int vector) {
        }
    }

    /**
     * Once, with interrupts disabled, when the first user of interrupts needs them ({@code kiln.kernel.boot.LateStart},
     * which also starts the timer and enables interrupts).
     */
    public static void init() {
        Deferred.init();
        Madt.read();
        LegacyPic.remapAndMask();
        LocalApic.enable();
        IoApic.maskAll();
        Interrupts.register(LocalApic.SPURIOUS_VECTOR, new SpuriousInterrupt());
    }
}
