package kiln.test.tasklets;

import kiln.kernel.memory.Heap;

/**
 * Regression test for the free-list walk that made every allocation look at every hole too small for it (bench
 * ManyTasklets stalled on the gaps that parked tasklets' grown stacks leave): with thousands of holes just too small
 * for the requests that follow, the allocations together may walk past each hole at most once (Heap, "Segregated free
 * lists"). One first-fit list walked past all of them at every allocation: millions.
 */
public class FragmentedHeap {
    private static final int HOLES = 4000;
    private static final int REQUESTS = 2000;

    public static void main(String[] args) {
        long[][] survivors = fragmentHeap(HOLES, 30); // holes of 264 bytes, at least Heap.SMALL_REQUEST
        long walkedBefore = Heap.rangesWalkedPast();
        long[][] large = new long[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
            large[i] = new long[72]; // 600 bytes: more than any hole
        }
        long walked = Heap.rangesWalkedPast() - walkedBefore;
        System.out.println(REQUESTS + " allocations among " + HOLES + " holes too small for them walked past each hole"
                + " at most once: " + (walked <= HOLES) + " (" + survivors.length + " survivors, " + large.length
                + " large)");
    }

    /**
     * Leaves {@code holes} holes of {@code holeWords} longs (plus an array header) between survivors of one long
     * each (which the answer holds), then collects; IdleReceivers fragments the heap this way too.
     */
    static long[][] fragmentHeap(int holes, int holeWords) {
        long[][] survivors = new long[holes][];
        for (int i = 0; i < holes; i++) {
            long[] hole = new long[holeWords];
            hole[0] = i;
            survivors[i] = new long[1];
        }
        System.gc();
        return survivors;
    }
}
