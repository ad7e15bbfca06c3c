package dev.kiln.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A failing {@code @BeforeAll}: no test of the class runs; the class itself is reported as an error. */
class BrokenSetupTest {
    @BeforeAll
    static void connect() {
        throw new IllegalStateException("no server");
    }

    @Test
    void one() {
    }

    @Test
    void two() {
    }
}
