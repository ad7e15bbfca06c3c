package dev.kiln.it;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Four tests end badly in ways that used to end the whole run (two hang, two fault); the tests after them must
 * still run and pass, while the spinning one, abandoned, is still being preempted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolationTest {
    static volatile boolean forever = true;
    static int zero;
    static int[] noArray;

    /** A loop without calls: only timer preemption can take the CPU back from it. */
    @Test
    @Order(1)
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void spinsPastItsTimeout() {
        System.out.println("spinning");
        long spins = 0;
        while (forever) {
            spins++;
        }
        System.out.println(spins);
    }

    @Test
    @Order(2)
    void passesWhileTheSpinnerIsPreempted() {
        assertEquals(4, 2 + 2);
    }

    /** No {@code @Timeout}: the run's per-test timeout (testTimeout, 3 s here) ends it. */
    @Test
    @Order(3)
    void sleepsPastTheTestTimeout() throws InterruptedException {
        Thread.sleep(3_600_000);
    }

    /**
     * Reading the length of a null array: the compiler emits no null check, the read faults on page 0, and the
     * kernel's page-fault handler turns the fault into a NullPointerException (docs/abi.md "Faults").
     */
    @Test
    @Order(4)
    void dereferencesNull() {
        System.out.println(noArray.length);
    }

    /** {@code idiv} by zero, with no test before it: the CPU's #DE, which the kernel turns into an ArithmeticException. */
    @Test
    @Order(5)
    void dividesByZero() {
        System.out.println(10 / zero);
    }

    @Test
    @Order(6)
    void sleepsAndWakesBesideTheSpinner() throws InterruptedException {
        long before = System.nanoTime();
        Thread.sleep(100);
        assertTrue(System.nanoTime() - before >= 100_000_000L, "the sleep lasted its 100 ms");
    }
}
