package dev.kiln.it;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.fail;

/** A whole class switched off. */
@Disabled("the whole class is off")
class DisabledClassTest {
    @Test
    void neverRuns() {
        fail("disabled");
    }

    @Test
    void neverRunsEither() {
        fail("disabled");
    }
}
