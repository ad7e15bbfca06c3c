package kiln.test.tasklets;

import kiln.kernel.memory.Heap;
import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Tasklet;

/**
 * Collections while tasklets on small stacks allocate. Ballast fills the heap but for 2 to 3 MiB, then a tasklet
 * on the smallest stack echoes small arrays back, with small garbage besides: so the heap runs out on small
 * requests (a collection inside an allocation, with no room left for anything it might allocate itself), and
 * later allocations come from the free list, where the echo's stack grows inside an allocation (the grower
 * allocates too). The program uses neither Math nor Long before it prints, so a collection that needed their
 * class initializers would allocate inside itself.
 */
public class CollectionOnSmallStacks {
    private static final int ROUNDS = 40_000;
    private static final int CHUNK_INTS = 256 * 1024;
    /** Free bytes the ballast leaves: at least two chunks more than its last one needs (no collection yet). */
    private static final long LEFT_FREE = 3L * 4 * CHUNK_INTS;

    public static void main(String[] args) {
        Channel<int[]> requests = new Channel<>();
        Channel<int[]> replies = new Channel<>();
        Tasklet.spawnDaemon("echo", () -> {
            for (;;) {
                int[] request = requests.receive();
                replies.send(new int[] {request[0] * 2, request[1]});
            }
        });
        int[][] ballast = new int[1024][];
        int chunks = 0;
        while (Heap.freeBytes() > LEFT_FREE && chunks < ballast.length) {
            ballast[chunks++] = new int[CHUNK_INTS];
        }
        long sum = 0;
        int[] garbage = null;
        for (int i = 0; i < ROUNDS; i++) {
            for (int j = 0; j < 4; j++) {
                garbage = new int[] {i, j};
            }
            requests.send(new int[] {i, garbage[1]});
            sum += replies.receive()[0];
        }
        System.out.println("echoed " + ROUNDS + " arrays past " + (chunks > 0 ? "the" : "no") + " ballast: checksum "
                + sum + ", expected " + (long) ROUNDS * (ROUNDS - 1));
    }
}
