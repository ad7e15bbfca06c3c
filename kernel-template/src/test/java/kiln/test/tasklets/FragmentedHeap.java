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
        long[][] survivors = fragmentHeap();
        long walkedBefore = Heap.rangesWalkedPast();
        long[][] large = new long[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
            large[i] = new long[72]; // 600 bytes: more than any hole
        }
        long walked = Heap.rangesWalkedPast() - walkedBefore;
        System.out.println(REQUESTS + " allocations among " + HOLES + " holes too small for them walked past at most one"
                + " hole each: " + (walked <= HOLES) + " (" + survivors.length + " survivors, " + large.length + " large)");
    }

    /** Leaves {@link #HOLES} holes of 264 bytes (at least Heap.SMALL_REQUEST) between small survivors, then collects. */
    private static long[][] fragmentHeap() {
        long[][] survivors = new long[HOLES][];
        for (int i = 0; i < HOLES; i++) {
            long[] hole = new long[30];
            hole[0] = i;
            survivors[i] = new long[2];
        }
        System.gc();
        return survivors;
    }
}
