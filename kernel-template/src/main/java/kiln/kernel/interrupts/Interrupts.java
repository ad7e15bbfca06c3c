package kiln.kernel.interrupts;

import kiln.kernel.cpu.Faults;
import kiln.kernel.drivers.Serial;

/**
 * Which Java handler runs for which interrupt vector.
 *
 * <p>Vectors 0-31 are the CPU's exceptions (Intel SDM Vol. 3A §6.3.1, Table 6-1): they are handled by
 * {@code kiln.kernel.cpu.Faults} and cannot be registered. Vectors 32-255 are free for external and
 * inter-processor interrupts; each has at most one handler. The dispatcher calls it with interrupts disabled and
 * does nothing else — acknowledging the interrupt controller (EOI) is the registrant's job ({@code Irq} wraps
 * its handlers for that).
 *
 * <h2>An interrupt nobody registered</h2>
 * It is counted ({@link #unexpectedCount}) and ignored, and the first one of each vector is reported on the
 * console. A stray interrupt is a real event on real hardware — the local APIC's spurious vector, a PIC's
 * spurious IRQ 7/15, a device raising an unclaimed line — and not evidence of a broken kernel, so ending the
 * program for it would turn a harmless glitch into a crash. <i>Rejected</i>: a panic (see above), and silently
 * ignoring it (a driver that registered the wrong vector would then never learn why it gets nothing).
 */
public final class Interrupts {
    /** The first vector that is not a CPU exception. */
    public static final int FIRST_FREE_VECTOR = 32;
    private static final int VECTORS = 256;

    /** Indexed by vector; allocated at boot by {@link #init}, so that dispatching never allocates. */
    private static InterruptHandler[] handlers;
    private static long[] unexpected;

    private Interrupts() {}

    /** Once, at boot, before the IDT is loaded. */
    public static void init() {
        handlers = new InterruptHandler[VECTORS];
        unexpected = new long[VECTORS];
    }

    /**
     * Runs {@code handler} whenever {@code vector} fires.
     *
     * @throws IllegalArgumentException for a vector outside 0-255, a CPU exception vector (0-31), or a vector that
     *                                  already has a handler
     * @throws IllegalStateException    before {@link #init} (early in {@code Kernel.start})
     */
    public static void register(int vector, InterruptHandler handler) {
        if (handler == null) {
            throw new NullPointerException("handler");
        }
        if (handlers == null) {
            throw new IllegalStateException("Interrupts.register(" + vector + ", ...) before the kernel set up its"
                    + " interrupt tables; register from code that runs after Kernel.start's Interrupts.init");
        }
        if (vector < 0 || vector >= VECTORS) {
            throw new IllegalArgumentException("interrupt vector " + vector + " does not exist: x86 has vectors 0 to 255");
        }
        if (vector < FIRST_FREE_VECTOR) {
            throw new IllegalArgumentException("interrupt vector " + vector + " is reserved for the CPU exception '"
                    + Faults.name(vector) + "' (Intel SDM Vol. 3A §6.3.1), which the kernel handles itself;"
                    + " register a vector from 32 to 255");
        }
        if (handlers[vector] != null) {
            throw new IllegalArgumentException("interrupt vector " + vector + " already has a handler ("
                    + handlers[vector].getClass().getName() + "); each vector has one handler, pick a free one");
        }
        handlers[vector] = handler;
    }

    /** How often {@code vector} fired without a handler. */
    public static long unexpectedCount(int vector) {
        return unexpected[vector];
    }

    /** Runs the handler of external or software interrupt {@code vector} (32-255). */
    static void dispatch(int vector) {
        InterruptHandler handler = handlers[vector];
        if (handler != null) {
            handler.handle(vector);
            return;
        }
        if (unexpected[vector]++ == 0) {
            Serial.writeAscii("kiln: interrupt vector ");
            Serial.writeDecimal(vector);
            Serial.writeAscii(" has no handler; ignored (counted in Interrupts.unexpectedCount)\n");
        }
    }
}
