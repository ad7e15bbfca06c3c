package kiln.bench;

import kiln.kernel.interrupts.EndOfInterrupt;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.LocalApic;
import kiln.kernel.time.Clock;

/**
 * Interrupts: the round trip of a self-IPI — the write to the local APIC's command register, the CPU taking the
 * interrupt, the entry stub, the Java dispatcher and handler, the EOI, IRETQ — timed with the guest's clock
 * over batches of 10,000 and given in TSC cycles (median and best batch). Kiln's guest only: it runs in QEMU.
 */
public class InterruptLatency {
    private static final int VECTOR = 0x81;
    private static final int BATCH = 10_000;
    private static final int BATCHES = 15;
    static long handled;

    static final class Count implements InterruptHandler {
        @Override
        public void handle(int vector) {
            handled++;
        }
    }

    public static void main(String[] args) {
        Interrupts.register(VECTOR, new EndOfInterrupt(new Count()));
        long[] cycles = new long[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < BATCH; i++) {
                LocalApic.sendSelf(VECTOR);
            }
            long nanos = System.nanoTime() - start;
            cycles[b] = nanos * (Clock.tscHz() / 1000) / 1_000_000 / BATCH;
        }
        java.util.Arrays.sort(cycles);
        if (handled != (long) BATCH * BATCHES) {
            throw new IllegalStateException("sent " + BATCH * BATCHES + " interrupts, handled " + handled);
        }
        System.out.println("self-IPI -> Java handler -> return: median " + cycles[BATCHES / 2] + " cycles, best "
                + cycles[0] + " (TSC " + Clock.tscHz() / 1_000_000 + " MHz, " + BATCHES + " batches of " + BATCH + ")");
    }
}
