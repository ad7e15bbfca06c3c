package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Exchanger;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JDK's own java.util.concurrent classes whose bytecode works through VarHandles, compiled as they are
 * (the build-time VarHandles of docs/compiler.md on Kiln's Unsafe): each is used from several threads and its
 * result printed.
 */
public class JdkConcurrent {
    public static void main(String[] args) throws Exception {
        AtomicReferenceArray<String> names = new AtomicReferenceArray<>(3);
        names.set(0, "a");
        System.out.println("AtomicReferenceArray " + names.compareAndSet(0, "a", "b") + " " + names.getAndSet(1, "c")
                + " " + names.accumulateAndGet(2, "d", (x, y) -> x + y) + " " + names);
        AtomicLongArray longs = new AtomicLongArray(4);
        LongAdder adder = new LongAdder();
        LongAccumulator max = new LongAccumulator(Long::max, Long.MIN_VALUE);
        ConcurrentSkipListMap<Integer, Integer> map = new ConcurrentSkipListMap<>();
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedDeque<Integer> deque = new ConcurrentLinkedDeque<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    longs.incrementAndGet(i & 3);
                    longs.addAndGet(id, 2);
                    adder.increment();
                    max.accumulate(id * 10_000L + i);
                    map.merge(i % 50, 1, Integer::sum);
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
        System.out.println("AtomicLongArray " + longs + " LongAdder " + adder.sum() + " LongAccumulator " + max.get());
        System.out.println("ConcurrentSkipListMap " + map.size() + " " + map.firstEntry() + " " + map.lastEntry());
        System.out.println("ConcurrentLinkedQueue " + drained + " " + sum + " ConcurrentLinkedDeque " + deque.size());

        FutureTask<String> task = new FutureTask<>(() -> "computed in " + Thread.currentThread().getName());
        Thread runner = new Thread(task, "runner");
        runner.start();
        System.out.println("FutureTask " + task.get() + " " + task.isDone());

        Exchanger<String> exchanger = new Exchanger<>();
        String[] partnerGot = new String[1];
        Thread partner = new Thread(() -> {
            try {
                partnerGot[0] = exchanger.exchange("from partner");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        partner.start();
        String mainGot = exchanger.exchange("from main");
        partner.join();
        System.out.println("Exchanger: main got " + mainGot + ", partner got " + partnerGot[0]);

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
