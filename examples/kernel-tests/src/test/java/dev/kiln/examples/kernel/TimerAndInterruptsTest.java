package dev.kiln.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.kernel.interrupts.EndOfInterrupt;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.LocalApic;
import kiln.kernel.time.Clock;
import kiln.kernel.time.Timer;
import org.junit.jupiter.api.Test;

/**
 * The local APIC's timer and interrupt delivery to a handler written in Java: ticks arrive while the test
 * computes and while it sleeps, and a self-interrupt reaches a handler registered from the test.
 */
class TimerAndInterruptsTest {
    private static final int TEST_VECTOR = 0x90;
    private static volatile int delivered;

    /** Counts its interrupts; allocates nothing, as the compiler checks for every handler. */
    static final class Counter implements InterruptHandler {
        @Override
        public void handle(int vector) {
            if (vector == TEST_VECTOR) {
                delivered++;
            }
        }
    }

    @Test
    void ticksAdvanceWhileMainComputes() {
        // Computes (never sleeps) until five ticks have arrived. The deadline only stops a guest whose timer is
        // dead: a loaded host may deliver the ticks of a short window late or coalesced, so no rate is asserted.
        long before = Timer.ticks();
        long end = System.nanoTime() + 20_000_000_000L;
        long sum = 0;
        while (Timer.ticks() - before < 5 && System.nanoTime() < end) {
            sum++;
        }
        assertTrue(sum > 0);
        long ticks = Timer.ticks() - before;
        assertTrue(ticks >= 5, ticks + " ticks in 20 s of computing at " + Timer.TICKS_PER_SECOND + " Hz");
    }

    @Test
    void ticksAdvanceWhileMainSleeps() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(200);
        long slept = System.nanoTime() - start;
        assertTrue(slept >= 200_000_000L, "slept only " + slept + " ns");
        // Sleeps until five more ticks have arrived, as its sibling computes: a loaded host delivers the ticks of
        // one short window late or coalesced, so no rate is asserted; the cap only stops a guest whose timer died.
        long before = Timer.ticks();
        long end = System.nanoTime() + 20_000_000_000L;
        while (Timer.ticks() - before < 5 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        long ticks = Timer.ticks() - before;
        assertTrue(ticks >= 5, ticks + " ticks in 20 s of sleeping at " + Timer.TICKS_PER_SECOND + " Hz");
    }

    @Test
    void theClocksWereCalibrated() {
        assertTrue(Clock.tscHz() > 100_000_000L, "TSC at " + Clock.tscHz() + " Hz");
        assertTrue(Timer.apicTimerHz() > 0, "APIC timer at " + Timer.apicTimerHz() + " Hz");
    }

    @Test
    void aSelfInterruptReachesAJavaHandler() {
        Interrupts.register(TEST_VECTOR, new EndOfInterrupt(new Counter()));
        for (int i = 1; i <= 3; i++) {
            LocalApic.sendSelf(TEST_VECTOR);
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (delivered < i && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(i, delivered);
        }
    }

    @Test
    void cpuExceptionVectorsAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Interrupts.register(14, new Counter()));
        assertTrue(refused.getMessage().contains("14"), refused.getMessage());
    }
}
