package dev.kiln.it;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalculatorTest {
    @Test
    void addsTwo() {
        assertEquals(4, 2 + 2);
    }

    @Test
    @Tag("slow")
    void addsSlowly() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void failsButIsNotSelected() {
        assertEquals(5, 2 + 2);
    }
}
