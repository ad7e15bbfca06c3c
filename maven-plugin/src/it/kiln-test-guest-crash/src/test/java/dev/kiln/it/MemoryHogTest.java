package dev.kiln.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jupiter runs {@code smallAllocation} first (its name's hash code is lower), then {@code exhaustsMemory}. */
class MemoryHogTest {
    @Test
    void smallAllocation() {
        assertEquals(1024, new byte[1024].length);
    }

    @Test
    void exhaustsMemory() {
        System.out.println("keeping every block");
        List<byte[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new byte[1024 * 1024]);
        }
    }
}
