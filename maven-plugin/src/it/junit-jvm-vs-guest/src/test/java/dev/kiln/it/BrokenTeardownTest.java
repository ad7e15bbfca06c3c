package dev.kiln.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A failing {@code @AfterAll}: the test passed, the class itself is reported as an error. */
class BrokenTeardownTest {
    @AfterAll
    static void disconnect() {
        throw new IllegalStateException("cannot disconnect");
    }

    @Test
    void only() {
    }
}
