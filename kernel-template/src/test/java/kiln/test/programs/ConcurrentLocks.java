package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The JDK's own java.util.concurrent.locks and synchronizers on tasklets: 100 threads x 1,000 increments under a
 * ReentrantLock and with an AtomicLong, Condition, CountDownLatch, Semaphore, CyclicBarrier, and LockSupport's
 * park/unpark with timeouts and interrupts.
 */
public class ConcurrentLocks {
    private static long lockedCounter;

    public static void main(String[] args) throws Exception {
        reentrantLockAndAtomicLong();
        conditionHandOff();
        latchSemaphoreBarrier();
        parking();
    }

    static void reentrantLockAndAtomicLong() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        AtomicLong atomic = new AtomicLong();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 100; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    lock.lock();
                    try {
                        int now = inside.incrementAndGet();
                        maxInside.accumulateAndGet(now, Math::max);
                        long seen = lockedCounter;
                        if (i % 100 == 0) {
                            Thread.yield(); // holding the lock: every other thread must queue in AQS
                        }
                        lockedCounter = seen + 1;
                        inside.decrementAndGet();
                    } finally {
                        lock.unlock();
                    }
                    atomic.incrementAndGet();
                }
            }, "adder-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("ReentrantLock: " + lockedCounter + ", AtomicLong: " + atomic.get()
                + ", most threads inside the lock at once: " + maxInside.get() + ", locked now: " + lock.isLocked());
        lock.lock();
        lock.lock();
        System.out.println("hold count " + lock.getHoldCount() + ", held by me " + lock.isHeldByCurrentThread()
                + ", tryLock from another thread " + tryLockElsewhere(lock));
        lock.unlock();
        lock.unlock();
        System.out.println("after unlocking: tryLock from another thread " + tryLockElsewhere(lock));
    }

    private static boolean tryLockElsewhere(ReentrantLock lock) throws InterruptedException {
        boolean[] acquired = new boolean[1];
        Thread other = new Thread(() -> {
            acquired[0] = lock.tryLock();
            if (acquired[0]) {
                lock.unlock();
            }
        });
        other.start();
        other.join();
        return acquired[0];
    }

    static void conditionHandOff() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock(true);
        Condition changed = lock.newCondition();
        int[] box = new int[1];
        StringBuilder received = new StringBuilder();
        Thread consumer = new Thread(() -> {
            lock.lock();
            try {
                for (int expected = 1; expected <= 5; expected++) {
                    while (box[0] != expected) {
                        changed.awaitUninterruptibly();
                    }
                    received.append(box[0]).append(' ');
                    box[0] = -expected;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        });
        consumer.start();
        for (int value = 1; value <= 5; value++) {
            lock.lock();
            try {
                while (box[0] != -(value - 1) && value > 1) {
                    changed.awaitUninterruptibly();
                }
                box[0] = value;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        consumer.join();
        System.out.println("condition hand-off: " + received.toString().trim());
        lock.lock();
        try {
            long start = System.nanoTime();
            boolean signalled = changed.await(20, TimeUnit.MILLISECONDS);
            System.out.println("timed await: signalled " + signalled + ", waited at least 20 ms "
                    + (System.nanoTime() - start >= 20_000_000L));
        } finally {
            lock.unlock();
        }
    }

    static void latchSemaphoreBarrier() throws Exception {
        CountDownLatch ready = new CountDownLatch(10);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        List<Thread> runners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Thread runner = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                started.incrementAndGet();
            });
            runners.add(runner);
            runner.start();
        }
        ready.await();
        System.out.println("latch: all ready " + (ready.getCount() == 0) + ", started before go " + started.get());
        go.countDown();
        for (Thread runner : runners) {
            runner.join();
        }
        System.out.println("latch: started after go " + started.get());

        Semaphore permits = new Semaphore(3);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHolding = new AtomicInteger();
        List<Thread> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Thread user = new Thread(() -> {
                for (int round = 0; round < 20; round++) {
                    permits.acquireUninterruptibly();
                    try {
                        mostHolding.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        Thread.yield();
                        holding.decrementAndGet();
                    } finally {
                        permits.release();
                    }
                }
            });
            users.add(user);
            user.start();
        }
        for (Thread user : users) {
            user.join();
        }
        // How many held a permit at the same moment depends on the scheduler (HotSpot prints 2 or 3 from run to
        // run); the property is that it never exceeded the 3 permits.
        System.out.println("semaphore: never more than 3 permits held at once " + (mostHolding.get() <= 3)
                + ", available " + permits.availablePermits() + ", tryAcquire(4) " + permits.tryAcquire(4));

        int parties = 5;
        AtomicInteger trips = new AtomicInteger();
        CyclicBarrier barrier = new CyclicBarrier(parties, trips::incrementAndGet);
        int[][] phaseSeen = new int[parties][3];
        List<Thread> members = new ArrayList<>();
        for (int p = 0; p < parties; p++) {
            int party = p;
            Thread member = new Thread(() -> {
                try {
                    for (int phase = 0; phase < 3; phase++) {
                        barrier.await();
                        phaseSeen[party][phase] = trips.get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            members.add(member);
            member.start();
        }
        for (Thread member : members) {
            member.join();
        }
        StringBuilder phases = new StringBuilder();
        for (int[] seen : phaseSeen) {
            phases.append(java.util.Arrays.toString(seen));
        }
        System.out.println("barrier: " + trips.get() + " trips, each party saw " + phases + ", broken " + barrier.isBroken());
    }

    static void parking() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000L;
        int parks = 0;
        while (System.nanoTime() - deadline < 0) { // parkNanos may return early (spuriously): loop, as callers must
            LockSupport.parkNanos(deadline - System.nanoTime());
            parks++;
        }
        System.out.println("parkNanos reached its deadline: " + (parks > 0));
        long until = System.currentTimeMillis() + 5;
        while (System.currentTimeMillis() < until) { // an absolute deadline in milliseconds, as Condition.awaitUntil uses
            LockSupport.parkUntil(until);
        }
        System.out.println("parkUntil reached its deadline");

        LockSupport.unpark(Thread.currentThread());
        LockSupport.park(); // the permit is there: returns at once (else nothing could wake it: a deadlock report)
        System.out.println("park with a permit returned");

        Object blocker = new Object();
        boolean[] woke = new boolean[2];
        Thread parker = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                LockSupport.park(blocker);
            }
            woke[0] = true;
            woke[1] = Thread.interrupted();
        }, "parker");
        parker.start();
        while (LockSupport.getBlocker(parker) != blocker) {
            Thread.yield();
        }
        System.out.println("blocker of the parked thread is set: " + (LockSupport.getBlocker(parker) == blocker));
        parker.interrupt();
        parker.join();
        System.out.println("interrupt unparked: " + woke[0] + ", interrupted flag " + woke[1]
                + ", blocker cleared " + (LockSupport.getBlocker(parker) == null));

        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        boolean[] outcome = new boolean[2];
        Thread waiter = new Thread(() -> {
            try {
                outcome[0] = lock.tryLock(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                outcome[1] = true;
            }
        });
        waiter.start();
        while (!lock.hasQueuedThread(waiter)) {
            Thread.yield();
        }
        waiter.interrupt();
        waiter.join();
        lock.unlock();
        System.out.println("tryLock interrupted: acquired " + outcome[0] + ", InterruptedException " + outcome[1]);
    }
}
