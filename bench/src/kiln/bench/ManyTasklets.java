package kiln.bench;

import kiln.kernel.memory.Heap;
import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;

/**
 * The most tasklets alive at once (issue 7): spawns tasklets that park in a receive on a channel nobody sends on,
 * a batch at a time (each batch runs until all of it parks), until {@link #TARGET} are alive or the heap is nearly
 * full. bench/tasklets/run boots it in QEMU with 2 GiB of RAM.
 */
public class ManyTasklets {
    private static final int TARGET = 1_000_000;
    private static final int BATCH = 1_000;
    private static final int REPORT_EVERY = 100_000;
    /** Stop short of an OutOfMemoryError: what the program itself still needs to report. */
    private static final long KEEP_FREE = 4L << 20;

    public static void main(String[] args) {
        Channel<Integer> never = new Channel<>();
        Runnable idle = never::receive;
        System.gc();
        long heapBefore = Heap.freeBytes();
        long start = System.nanoTime();
        int alive = 0;
        String stoppedBy = "the target";
        while (alive < TARGET) {
            if (Heap.freeBytes() < KEEP_FREE + BATCH * 2048L) {
                System.gc();
                if (Heap.freeBytes() < KEEP_FREE + BATCH * 2048L) {
                    stoppedBy = "a full heap";
                    break;
                }
            }
            for (int i = 0; i < BATCH; i++) {
                Tasklet.spawnDaemon(null, idle);
            }
            Scheduler.yield(); // the batch runs until each one parks
            alive += BATCH;
            if (alive % REPORT_EVERY == 0) {
                System.out.printf("%d tasklets alive after %d ms, heap free %d bytes%n", alive,
                        (System.nanoTime() - start) / 1_000_000, Heap.freeBytes());
            }
        }
        long spawning = System.nanoTime() - start;
        System.gc();
        long used = heapBefore - Heap.freeBytes();
        System.out.printf("most tasklets alive: %d (stopped by %s) in %d ms; heap %d bytes at start, %d used: %d bytes per tasklet%n",
                alive, stoppedBy, spawning / 1_000_000, heapBefore, used, used / alive);
    }
}
