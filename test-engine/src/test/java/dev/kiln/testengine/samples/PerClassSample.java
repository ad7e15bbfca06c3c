package dev.kiln.testengine.samples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input of the engine's tests: one instance for the class and for every nested test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class PerClassSample {
    private int counter;

    @BeforeAll
    void start() {
        counter = 100;
    }

    @Test
    void first() {
        counter++;
    }

    @Test
    void second() {
        counter++;
    }

    @Nested
    class Later {
        @Test
        void seesBothIncrements() {
            assertEquals(102, counter);
        }
    }
}
