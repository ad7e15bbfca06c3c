package kiln.test.tasklets;

import kiln.kernel.memory.Heap;

/**
 * The heap reuses what it freed instead of touching new memory (Heap, "Collecting after a budget"): after 256 MiB of
 * short-lived arrays, with a window of 64 of them alive at any time, the heap has handed out little more than its
 * 32 MiB budget. Growing to 256 MiB before the first collection (the hosted target's old policy) or filling a 64 MiB
 * QEMU heap before each collection touched all of it; on the hosted target Linux faults in and clears every page
 * touched for the first time.
 */
public class HeapReuse {
    private static final long MIB = 1024 * 1024;
    private static final long ALLOCATED = 256 * MIB;

    public static void main(String[] args) {
        int[][] window = new int[64][];
        long allocated = 0;
        long checksum = 0;
        for (int i = 0; allocated < ALLOCATED; i++) {
            int[] array = new int[256 + (i * 37) % 1792]; // 1 to 8 KiB: the gaps the window leaves differ in size
            array[array.length - 1] = i;
            checksum += window[i & 63] == null ? 0 : window[i & 63][window[i & 63].length - 1];
            window[i & 63] = array;
            allocated += 4L * array.length;
        }
        long touched = Heap.touchedBytes();
        System.out.println("touched after allocating 256 MiB: under 40 MiB: " + (touched < 40 * MIB) + " (checksum "
                + checksum + ")");
    }
}
