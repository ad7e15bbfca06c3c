package kiln.test.time;

import kiln.kernel.interrupts.Deferred;
import kiln.kernel.interrupts.EndOfInterrupt;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.Irq;
import kiln.kernel.interrupts.LocalApic;
import kiln.kernel.interrupts.Madt;

/**
 * What the kernel learned from the firmware's MADT, then a handler registered on a free vector, raised by
 * self-IPIs: it counts and hands work to the deferred queue, which runs outside interrupt context when the
 * scheduler next switches or preempts, at the latest when main sleeps; last, ISA IRQ 0 through the I/O APIC.
 */
public class SelfInterrupts {
    static final int VECTOR = 0x80;
    static int handled;
    static int deferredRuns;
    static int pitInterrupts;

    /** The PIT's channel 0, which the BIOS left counting at 18.2 Hz, raises ISA IRQ 0. */
    static final class PitCounter implements InterruptHandler {
        @Override
        public void handle(int vector) {
            pitInterrupts++;
        }
    }

    static final class Counter implements InterruptHandler {
        private final Runnable task = () -> deferredRuns++;

        @Override
        public void handle(int vector) {
            handled++;
            Deferred.post(task);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("MADT from ACPI " + Madt.fromFirmware() + ", IRQ 0 at GSI " + Madt.gsiOf(0)
                + ", IRQ 1 at GSI " + Madt.gsiOf(1));
        Interrupts.register(VECTOR, new EndOfInterrupt(new Counter()));
        for (int i = 0; i < 10; i++) {
            LocalApic.sendSelf(VECTOR);
        }
        System.out.println("handled " + handled); // their work may have run already, if a tick preempted main
        Thread.sleep(1);
        System.out.println("deferred after sleep " + deferredRuns + ", dropped " + Deferred.dropped());
        Irq.register(0, new PitCounter());
        Thread.sleep(300);
        System.out.println("IRQ 0 interrupts in 300 ms: " + pitInterrupts);
    }
}
