package dev.kiln.testengine.samples;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input of the engine's tests: a failing {@code @BeforeAll} fails every test of the class. */
public class BrokenBeforeAllSample {
    @BeforeAll
    static void start() {
        throw new IllegalStateException("no database");
    }

    @Test
    void one() {
    }

    @Test
    void two() {
    }
}
