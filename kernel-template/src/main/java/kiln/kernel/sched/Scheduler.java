package kiln.kernel.sched;

import kiln.kernel.boot.LateStart;
import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.interrupts.Deferred;
import kiln.kernel.memory.Stack;
import kiln.kernel.memory.Stacks;
import kiln.kernel.time.Clock;
import kiln.kernel.time.Timer;
import kiln.runtime.Exceptions;
import kiln.runtime.Intrinsics;

/**
 * The scheduler (package comment): one run queue, first in first out; a timer list of deadlines; park and
 * unpark; and the end of the guest: when the last non-daemon tasklet ends, or when nothing can ever run again.
 *
 * <p>Time is {@link Clock#nanoTime}. Interrupts reach tasklets through deferred work ({@link Deferred}, posted by
 * handlers, typically an {@link InterruptSignal}'s wake-up), which the scheduler runs at every switch, when it
 * is asked to preempt, and in its idle loop ({@link #runNext}): an idle CPU drains that work, then halts until
 * the next interrupt or the earliest deadline ({@link Timer#idle}), and looks again. Tasklets parked for an
 * interrupt ({@link #parkForInterrupt}) are not deadlocked: their interrupt can still come. On the hosted
 * target, which has no interrupts, idling is nanosleep(2) until the earliest deadline.
 *
 * <h2>Priorities</h2>
 * A hint, as JLS §17 and {@code Thread.setPriority} allow, that orders the run queue: a tasklet made runnable goes
 * ahead of the runnable tasklets of lower priority, unless one of those has been overtaken {@link #OVERTAKE_LIMIT}
 * times since it last ran; among equal priorities, first come first served. So a runnable tasklet waits for at
 * most {@code OVERTAKE_LIMIT} newcomers besides the tasklets ahead of it, and none starves: two busy tasklets of
 * priority 10 and 1 get about 8 of 9 and 1 of 9 of the time slices. All tasklets start at 5 and slices do not
 * depend on priority, so a program that never sets one sees exactly the first-in first-out queue, with an
 * O(1) append. <i>Rejected</i>: strict priority queues (a busy high-priority tasklet starves every lower one,
 * which the JDK does not promise and HotSpot on Linux does not do); longer slices for higher priorities (they
 * change nothing for tasklets that block, which most do).
 */
public final class Scheduler {
    /** How often a runnable tasklet may be overtaken by higher-priority ones before it runs (class comment). */
    static final int OVERTAKE_LIMIT = 8;
    /** The running tasklet; read directly by the package's fast paths (Channel), else through {@link #current()}. */
    static Tasklet current;
    private static Tasklet main;
    private static Tasklet runQueueHead;
    private static Tasklet runQueueTail;
    /** Sleeping and timed-parked tasklets, earliest deadline first, linked through {@link Tasklet#nextTimer}. */
    private static Tasklet timers;
    /** A tasklet that ended and whose stack is to be released by the next one to run. */
    private static Tasklet exited;
    private static long nextId;
    /** Non-daemon tasklets alive besides main. */
    private static int nonDaemonCount;
    /** Tasklets parked in {@link #parkForInterrupt}: an interrupt handler's deferred work may still wake them. */
    private static int interruptWaiterCount;

    private Scheduler() {}

    /** Makes the code that runs now (the boot path, on the boot stack) the tasklet "main". Once, after the heap. */
    public static void init() {
        Stacks.init();
        Stacks.setPreemptionHandler(Intrinsics.symbol("m:kiln/kernel/sched/Scheduler.preempt()V"));
        main = new Tasklet(++nextId, "main", null, false, Stacks.current());
        main.state = Tasklet.RUNNING;
        main.stack.setOwner(main);
        current = main;
    }

    static Tasklet current() {
        return current;
    }

    /** The live tasklet with id {@code id}, or null. */
    static Tasklet find(long id) {
        for (Stack stack = Stacks.firstLive(); stack != null; stack = stack.nextLive()) {
            Tasklet t = liveOwner(stack);
            if (t != null && t.id == id) {
                return t;
            }
        }
        return null;
    }

    /** Nanoseconds on the scheduler's clock. */
    static long now() {
        return Clock.nanoTime();
    }

    /** A new runnable tasklet ({@code name} may be null); {@code attachment} is its {@code java.lang.Thread} or null. */
    public static Tasklet spawn(String name, Runnable body, boolean daemon, Object attachment) {
        if (body == null) {
            throw new NullPointerException("the tasklet's body is null");
        }
        LateStart.interrupts(); // two tasklets: preemption runs on the timer's heartbeat
        long id = ++nextId;
        Stack stack = Stacks.forEntry(Intrinsics.symbol("m:kiln/kernel/sched/Scheduler.taskletEntry()V"));
        Tasklet tasklet = new Tasklet(id, name, body, daemon, stack);
        tasklet.attach(attachment);
        if (!daemon) {
            nonDaemonCount++;
        }
        stack.setOwner(tasklet);
        makeRunnable(tasklet);
        return tasklet;
    }

    /**
     * Where every tasklet but main starts, on its own stack (Stacks.forEntry): runs the body, reports an
     * exception that escapes it as HotSpot reports one that ends a thread, and ends.
     */
    private static void taskletEntry() {
        releaseExited();
        Tasklet self = current;
        try {
            self.body.run();
        } catch (Throwable uncaught) {
            Exceptions.reportUncaught(self.name(), uncaught);
        }
        exit();
    }

    /** Ends the running tasklet: wakes its joiners, then runs the next one. Never returns. */
    private static void exit() {
        Tasklet self = current;
        self.state = Tasklet.DEAD;
        WaitQueue<WaitQueue.Waiter> joiners = self.joiners;
        if (joiners != null) {
            for (WaitQueue.Waiter joiner = joiners.poll(); joiner != null; joiner = joiners.poll()) {
                unpark(joiner.tasklet);
            }
            self.joiners = null;
            Tasklet.recycleJoinQueue(joiners);
        }
        if (!self.daemon && --nonDaemonCount == 0 && main.waitingOn == Scheduler.class) {
            unpark(main);
        }
        exited = self;
        runNext();
    }

    /** The stack of a tasklet that ended, released once it no longer runs on it. */
    private static void releaseExited() {
        Tasklet dead = exited;
        if (dead != null) {
            exited = null;
            Stacks.release(dead.stack);
            dead.stack = null;
        }
    }

    /** Main, after {@code main} returned: waits until every non-daemon tasklet has ended. */
    public static void awaitNonDaemonTasklets() {
        while (nonDaemonCount > 0) {
            park("the end of the non-daemon threads", Scheduler.class);
        }
    }

    /**
     * Called through a poisoned stack limit (package comment, "Preemption") at a prologue or a loop's head of the
     * running tasklet, once {@code Stacks} found only application and library code on its stack: yields if
     * another tasklet can run.
     */
    private static void preempt() {
        if (runQueueHead != null || Deferred.pending() || timers != null && now() - timers.wakeAt >= 0) {
            Scheduler.yield();
        }
    }

    /** Lets every runnable tasklet run once before the caller goes on. */
    public static void yield() {
        Deferred.drain();
        wakeExpiredTimers();
        if (runQueueHead == null) {
            return;
        }
        Tasklet self = current;
        makeRunnable(self);
        runNext();
    }

    /** Parks the caller for at least {@code nanos} nanoseconds, or until {@link Tasklet#interrupt}. */
    public static void sleep(long nanos) {
        LateStart.interrupts(); // the timer ends the idle wait
        long deadline = now() + nanos;
        Tasklet self = current;
        while (now() - deadline < 0 && !self.interruptPending) {
            self.wakeAt = deadline;
            self.state = Tasklet.SLEEPING;
            self.waitReason = "sleep";
            addTimer(self);
            runNext();
        }
    }

    /**
     * Parks the caller until {@link #unpark} (which may have come first: then this returns at once), for
     * {@code reason} on {@code on} (shown by the deadlock report). May return spuriously: callers check their
     * condition in a loop.
     */
    public static void park(String reason, Object on) {
        Tasklet self = current;
        if (self.permit) {
            self.permit = false;
            return;
        }
        self.state = Tasklet.PARKED;
        self.waitReason = reason;
        self.waitingOn = on;
        runNext();
    }

    /**
     * As {@link #park}, for a wake-up that an interrupt handler's deferred work brings ({@link InterruptSignal}):
     * while such a tasklet waits, an idle CPU halts until the next interrupt instead of reporting a deadlock.
     */
    static void parkForInterrupt(String reason, Object on) {
        interruptWaiterCount++;
        try {
            park(reason, on);
        } finally {
            interruptWaiterCount--;
        }
    }

    /** As {@link #park}, but also returns at {@code deadline} (nanoseconds on {@link #now}). */
    public static void parkUntil(long deadline, String reason, Object on) {
        Tasklet self = current;
        if (self.permit) {
            self.permit = false;
            return;
        }
        if (now() - deadline >= 0) {
            return;
        }
        LateStart.interrupts(); // the timer ends the idle wait
        self.wakeAt = deadline;
        addTimer(self);
        self.state = Tasklet.PARKED;
        self.waitReason = reason;
        self.waitingOn = on;
        runNext();
    }

    /** Makes a parked tasklet runnable, or gives it a permit for its next park. */
    public static void unpark(Tasklet tasklet) {
        if (tasklet.state == Tasklet.PARKED) {
            if (tasklet.inTimerList) {
                removeTimer(tasklet);
            }
            makeRunnable(tasklet);
        } else if (tasklet.state != Tasklet.DEAD) {
            tasklet.permit = true;
        }
    }

    /** Wakes a sleeping or parked tasklet whatever it waits for (Thread.interrupt). */
    public static void wake(Tasklet tasklet) {
        if (tasklet.state == Tasklet.SLEEPING || tasklet.state == Tasklet.PARKED) {
            removeTimer(tasklet);
            makeRunnable(tasklet);
        }
    }

    private static void makeRunnable(Tasklet tasklet) {
        tasklet.state = Tasklet.RUNNABLE;
        tasklet.waitReason = null;
        tasklet.waitingOn = null;
        tasklet.nextInQueue = null;
        Tasklet tail = runQueueTail;
        if (tail == null) {
            runQueueHead = tasklet;
            runQueueTail = tasklet;
        } else if (tail.priority >= tasklet.priority) {
            tail.nextInQueue = tasklet;
            runQueueTail = tasklet;
        } else {
            enqueueByPriority(tasklet);
        }
    }

    /**
     * Puts {@code tasklet} behind the last queued tasklet it may not overtake (one of its priority or higher, or
     * one overtaken {@link #OVERTAKE_LIMIT} times already), and counts one more overtaking for each behind it.
     */
    private static void enqueueByPriority(Tasklet tasklet) {
        Tasklet before = null;
        for (Tasklet t = runQueueHead; t != null; t = t.nextInQueue) {
            if (t.priority >= tasklet.priority || t.overtaken >= OVERTAKE_LIMIT) {
                before = t;
            }
        }
        Tasklet after = before == null ? runQueueHead : before.nextInQueue;
        tasklet.nextInQueue = after;
        if (before == null) {
            runQueueHead = tasklet;
        } else {
            before.nextInQueue = tasklet;
        }
        if (after == null) {
            runQueueTail = tasklet;
        }
        for (Tasklet t = after; t != null; t = t.nextInQueue) {
            t.overtaken++;
        }
    }

    /** {@link Tasklet#setPriority}: a runnable tasklet takes its new place in the run queue at once. */
    static void changePriority(Tasklet tasklet, int priority) {
        tasklet.priority = (byte) priority;
        if (tasklet.state != Tasklet.RUNNABLE || tasklet == current) {
            return;
        }
        Tasklet previous = null;
        for (Tasklet t = runQueueHead; t != tasklet; t = t.nextInQueue) {
            previous = t;
        }
        if (previous == null) {
            runQueueHead = tasklet.nextInQueue;
        } else {
            previous.nextInQueue = tasklet.nextInQueue;
        }
        if (runQueueTail == tasklet) {
            runQueueTail = previous;
        }
        makeRunnable(tasklet);
    }

    /**
     * Switches to the next runnable tasklet; the caller has already put itself where it will be found again
     * (run queue, timer list, a wait queue) or has ended. Runs deferred interrupt work first, which may make
     * tasklets runnable. When none is, idles until an interrupt or the earliest deadline; reports a deadlock
     * when neither is to be expected.
     */
    private static void runNext() {
        Deferred.drain();
        while (runQueueHead == null) {
            if (wakeExpiredTimers()) {
                break;
            }
            if (timers == null && interruptWaiterCount == 0) {
                reportDeadlock();
            }
            // Timer.idle checks for deferred work with interrupts disabled and halts with sti; hlt, which
            // cannot lose the interrupt that posts it in between (SDM Vol. 2B, STI).
            if (timers == null) {
                Timer.idleUntilInterrupt();
            } else {
                Timer.idle(timers.wakeAt);
            }
            Deferred.drain();
        }
        Tasklet next = runQueueHead;
        runQueueHead = next.nextInQueue;
        if (runQueueHead == null) {
            runQueueTail = null;
        }
        next.nextInQueue = null;
        next.state = Tasklet.RUNNING;
        next.overtaken = 0;
        Tasklet previous = current;
        if (next == previous) {
            return;
        }
        current = next;
        Stacks.switchTo(next.stack);
        if (exited != null) {
            releaseExited();
        }
    }

    /** Moves every tasklet whose deadline has passed to the run queue; true if there was one. */
    private static boolean wakeExpiredTimers() {
        boolean woke = false;
        long now = now();
        while (timers != null && now - timers.wakeAt >= 0) {
            Tasklet due = timers;
            timers = due.nextTimer;
            due.nextTimer = null;
            due.inTimerList = false;
            makeRunnable(due);
            woke = true;
        }
        return woke;
    }

    private static void addTimer(Tasklet tasklet) {
        Tasklet previous = null;
        Tasklet t = timers;
        while (t != null && t.wakeAt - tasklet.wakeAt <= 0) {
            previous = t;
            t = t.nextTimer;
        }
        tasklet.nextTimer = t;
        if (previous == null) {
            timers = tasklet;
        } else {
            previous.nextTimer = tasklet;
        }
        tasklet.inTimerList = true;
    }

    private static void removeTimer(Tasklet tasklet) {
        if (!tasklet.inTimerList) {
            return;
        }
        Tasklet previous = null;
        for (Tasklet t = timers; t != null; previous = t, t = t.nextTimer) {
            if (t == tasklet) {
                if (previous == null) {
                    timers = t.nextTimer;
                } else {
                    previous.nextTimer = t.nextTimer;
                }
                break;
            }
        }
        tasklet.nextTimer = null;
        tasklet.inTimerList = false;
    }

    /**
     * The tasklet that owns {@code stack} if it has not ended, else null. Every live tasklet is the owner of one of
     * {@link Stacks}'s live stacks, which is how the scheduler finds them all without a list of its own.
     */
    private static Tasklet liveOwner(Stack stack) {
        return stack.owner() instanceof Tasklet t && t.state != Tasklet.DEAD ? t : null;
    }

    /**
     * Nothing is runnable, no deadline is pending and no tasklet waits for an interrupt, so no tasklet can ever
     * run again: prints every live
     * tasklet with what it waits on and its Java stack (oldest tasklet last, innermost frame first, the
     * scheduler's own frames left out), then ends the guest with status 1.
     */
    private static void reportDeadlock() {
        StringBuilder report = new StringBuilder("kiln: deadlock: every tasklet is blocked and nothing can wake one\n");
        for (Stack stack = Stacks.firstLive(); stack != null; stack = stack.nextLive()) {
            Tasklet t = liveOwner(stack);
            if (t == null) {
                continue;
            }
            report.append('"').append(t.name()).append("\" ").append(t.stateName());
            if (t.waitReason != null) {
                report.append(", waiting for ").append(t.waitReason);
            }
            if (t.waitingOn != null) {
                report.append(" on ").append(describe(t.waitingOn));
            }
            report.append('\n');
            long[] frames = t == current ? Stack.returnAddresses(Intrinsics.framePointer()) : t.stack.suspendedReturnAddresses();
            boolean inScheduler = true;
            for (long returnAddress : frames) {
                String frame = Exceptions.frameAt(returnAddress);
                if (inScheduler && (frame.startsWith("kiln.kernel.sched.") || frame.startsWith("kiln.kernel.memory."))) {
                    continue;
                }
                inScheduler = false;
                report.append("\tat ").append(frame).append('\n');
            }
        }
        System.out.flush();
        System.err.print(report);
        System.err.flush();
        ExitDevice.exit(1);
    }

    private static String describe(Object waitingOn) {
        if (waitingOn instanceof Tasklet t) {
            return "tasklet \"" + t.name() + "\"";
        }
        if (waitingOn instanceof Class<?> c) {
            return c.getName();
        }
        return waitingOn.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(waitingOn));
    }
}
