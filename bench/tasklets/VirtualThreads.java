import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;

/**
 * The same three measurements as kiln.bench.Tasklets, on Java 25 virtual threads (bench/tasklets runs it with
 * -Djdk.virtualThreadScheduler.parallelism=1, one carrier as Kiln has one CPU): a round trip over two
 * SynchronousQueues, starting a virtual thread and joining it, and the heap an idle virtual thread takes (parked
 * on a latch), from Runtime after a collection.
 */
public class VirtualThreads {
    private static final int ROUND_TRIPS = 1_000_000;
    private static final int SPAWNS = 200_000;
    private static final int IDLE = 20_000;

    public static void main(String[] args) throws Exception {
        Thread.ofVirtual().start(VirtualThreads::measure).join();
    }

    private static void measure() {
        try {
            SynchronousQueue<Integer> ping = new SynchronousQueue<>();
            SynchronousQueue<Integer> pong = new SynchronousQueue<>();
            Thread echo = Thread.ofVirtual().start(() -> {
                try {
                    for (;;) {
                        pong.put(ping.take());
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });
            roundTrips(ping, pong, ROUND_TRIPS / 10);
            long start = System.nanoTime();
            long sum = roundTrips(ping, pong, ROUND_TRIPS);
            long pingPong = System.nanoTime() - start;
            echo.interrupt();

            spawnAndJoin(SPAWNS / 10);
            start = System.nanoTime();
            spawnAndJoin(SPAWNS);
            long spawn = System.nanoTime() - start;

            long before = used();
            CountDownLatch never = new CountDownLatch(1);
            Thread[] idle = new Thread[IDLE];
            for (int i = 0; i < IDLE; i++) {
                idle[i] = Thread.ofVirtual().start(() -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        // done
                    }
                });
            }
            Thread.sleep(200); // every one runs until it parks
            long bytes = (used() - before) / IDLE;
            never.countDown();
            for (Thread t : idle) {
                t.join();
            }
            System.out.printf("ping-pong round trip: %d ns (checksum %d)%n", pingPong / ROUND_TRIPS, sum);
            System.out.printf("spawn and exit: %d ns%n", spawn / SPAWNS);
            System.out.printf("bytes per idle virtual thread: %d (%d alive)%n", bytes, IDLE);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long roundTrips(SynchronousQueue<Integer> ping, SynchronousQueue<Integer> pong, int count)
            throws InterruptedException {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            ping.put(i & 1023);
            sum += pong.take();
        }
        return sum;
    }

    private static void spawnAndJoin(int count) throws InterruptedException {
        Runnable nothing = () -> { };
        for (int i = 0; i < count; i++) {
            Thread.ofVirtual().start(nothing).join();
        }
    }

    private static long used() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
