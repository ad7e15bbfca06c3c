package dev.kiln.examples.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Select;
import kiln.kernel.sched.Tasklet;
import org.junit.jupiter.api.Test;

/**
 * The scheduler written in Java: tasklets talking over channels, select with a timeout, threads and monitors
 * on tasklets, and a tasklet that spins without ever calling anything preempted by the timer.
 */
class SchedulerTest {
    private static boolean stop; // deliberately not volatile: the spinner's loop has no call to yield in
    private static long counter;

    @Test
    void aProducerTaskletFeedsAChannel() {
        Channel<Integer> numbers = new Channel<>(16);
        Tasklet producer = Tasklet.spawn("producer", () -> {
            for (int i = 1; i <= 1000; i++) {
                numbers.send(i);
            }
            numbers.close();
        });
        long sum = 0;
        int received = 0;
        while (true) {
            Integer next = numbers.receive();
            if (next == null && numbers.isClosedAndEmpty()) {
                break;
            }
            sum += next;
            received++;
        }
        producer.join();
        assertEquals(1000, received);
        assertEquals(500_500, sum);
    }

    @Test
    void selectOnAnEmptyChannelTimesOut() {
        Channel<String> nothing = new Channel<>();
        long start = System.nanoTime();
        int chosen = new Select().receive(nothing).timeout(50_000_000L).run();
        long waited = System.nanoTime() - start;
        assertEquals(Select.TIMED_OUT, chosen);
        assertTrue(waited >= 50_000_000L, "select returned after " + waited + " ns");
    }

    @Test
    void aHundredThreadsIncrementUnderOneMonitor() throws InterruptedException {
        Object lock = new Object();
        Thread[] threads = new Thread[100];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    synchronized (lock) {
                        counter++;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(100_000, counter);
    }

    @Test
    void aLoopWithoutCallsIsPreempted() throws InterruptedException {
        Tasklet spinner = Tasklet.spawn("spinner", () -> {
            long spins = 0;
            while (!stop) {
                spins++;
            }
        });
        Thread.sleep(50); // the spinner runs now and never yields: only the timer can give the CPU back
        stop = true;
        assertTrue(spinner.join(2_000_000_000L), "the spinning tasklet did not see the flag within 2 s");
        assertFalse(spinner.isAlive());
    }
}
