package kiln.test.tasklets;

import kiln.kernel.sched.Monitors;

/**
 * Monitors that were contended once go back to thin locks: a thread blocks on each of 100 locks while main holds
 * it (which inflates it), and once both are done with it no monitor stays inflated; identity hashes assigned
 * before, during and after inflation survive deflation; wait/notify inflates and deflates too.
 */
public class MonitorDeflation {
    private static final int LOCKS = 100;
    private static int counter;
    private static int mostInflated;

    public static void main(String[] args) throws Exception {
        Object[] locks = new Object[LOCKS];
        int[] hashes = new int[LOCKS];
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
            if (i % 2 == 0) {
                hashes[i] = System.identityHashCode(locks[i]); // before inflation
            }
        }
        for (int i = 0; i < LOCKS; i++) {
            Object lock = locks[i];
            int index = i;
            Thread contender = new Thread(() -> {
                synchronized (lock) {
                    counter++;
                    mostInflated = Math.max(mostInflated, Monitors.inflatedCount());
                    if (index % 2 == 1) {
                        hashes[index] = System.identityHashCode(lock); // while inflated
                    }
                }
            });
            synchronized (lock) {
                contender.start();
                Thread.sleep(1); // the contender blocks on the lock meanwhile
            }
            contender.join();
        }
        boolean hashesKept = true;
        for (int i = 0; i < LOCKS; i++) {
            hashesKept &= hashes[i] == System.identityHashCode(locks[i]);
        }
        System.out.println("contended " + LOCKS + " locks: counter " + counter + ", inflated while contended: "
                + (mostInflated == 1) + ", inflated now: " + Monitors.inflatedCount());
        System.out.println("identity hashes kept: " + hashesKept);

        Object signal = new Object();
        boolean[] woken = {false};
        Thread waiter = new Thread(() -> {
            synchronized (signal) {
                while (!woken[0]) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        });
        waiter.start();
        Thread.sleep(1);
        int whileWaiting = Monitors.inflatedCount();
        synchronized (signal) {
            woken[0] = true;
            signal.notifyAll();
        }
        waiter.join();
        System.out.println("wait/notify: inflated while waiting: " + whileWaiting + ", after: " + Monitors.inflatedCount());
        synchronized (signal) {
            System.out.println("thin again and usable: " + Thread.holdsLock(signal));
        }
    }
}
