package dev.kiln.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A test that runs past its {@code @Timeout}. {@code SEPARATE_THREAD} makes Jupiter on the JVM end it at the
 * deadline as kiln:test does in the guest (in its default {@code SAME_THREAD} mode Jupiter would wait for it to
 * return); both interrupt it, which is what makes it stop. The bound on the loop only keeps a JVM that did not
 * interrupt it from spinning for ever.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeoutTest {
    @Test
    @Order(1)
    @Timeout(value = 1, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void spinsUntilInterrupted() {
        long giveUp = System.nanoTime() + 60_000_000_000L;
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < giveUp) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(2)
    void runsAfterTheTimeout() {
        assertEquals(6, Math.multiplyExact(2, 3));
    }
}
