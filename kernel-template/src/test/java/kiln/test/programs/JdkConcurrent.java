package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The JDK's own java.util.concurrent classes whose bytecode works through VarHandles, compiled as they are
 * (the build-time VarHandles of docs/compiler.md on Kiln's Unsafe): each is used from several threads and its
 * result printed. LongAdder, ConcurrentSkipListMap and Exchanger need ThreadLocalRandom and
 * Runtime.availableProcessors, CompletableFuture the JDK's ForkJoinTask, which Kiln substitutes today.
 */
public class JdkConcurrent {
    public static void main(String[] args) throws Exception {
        AtomicReferenceArray<String> names = new AtomicReferenceArray<>(3);
        names.set(0, "a");
        System.out.println("AtomicReferenceArray " + names.compareAndSet(0, "a", "b") + " " + names.getAndSet(1, "c")
                + " " + names.accumulateAndGet(2, "d", (x, y) -> x + y) + " " + names);
        AtomicLongArray longs = new AtomicLongArray(4);
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Integer> deque = new ConcurrentLinkedDeque<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    longs.incrementAndGet(i & 3);
                    longs.addAndGet(id, 2);
                    queue.add(i);
                    deque.addFirst(i);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int drained = 0;
        long sum = 0;
        for (Integer i; (i = queue.poll()) != null; drained++) {
            sum += i;
        }
        System.out.println("AtomicLongArray " + longs);
        System.out.println("ConcurrentLinkedQueue " + drained + " " + sum + " ConcurrentLinkedDeque " + deque.size());

        FutureTask<String> task = new FutureTask<>(() -> "computed in " + Thread.currentThread().getName());
        Thread runner = new Thread(task, "runner");
        runner.start();
        System.out.println("FutureTask " + task.get() + " " + task.isDone());

        SynchronousQueue<Integer> handoff = new SynchronousQueue<>();
        LinkedTransferQueue<Integer> transfers = new LinkedTransferQueue<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 1; i <= 3; i++) {
                    handoff.put(i);
                    transfers.transfer(i * 10);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        producer.start();
        int total = 0;
        for (int i = 0; i < 3; i++) {
            total += handoff.take();
            total += transfers.take();
        }
        producer.join();
        System.out.println("SynchronousQueue and LinkedTransferQueue " + total);
    }
}
