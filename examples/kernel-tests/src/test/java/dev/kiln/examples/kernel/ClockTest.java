package dev.kiln.examples.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CPU's time-stamp counter, behind {@code System.nanoTime}, moves forward and never back. */
class ClockTest {

    @Test
    void nanoTimeAdvancesWhileTheCpuWorks() {
        long previous = System.nanoTime();
        long sum = 0;
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < 1000; i++) {
                sum += i ^ round;
            }
            long now = System.nanoTime();
            assertTrue(now >= previous, "nanoTime went back from " + previous + " to " + now);
            previous = now;
        }
        assertTrue(sum > 0);
    }

    @Test
    void millisecondsFollowNanoseconds() {
        long startNanos = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        long sum = 0;
        for (int i = 0; i < 5_000_000; i++) {
            sum += i;
        }
        long elapsedNanos = System.nanoTime() - startNanos;
        long elapsedMillis = System.currentTimeMillis() - startMillis;
        assertTrue(sum > 0 && elapsedNanos > 0);
        assertTrue(elapsedMillis <= elapsedNanos / 1_000_000 + 1,
                elapsedMillis + " ms passed by currentTimeMillis but only " + elapsedNanos + " ns by nanoTime");
    }
}
