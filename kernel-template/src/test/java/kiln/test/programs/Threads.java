package kiln.test.programs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** Threads: start and join, synchronized counters, wait/notify, sleep, interrupts, an uncaught exception. */
public class Threads {
    private static int counter;
    private static long staticCounter;
    private final Object lock = new Object();
    private int guarded;

    private static synchronized void incrementStatic() {
        staticCounter++;
    }

    private synchronized int incrementGuarded() {
        return ++guarded;
    }

    public static void main(String[] args) throws Exception {
        Thread hello = new Thread(() -> System.out.println("hello from " + Thread.currentThread().getName()));
        System.out.println("before start: alive " + hello.isAlive() + ", name " + hello.getName());
        hello.start();
        hello.join();
        System.out.println("after join: alive " + hello.isAlive() + ", main is " + Thread.currentThread().getName());

        Threads shared = new Threads();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    synchronized (shared.lock) {
                        int seen = counter;
                        if (i % 100 == 0) {
                            Thread.yield(); // inside the monitor: the others must wait for it
                        }
                        counter = seen + 1;
                    }
                    incrementStatic();
                    shared.incrementGuarded();
                }
            }, "adder-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("synchronized block: " + counter + ", static synchronized: " + staticCounter
                + ", synchronized method: " + shared.guarded);

        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int capacity = 4;
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 50; i++) {
                synchronized (queue) {
                    while (queue.size() == capacity) {
                        try {
                            queue.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    queue.addLast(i);
                    queue.notifyAll();
                }
            }
        }, "producer");
        long[] consumed = new long[2];
        Thread consumer = new Thread(() -> {
            while (consumed[1] < 50) {
                synchronized (queue) {
                    while (queue.isEmpty()) {
                        try {
                            queue.wait();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    consumed[0] += queue.removeFirst();
                    consumed[1]++;
                    queue.notifyAll();
                }
            }
        }, "consumer");
        consumer.start();
        producer.start();
        producer.join();
        consumer.join();
        System.out.println("producer/consumer: " + consumed[1] + " items, sum " + consumed[0]);

        Object alone = new Object();
        synchronized (alone) {
            long start = System.nanoTime();
            alone.wait(20);
            System.out.println("timed wait returned: " + (System.nanoTime() - start >= 20_000_000L)
                    + ", holds the lock again: " + Thread.holdsLock(alone));
        }
        try {
            alone.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("notify without the lock: " + e.getClass().getName());
        }

        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                System.out.println("slept through");
            } catch (InterruptedException e) {
                System.out.println("sleeper interrupted: " + e.getMessage());
            }
        });
        sleeper.start();
        Thread.sleep(10);
        sleeper.interrupt();
        sleeper.join();

        Thread daemon = new Thread(() -> {
            Object never = new Object();
            synchronized (never) {
                try {
                    never.wait();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        daemon.setDaemon(true);
        daemon.start();

        Thread failing = new Thread(() -> {
            // Without a stack trace: HotSpot's own frames under run() (Thread.run, runWith) are not Kiln's.
            throw new RuntimeException("thrown in a thread", null, false, false) { };
        });
        failing.start();
        failing.join();
        Thread handled = new Thread(() -> {
            throw new IllegalArgumentException("to the handler");
        }, "handled");
        handled.setUncaughtExceptionHandler((t, e) -> System.out.println(t.getName() + " handler got " + e.getMessage()));
        handled.start();
        handled.join();
        ThreadLocal<String> role = ThreadLocal.withInitial(() -> "initial in " + Thread.currentThread().getName());
        role.set("set by main");
        Thread other = new Thread(() -> {
            System.out.println("other thread: " + role.get());
            role.set("set by other");
            System.out.println("other thread after set: " + role.get());
        }, "other");
        other.start();
        other.join();
        System.out.println("main still: " + role.get());
        role.remove();
        System.out.println("main after remove: " + role.get());
        Thread last = new Thread(() -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("the last non-daemon thread ends after main");
        });
        last.start();
        System.out.println("main ends");
    }
}
