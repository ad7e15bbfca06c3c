package dev.kiln.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OtherTest {
    @Test
    void runs() {
        assertEquals("ab", "a" + "b");
    }
}
