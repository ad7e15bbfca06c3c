package dev.kiln.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One test of each outcome: passed, failed, error, skipped by an assumption, disabled. */
class CalculatorTest {
    private int calls;

    @BeforeEach
    void start() {
        calls = 1;
    }

    @AfterEach
    void finish() {
        System.out.println("after each: calls = " + calls);
    }

    @Test
    void addsSmallNumbers() {
        assertEquals(5, Calculator.add(2, 3));
        assertEquals(1, calls);
    }

    @Test
    @DisplayName("multiplies 6 by 7")
    void multiplies() {
        System.out.println("multiplying 6 by 7");
        assertEquals(42, Calculator.multiply(6, 7), "6 * 7");
    }

    @Test
    void divisionByZeroIsAnError() {
        System.out.println("dividing by zero without a net");
        Calculator.divide(1, 0);
    }

    @Test
    void divisionByZeroThrows() {
        assertThrows(ArithmeticException.class, () -> Calculator.divide(1, 0));
    }

    @Test
    void onlyOnMondays() {
        assumeTrue(calls == 2, "not today");
        assertTrue(false, "never reached");
    }

    @Test
    @Disabled("waiting for a faster multiplier")
    void disabledTest() {
        assertTrue(false, "a disabled test never runs");
    }

    @Test
    @Tag("slow")
    void taggedSlow() {
        int sum = 0;
        for (int i = 1; i <= 1000; i++) {
            sum = Calculator.add(sum, i);
        }
        assertEquals(500500, sum);
    }
}
