package kiln.kernel.sched;

import kiln.kernel.interrupts.Deferred;

/**
 * Something an interrupt handler signals and tasklets wait for ("input arrived"): the way a handler, which may
 * not allocate, take a monitor or block, makes a tasklet runnable.
 *
 * <h2>Design</h2>
 * A handler calls {@link #signal}: it counts the signal and, unless a wake-up is already on its way, posts this
 * signal's wake-up task (made once, with the signal) to {@link Deferred}. The scheduler drains that queue at
 * its switches, at preemption and in its idle loop, outside interrupt context; the task unparks every waiter.
 * So the handler allocates nothing, and one burst of interrupts (a FIFO's worth of bytes, a held key) costs one
 * slot in the ring, not one each.
 *
 * <p>A waiter first reads {@link #count}, then checks its condition (is there a byte?), then calls
 * {@link #await} with the count it read. A signal that comes between the check and the wait has changed the
 * count, so the wait returns at once instead of sleeping through it: no lost wake-up, without disabling
 * interrupts around the check. A waiter parks in the scheduler ({@link Scheduler#parkForInterrupt}), so other
 * tasklets run meanwhile, and the deadlock report knows that an interrupt can still wake it.
 *
 * <p><i>Rejected</i>: unparking from the handler itself. {@code unpark} changes the run queue and the timer list,
 * which the interrupted code may be changing at that moment; guarding them would mean disabling interrupts in
 * every scheduler operation. <i>Rejected</i>: halting in place until the next interrupt (what input did
 * before tasklets): the CPU would stop for every tasklet, not just the one that waits.
 */
public final class InterruptSignal {
    private final WaitQueue<WaitQueue.Waiter> waiters = new WaitQueue<>();
    private final Runnable wakeWaiters = this::wakeWaiters;
    private final String reason;
    /** Signals so far; a handler increments it, waiters compare it. */
    private volatile int count;
    /** Whether {@link #wakeWaiters} is in the deferred ring and has not run yet. */
    private volatile boolean wakeUpPosted;

    /** A signal; {@code reason} says what its waiters wait for, in the deadlock report ("console input"). */
    public InterruptSignal(String reason) {
        this.reason = reason;
    }

    /** For interrupt handlers (allocates nothing, never waits): wakes the waiters, soon, outside the handler. */
    public void signal() {
        count++;
        if (!wakeUpPosted) {
            wakeUpPosted = Deferred.post(wakeWaiters);
        }
    }

    /** The number of signals so far: read before checking the condition that {@link #await} waits for. */
    public int count() {
        return count;
    }

    /**
     * Parks the calling tasklet until the next signal after the one that made {@link #count} answer
     * {@code seen}; returns at once if it came already. May return early: callers check their condition in a loop.
     */
    public void await(int seen) {
        if (count != seen) {
            return;
        }
        WaitQueue.Waiter waiter = new WaitQueue.Waiter(Scheduler.current());
        waiters.add(waiter);
        Scheduler.parkForInterrupt(reason, this);
        waiters.remove(waiter);
    }

    /** The deferred task: every tasklet waiting now becomes runnable. */
    private void wakeWaiters() {
        wakeUpPosted = false;
        for (WaitQueue.Waiter waiter = waiters.poll(); waiter != null; waiter = waiters.poll()) {
            Scheduler.unpark(waiter.tasklet);
        }
    }
}
