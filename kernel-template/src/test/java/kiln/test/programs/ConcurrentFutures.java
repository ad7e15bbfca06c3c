package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.Future;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The JDK's executors, futures, fork/join and parallel streams on tasklets: a fixed thread pool with
 * futures, a CompletableFuture chain, a RecursiveTask, parallel streams whose work provably runs on the
 * common pool's worker threads, and the VarHandle-based atomics.
 */
public class ConcurrentFutures {
    public static void main(String[] args) throws Exception {
        parallelStreamsUseWorkers(); // first: the common pool has no workers yet
        fixedThreadPool();
        completableFutures();
        forkJoin();
        parallelStreams();
        atomics();
    }

    /**
     * Two elements that each wait for the other: the stream completes only if they run at the same time, one
     * in the calling thread and one in a worker of the common pool (a sequential stream would deadlock).
     */
    static void parallelStreamsUseWorkers() {
        CountDownLatch both = new CountDownLatch(2);
        AtomicInteger onWorkers = new AtomicInteger();
        IntStream.range(0, 2).parallel().forEach(i -> {
            if (Thread.currentThread() instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
                onWorkers.incrementAndGet();
            }
            both.countDown();
            try {
                both.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println("parallel forEach: both elements ran at once, " + onWorkers.get() + " of them on a common-pool worker");
    }

    static void fixedThreadPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Long>> futures = new ArrayList<>();
        for (int task = 1; task <= 20; task++) {
            long n = task * 1000L;
            futures.add(pool.submit(() -> LongStream.rangeClosed(1, n).sum()));
        }
        long total = 0;
        for (Future<Long> future : futures) {
            total += future.get();
        }
        Future<?> failing = pool.submit((Callable<Object>) () -> {
            throw new IllegalStateException("task failed");
        });
        String failure;
        try {
            failing.get();
            failure = "none";
        } catch (ExecutionException e) {
            failure = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
        List<Callable<String>> calls = List.of(() -> "a", () -> "b", () -> "c");
        StringBuilder all = new StringBuilder();
        for (Future<String> f : pool.invokeAll(calls)) {
            all.append(f.get());
        }
        CountDownLatch release = new CountDownLatch(1);
        Future<String> slow = pool.submit(() -> {
            release.await();
            return "late";
        });
        String timedOut;
        try {
            slow.get(10, TimeUnit.MILLISECONDS);
            timedOut = "no";
        } catch (java.util.concurrent.TimeoutException e) {
            timedOut = "yes";
        }
        release.countDown();
        System.out.println("fixed pool: sum of sums " + total + ", failure " + failure + ", invokeAll " + all
                + ", timed get timed out " + timedOut + ", then " + slow.get() + ", done " + slow.isDone());
        pool.shutdown();
        System.out.println("fixed pool: terminated " + pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    static void completableFutures() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> 6, pool);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> 7, pool).thenApply(x -> x * 10);
        CompletableFuture<String> combined = a.thenCombine(b, (x, y) -> x + "+" + y + "=" + (x + y));
        System.out.println("CompletableFuture: " + combined.join());
        CompletableFuture<String> chain = CompletableFuture.supplyAsync(() -> "kiln")
                .thenApplyAsync(String::toUpperCase)
                .thenCompose(s -> CompletableFuture.supplyAsync(() -> s + "!", pool))
                .whenComplete((s, e) -> { });
        CompletableFuture<String> recovered = CompletableFuture.<String>supplyAsync(() -> {
            throw new IllegalArgumentException("bad input");
        }).exceptionally(e -> "recovered from " + e.getCause().getMessage());
        CompletableFuture<Void> all = CompletableFuture.allOf(chain, recovered);
        all.join();
        List<CompletableFuture<Integer>> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int value = i;
            many.add(CompletableFuture.supplyAsync(() -> value * value, pool));
        }
        int squares = many.stream().mapToInt(CompletableFuture::join).sum();
        System.out.println("CompletableFuture: " + chain.get() + ", " + recovered.get() + ", sum of squares " + squares
                + ", anyOf done " + CompletableFuture.anyOf(a, b).isDone());
        pool.shutdown();
    }

    static final class Fibonacci extends RecursiveTask<Long> {
        private final int n;

        Fibonacci(int n) {
            this.n = n;
        }

        @Override
        protected Long compute() {
            if (n < 12) {
                long x = 0;
                long y = 1;
                for (int i = 0; i < n; i++) {
                    long t = x + y;
                    x = y;
                    y = t;
                }
                return x;
            }
            Fibonacci left = new Fibonacci(n - 1);
            left.fork();
            return new Fibonacci(n - 2).compute() + left.join();
        }
    }

    static void forkJoin() {
        ForkJoinPool pool = new ForkJoinPool(4);
        long fib = pool.invoke(new Fibonacci(24));
        System.out.println("ForkJoinPool(4): fib(24) = " + fib + ", parallelism " + pool.getParallelism());
        pool.shutdown();
        System.out.println("common pool fib(20) = " + new Fibonacci(20).invoke());
    }

    static void parallelStreams() {
        long sum = LongStream.rangeClosed(1, 200_000).parallel().sum();
        List<Integer> squares = IntStream.range(0, 2000).parallel().map(i -> i * i).boxed().collect(Collectors.toList());
        Map<Integer, Long> byDigit = IntStream.range(0, 10_000).parallel().boxed()
                .collect(Collectors.groupingByConcurrent(i -> i % 10, Collectors.counting()));
        ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        IntStream.range(0, 5000).parallel().forEach(i -> seen.merge(i % 13, 1, Integer::sum));
        System.out.println("parallel streams: sum " + sum + ", squares " + squares.size() + " last " + squares.get(1999)
                + " ordered " + squares.equals(IntStream.range(0, 2000).map(i -> i * i).boxed().toList())
                + ", by digit " + new TreeMap<>(byDigit) + ", forEach " + new TreeMap<>(seen)
                + ", reduce " + IntStream.rangeClosed(1, 20).parallel().asLongStream().reduce(1, (x, y) -> x * y));
    }

    static void atomics() throws InterruptedException {
        AtomicReference<String> reference = new AtomicReference<>("");
        AtomicBoolean flag = new AtomicBoolean();
        AtomicInteger flips = new AtomicInteger();
        LongAdder adder = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            threads.add(new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    reference.accumulateAndGet("x", (current, x) -> current.length() < 2000 ? current + x : current);
                    if (flag.compareAndSet(false, true)) {
                        flips.incrementAndGet();
                        flag.set(false);
                    }
                    adder.increment();
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("atomics: reference length " + reference.get().length() + ", flag " + flag.get()
                + ", flips counted " + (flips.get() > 0) + ", LongAdder " + adder.sum());
    }
}
