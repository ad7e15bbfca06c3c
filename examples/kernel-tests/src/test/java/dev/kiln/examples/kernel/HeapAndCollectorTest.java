package dev.kiln.examples.kernel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The heap and the mark-sweep collector ({@code kiln.kernel.memory}) in a 64 MiB guest: allocations that add up
 * to several times the RAM only succeed if garbage is collected, and reachable objects must come through
 * every collection unchanged.
 */
class HeapAndCollectorTest {
    private static final int MIB = 1024 * 1024;

    @Test
    void allocatingFourTimesTheRamWorksOnlyIfGarbageIsCollected() {
        long checksum = 0;
        for (int i = 0; i < 256; i++) {
            byte[] block = new byte[MIB];
            block[i] = (byte) i;
            block[MIB - 1] = 1;
            checksum += block[i] + block[MIB - 1];
        }
        // sum of (byte) i for 0..255 is 0+...+127 + (-128)+...+(-1) = -128; plus 256 ones
        assertEquals(-128 + 256, checksum);
    }

    @Test
    void reachableObjectsSurviveCollectionsIntact() {
        List<int[]> live = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            live.add(new int[] {i, i * 3, i * 7});
        }
        for (int round = 0; round < 100; round++) {
            byte[] garbage = new byte[MIB];
            garbage[0] = (byte) round;
        }
        for (int i = 0; i < live.size(); i++) {
            int[] values = live.get(i);
            assertEquals(i * 3, values[1]);
            assertEquals(i * 7, values[2]);
        }
    }

    @Test
    void identityHashCodesStayTheSameAcrossCollections() {
        Object kept = new Object();
        int hash = System.identityHashCode(kept);
        for (int round = 0; round < 100; round++) {
            Object[] garbage = new Object[64 * 1024];
            garbage[round] = new Object();
        }
        assertEquals(hash, System.identityHashCode(kept));
        assertEquals(hash, kept.hashCode());
    }
}
