package dev.kiln.testengine.unsupported;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input of the engine's tests: an instance {@code @BeforeAll} without PER_CLASS, which Jupiter rejects too. */
public class InstanceBeforeAllSample {
    @BeforeAll
    void start() {
    }

    @Test
    void test() {
    }
}
