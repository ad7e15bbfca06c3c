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

    /**
     * Fills the heap and keeps it full (the OutOfMemoryErrors are caught, every block stays reachable), then
     * recurses deeply: the thread's stack must grow, the kernel finds no memory for it and ends the guest.
     */
    @Test
    void exhaustsMemory() {
        System.out.println("keeping every block");
        List<byte[]> kept = new ArrayList<>();
        fill(kept, 1024 * 1024);
        fill(kept, 1024);
        assertEquals(0, depth(100_000) - 100_000);
    }

    private static void fill(List<byte[]> kept, int blockSize) {
        try {
            while (true) {
                kept.add(new byte[blockSize]);
            }
        } catch (OutOfMemoryError expected) {
            // the heap is full down to less than one block
        }
    }

    private static int depth(int n) {
        return n == 0 ? 0 : 1 + depth(n - 1);
    }
}
