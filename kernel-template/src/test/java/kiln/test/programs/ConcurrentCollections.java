package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JDK's concurrent collections under many threads: blocking queues between producers and consumers,
 * ConcurrentHashMap updated from 50 threads at once (merge, compute, resizing while they run), and a
 * ThreadPoolExecutor running plain Runnables.
 */
public class ConcurrentCollections {
    public static void main(String[] args) throws Exception {
        producersAndConsumers(new LinkedBlockingDeque<>(8), "LinkedBlockingDeque(8)");
        producersAndConsumers(new LinkedBlockingQueue<>(3), "LinkedBlockingQueue(3)");
        timedQueueOperations();
        concurrentHashMapUnderThreads();
        threadPoolExecutor();
    }

    static void producersAndConsumers(BlockingQueue<Integer> queue, String name) throws InterruptedException {
        int producers = 4;
        int consumers = 3;
        int perProducer = 500;
        long[] consumedSums = new long[consumers];
        int[] consumedCounts = new int[consumers];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int base = p * perProducer;
            threads.add(new Thread(() -> {
                try {
                    for (int i = 1; i <= perProducer; i++) {
                        queue.put(base + i);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (int c = 0; c < consumers; c++) {
            int consumer = c;
            threads.add(new Thread(() -> {
                try {
                    while (true) {
                        int value = queue.take();
                        if (value < 0) {
                            return; // poison pill
                        }
                        consumedSums[consumer] += value;
                        consumedCounts[consumer]++;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (int p = 0; p < producers; p++) {
            threads.get(p).join();
        }
        for (int c = 0; c < consumers; c++) {
            queue.put(-1);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long sum = 0;
        int count = 0;
        for (int c = 0; c < consumers; c++) {
            sum += consumedSums[c];
            count += consumedCounts[c];
        }
        int n = producers * perProducer;
        System.out.println(name + ": consumed " + count + " of " + n + ", sum " + sum + " (expected "
                + (long) n * (n + 1) / 2 + "), left " + queue.size());
    }

    static void timedQueueOperations() throws InterruptedException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(1);
        System.out.println("offer " + queue.offer("a") + ", offer when full " + queue.offer("b")
                + ", timed offer when full " + queue.offer("b", 5, TimeUnit.MILLISECONDS));
        System.out.println("poll " + queue.poll() + ", timed poll when empty " + queue.poll(5, TimeUnit.MILLISECONDS));
        Thread taker = new Thread(() -> {
            try {
                queue.take();
                System.out.println("take returned");
            } catch (InterruptedException e) {
                System.out.println("take interrupted, flag now " + Thread.currentThread().isInterrupted());
            }
        });
        taker.start();
        Thread.sleep(5); // whether take has begun waiting or not, the interrupt ends it with the same exception
        taker.interrupt();
        taker.join();
    }

    static void concurrentHashMapUnderThreads() throws InterruptedException {
        ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, AtomicLong> adders = new ConcurrentHashMap<>();
        AtomicInteger computeCalls = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 400; i++) {
                    counts.merge(i % 257, 1, Integer::sum); // 257 keys: the table resizes while threads insert
                    adders.computeIfAbsent("k" + (i % 7), k -> {
                        computeCalls.incrementAndGet();
                        return new AtomicLong();
                    }).incrementAndGet();
                    if (i % 50 == thread % 50) {
                        Thread.yield();
                    }
                }
                counts.compute(-1, (k, v) -> v == null ? 1 : v + 1);
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        long total = 0;
        for (int value : counts.values()) {
            total += value;
        }
        Map<String, Long> sorted = new TreeMap<>();
        adders.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.println("ConcurrentHashMap: " + counts.size() + " keys, total " + total + ", key 0 -> " + counts.get(0)
                + ", key 256 -> " + counts.get(256) + ", compute count " + counts.get(-1));
        System.out.println("counters " + sorted + ", created once each: " + (computeCalls.get() == 7)
                + ", sum " + adders.reduceValuesToLong(1, AtomicLong::get, 0, Long::sum));
        System.out.println("first keys in iteration order: " + counts.keySet().stream().limit(12).toList());
    }

    static void threadPoolExecutor() throws InterruptedException {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        int tasks = 200;
        CountDownLatch done = new CountDownLatch(tasks);
        AtomicInteger sum = new AtomicInteger();
        ConcurrentHashMap<String, Boolean> workers = new ConcurrentHashMap<>();
        for (int i = 1; i <= tasks; i++) {
            int value = i;
            pool.execute(() -> {
                sum.addAndGet(value);
                workers.put(Thread.currentThread().getName(), true);
                done.countDown();
            });
        }
        done.await();
        pool.shutdown();
        boolean terminated = pool.awaitTermination(10, TimeUnit.SECONDS);
        System.out.println("ThreadPoolExecutor: sum " + sum.get() + ", completed " + pool.getCompletedTaskCount()
                + ", at most 4 workers " + (workers.size() <= 4) + ", largest pool " + pool.getLargestPoolSize()
                + ", terminated " + terminated + " " + pool.isTerminated());
    }
}
