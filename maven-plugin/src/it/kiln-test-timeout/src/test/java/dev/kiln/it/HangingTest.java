package dev.kiln.it;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jupiter runs {@code passes} first (its name's hash code is lower), then {@code hangs}, which never returns. */
class HangingTest {
    static volatile boolean forever = true;

    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void hangs() {
        System.out.println("about to spin");
        long spins = 0;
        while (forever) {
            spins++;
        }
        System.out.println(spins);
    }
}
