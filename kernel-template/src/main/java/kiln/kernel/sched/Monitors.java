package kiln.kernel.sched;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * Java monitors ({@code synchronized}, {@code wait}/{@code notify}; JLS §17.1, §17.2) on tasklets.
 *
 * <h2>Thin and inflated</h2>
 * Most monitors are only ever taken by one tasklet at a time, so the common case must not allocate: a thin
 * lock lives in the upper half of the object's hash word (docs/abi.md "Objects"; the lower half is the identity
 * hash and stays untouched):
 * <pre>
 *  63 62                          40 39          32 31                  0
 * +--+------------------------------+--------------+---------------------+
 * | 0| owner: tasklet id (23 bits)  | count - 1    | identity hash       |  thin; all 0 above bit 31 = unlocked
 * +--+------------------------------+--------------+---------------------+
 * | 1| index of the {@link Monitor} in the monitor table (31 bits)      |  inflated
 * +--+-------------------------------------------------------------------+
 * </pre>
 * A lock is inflated into a {@link Monitor} (owner, count, entry queue, wait set) the first time something
 * must wait on it — a second tasklet wants it, or its owner calls {@code wait} — or when the count or the
 * tasklet id does not fit. <i>Rejected</i>: a side table for every lock (a hash lookup on every
 * {@code synchronized}); a lock word separate from the hash word (a third header word on every object).
 *
 * <h2>Deflation</h2>
 * A release that leaves the monitor without owner, entry queue and wait set deflates it: the header word goes
 * back to the unlocked thin form (the identity hash in its lower half, assigned while inflated or before, stays),
 * the table slot is freed for the next inflation, and the table no longer keeps the object alive. So a program
 * that contended once for each of many objects does not keep a Monitor per object. Nothing else can hold the
 * Monitor then: whoever uses one is its owner or queued in it (a timed-out {@code wait} leaves the wait set
 * only when it runs, and takes the monitor or queues for it at once). <i>Rejected</i>: deflating at a
 * collection, as HotSpot's deflation thread does at its own pace: it keeps idle monitors until the next
 * collection, and the collector, which runs on the system stack and may not allocate, would have to reach into
 * the scheduler's tables; deflating at the release costs one more inflation (an allocation) when the same object
 * is contended again, which is rare next to the park that contention costs anyway.
 *
 * <h2>Handoff</h2>
 * Releasing a contended monitor hands it to the first tasklet in its entry queue (owner and count set for it,
 * then unparked), first come first served; so a released tasklet never races a newcomer. No atomics: one CPU
 * runs one tasklet at a time and nothing preempts inside these methods.
 */
public final class Monitors {
    private static final long INFLATED = 1L << 63;
    private static final int OWNER_SHIFT = 40;
    private static final int COUNT_SHIFT = 32;
    private static final long COUNT_MASK = 0xffL << COUNT_SHIFT;
    private static final long LOCK_MASK = -1L << 32;
    private static final long MAX_THIN_OWNER = (1L << 23) - 1;

    private static Monitor[] table;
    /** Slots in use or freed: the next new slot is {@code tableSize}. */
    private static int tableSize;
    /** Slots that deflation freed, reused first; {@code freeSlotCount} of them. */
    private static int[] freeSlots;
    private static int freeSlotCount;
    private static int inflatedCount;

    private Monitors() {}

    /** {@code monitorenter}. */
    public static void enter(Object o) {
        long word = hashWordAddress(o);
        long value = Intrinsics.readLong(word);
        long me = Scheduler.current().id;
        if ((value & LOCK_MASK) == 0 && me <= MAX_THIN_OWNER) {
            Intrinsics.writeLong(word, value | me << OWNER_SHIFT);
            return;
        }
        if ((value & INFLATED) == 0 && (value >>> OWNER_SHIFT) == me && (value & COUNT_MASK) != COUNT_MASK) {
            Intrinsics.writeLong(word, value + (1L << COUNT_SHIFT));
            return;
        }
        Monitor monitor = inflate(o);
        if (monitor.owner == null) {
            monitor.owner = Scheduler.current();
            monitor.count = 1;
        } else if (monitor.owner == Scheduler.current()) {
            monitor.count++;
        } else {
            awaitHandoff(monitor, new Monitor.Waiter(Scheduler.current(), 1), "monitor enter");
        }
    }

    /** {@code monitorexit}. */
    public static void exit(Object o) {
        long word = hashWordAddress(o);
        long value = Intrinsics.readLong(word);
        if ((value & INFLATED) == 0) {
            if ((value & LOCK_MASK) == 0 || (value >>> OWNER_SHIFT) != Scheduler.current().id) {
                throw notOwner();
            }
            long count = value & COUNT_MASK;
            Intrinsics.writeLong(word, count == 0 ? value & ~LOCK_MASK : value - (1L << COUNT_SHIFT));
            return;
        }
        Monitor monitor = table[(int) ((value & ~INFLATED) >>> 32)];
        if (monitor.owner != Scheduler.current()) {
            throw notOwner();
        }
        if (--monitor.count == 0) {
            release(monitor);
        }
    }

    /** Whether the calling tasklet holds {@code o}'s monitor ({@code Thread.holdsLock}). */
    public static boolean holdsLock(Object o) {
        long value = Intrinsics.readLong(hashWordAddress(o));
        if ((value & INFLATED) != 0) {
            return table[(int) ((value & ~INFLATED) >>> 32)].owner == Scheduler.current();
        }
        return (value & LOCK_MASK) != 0 && (value >>> OWNER_SHIFT) == Scheduler.current().id;
    }

    /**
     * {@code Object.wait}: releases the monitor completely, waits for a notify, the deadline ({@code nanos} &gt; 0)
     * or an interrupt ({@link Tasklet#interrupt}), then takes the monitor back with the same count.
     */
    public static void await(Object o, long nanos) {
        if (!holdsLock(o)) {
            throw notOwner();
        }
        Monitor monitor = inflate(o);
        Tasklet self = Scheduler.current();
        Monitor.Waiter waiter = new Monitor.Waiter(self, monitor.count);
        monitor.waitSet.add(waiter);
        release(monitor);
        long deadline = Scheduler.now() + nanos;
        while (!waiter.notified && !self.interruptPending && (nanos == 0 || Scheduler.now() - deadline < 0)) {
            if (nanos == 0) {
                Scheduler.park("Object.wait", o);
            } else {
                Scheduler.parkUntil(deadline, "Object.wait", o);
            }
        }
        if (!waiter.notified) {
            monitor.waitSet.remove(waiter); // timed out or interrupted: compete for the monitor like a newcomer
            if (monitor.owner == null) {
                monitor.owner = self;
                monitor.count = waiter.count;
                return;
            }
        }
        if (monitor.owner != self) {
            awaitHandoff(monitor, waiter, "monitor re-entry after wait");
        }
    }

    /** {@code Object.notify} ({@code all} false) and {@code notifyAll}: waiters move to the entry queue. */
    public static void notify(Object o, boolean all) {
        if (!holdsLock(o)) {
            throw notOwner();
        }
        long value = Intrinsics.readLong(hashWordAddress(o));
        if ((value & INFLATED) == 0) {
            return; // never inflated: nobody waits
        }
        Monitor monitor = table[(int) ((value & ~INFLATED) >>> 32)];
        for (Monitor.Waiter w = monitor.waitSet.poll(); w != null; w = all ? monitor.waitSet.poll() : null) {
            w.notified = true;
            monitor.entryQueue.add(w);
        }
    }

    /** Queues {@code waiter} for {@code monitor} and parks until a release hands the monitor to it. */
    private static void awaitHandoff(Monitor monitor, Monitor.Waiter waiter, String reason) {
        waiter.granted = false;
        if (!waiter.notified) {
            monitor.entryQueue.add(waiter);
        }
        while (!waiter.granted) {
            Scheduler.park(reason, monitor.object);
        }
    }

    /** The owner is done: hand the monitor to the first in the entry queue, or leave it free (and deflate it). */
    private static void release(Monitor monitor) {
        Monitor.Waiter next = monitor.entryQueue.poll();
        if (next == null) {
            monitor.owner = null;
            monitor.count = 0;
            if (monitor.waitSet.isEmpty()) {
                deflate(monitor);
            }
            return;
        }
        monitor.owner = next.tasklet;
        monitor.count = next.count;
        next.granted = true;
        Scheduler.unpark(next.tasklet);
    }

    /** The Monitor of {@code o}, created from its thin lock (owner and count carried over) if need be. */
    private static Monitor inflate(Object o) {
        long word = hashWordAddress(o);
        long value = Intrinsics.readLong(word);
        if ((value & INFLATED) != 0) {
            return table[(int) ((value & ~INFLATED) >>> 32)];
        }
        Tasklet owner = (value & LOCK_MASK) != 0 ? Scheduler.find(value >>> OWNER_SHIFT) : null;
        int slot;
        if (freeSlotCount > 0) {
            slot = freeSlots[--freeSlotCount];
        } else {
            if (table == null) {
                table = new Monitor[64];
                freeSlots = new int[64];
            } else if (tableSize == table.length) {
                table = java.util.Arrays.copyOf(table, tableSize * 2);
                freeSlots = java.util.Arrays.copyOf(freeSlots, tableSize * 2);
            }
            slot = tableSize++;
        }
        Monitor monitor = new Monitor(o, slot);
        if (owner != null) {
            monitor.owner = owner;
            monitor.count = (int) ((value & COUNT_MASK) >>> COUNT_SHIFT) + 1;
        }
        table[slot] = monitor;
        inflatedCount++;
        Intrinsics.writeLong(word, INFLATED | (long) slot << 32 | (value & 0xffffffffL));
        return monitor;
    }

    /** Back to an unlocked thin lock (class comment, "Deflation"); the monitor must be free and nobody queued. */
    private static void deflate(Monitor monitor) {
        long word = hashWordAddress(monitor.object);
        Intrinsics.writeLong(word, Intrinsics.readLong(word) & 0xffffffffL);
        table[monitor.slot] = null;
        freeSlots[freeSlotCount++] = monitor.slot;
        inflatedCount--;
    }

    /** Objects whose monitor is inflated now (a diagnostic: after contention ends, deflation brings it to 0). */
    public static int inflatedCount() {
        return inflatedCount;
    }

    private static long hashWordAddress(Object o) {
        if (o == null) {
            throw new NullPointerException();
        }
        return Intrinsics.addressOf(o) + ObjectModel.HASH_OFFSET;
    }

    private static IllegalMonitorStateException notOwner() {
        return new IllegalMonitorStateException("current thread is not owner");
    }

    /** An inflated monitor. */
    static final class Monitor {
        final Object object;
        /** Its index in the table, which the inflated header word holds. */
        final int slot;
        Tasklet owner;
        int count;
        /** Tasklets waiting to own it, in arrival order (a notified waiter joins at the end). */
        final WaitQueue<Waiter> entryQueue = new WaitQueue<>();
        /** Tasklets in {@code wait}, in arrival order. */
        final WaitQueue<Waiter> waitSet = new WaitQueue<>();

        Monitor(Object object, int slot) {
            this.object = object;
            this.slot = slot;
        }

        static final class Waiter extends WaitQueue.Waiter {
            /** The count to own the monitor with: 1 from monitorenter, the saved one after wait. */
            final int count;
            boolean notified;
            boolean granted;

            Waiter(Tasklet tasklet, int count) {
                super(tasklet);
                this.count = count;
            }
        }
    }
}
