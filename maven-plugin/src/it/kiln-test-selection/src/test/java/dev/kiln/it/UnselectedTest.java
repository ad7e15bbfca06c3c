package dev.kiln.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

class UnselectedTest {
    @Test
    void wouldFail() {
        fail("not selected by it.test");
    }
}
