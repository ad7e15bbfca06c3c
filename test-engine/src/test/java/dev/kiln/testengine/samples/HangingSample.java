package dev.kiln.testengine.samples;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Input of the engine's tests: a test that runs until it is interrupted, and tests after it that must still run. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class HangingSample {
    static int divisor;

    @Test
    @Order(1)
    void hangs() {
        while (!Thread.currentThread().isInterrupted()) {
            Thread.onSpinWait();
        }
    }

    @Test
    @Order(2)
    void dividesByZero() {
        System.out.println(1 / divisor);
    }

    @Test
    @Order(3)
    void passesAfterwards() {
        System.out.println("passesAfterwards");
    }
}
