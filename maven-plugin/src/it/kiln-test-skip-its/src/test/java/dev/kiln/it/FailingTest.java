package dev.kiln.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/** Would fail the build if kiln:test ran it. */
class FailingTest {
    @Test
    void fails() {
        fail("kiln:test ran although -DskipITs was given");
    }
}
