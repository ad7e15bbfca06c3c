package kiln.bench;

import kiln.kernel.memory.Heap;
import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Tasklet;

/**
 * Tasklet costs, measured in the guest (bench/tasklets runs it on the hosted target next to the same
 * measurements of goroutines and virtual threads): a round trip over two unbuffered channels, spawning a
 * tasklet and joining it after it ended, and the heap an idle tasklet takes (parked in a receive).
 */
public class Tasklets {
    private static final int ROUND_TRIPS = 1_000_000;
    private static final int SPAWNS = 200_000;
    private static final int IDLE = 20_000;

    public static void main(String[] args) {
        Channel<Integer> ping = new Channel<>();
        Channel<Integer> pong = new Channel<>();
        Tasklet.spawnDaemon("echo", () -> {
            for (;;) {
                pong.send(ping.receive());
            }
        });
        roundTrips(ping, pong, ROUND_TRIPS / 10); // warm-up
        long start = System.nanoTime();
        long sum = roundTrips(ping, pong, ROUND_TRIPS);
        long pingPong = System.nanoTime() - start;

        spawnAndJoin(SPAWNS / 10);
        start = System.nanoTime();
        spawnAndJoin(SPAWNS);
        long spawn = System.nanoTime() - start;

        System.gc();
        long freeBefore = Heap.freeBytes();
        Channel<Integer> never = new Channel<>();
        Tasklet[] idle = new Tasklet[IDLE];
        for (int i = 0; i < IDLE; i++) {
            idle[i] = Tasklet.spawnDaemon(null, never::receive);
        }
        kiln.kernel.sched.Scheduler.yield(); // every one runs until it parks in receive
        System.gc();
        long bytes = freeBefore - Heap.freeBytes();

        System.out.printf("ping-pong round trip: %d ns (checksum %d)%n", pingPong / ROUND_TRIPS, sum);
        System.out.printf("spawn and exit: %d ns%n", spawn / SPAWNS);
        System.out.printf("bytes per idle tasklet: %d (%d tasklets alive: %s)%n", bytes / IDLE, IDLE, idle.length);
    }

    private static long roundTrips(Channel<Integer> ping, Channel<Integer> pong, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            ping.send(i & 1023);
            sum += pong.receive();
        }
        return sum;
    }

    private static void spawnAndJoin(int count) {
        Runnable nothing = () -> { };
        for (int i = 0; i < count; i++) {
            Tasklet.spawn(null, nothing).join();
        }
    }
}
