package dev.kiln.testengine.samples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input of the engine's tests: a failing {@code @BeforeAll} fails the class, and {@code @AfterAll} still runs. */
public class BrokenBeforeAllSample {
    @BeforeAll
    static void start() {
        throw new IllegalStateException("no database");
    }

    @AfterAll
    static void stop() {
        System.out.println("afterAll ran");
    }

    @Test
    void one() {
    }

    @Test
    void two() {
    }
}
