package kiln.kernel.sched;

import kiln.kernel.memory.Stack;

/**
 * A tasklet (package comment): a body to run on a stack of its own. Fields are grouped by who may touch them;
 * with one CPU and no preemption yet, "the scheduler" means code running between two switches.
 */
public final class Tasklet {
    static final int RUNNABLE = 0;
    static final int RUNNING = 1;
    static final int PARKED = 2;
    static final int SLEEPING = 3;
    static final int DEAD = 4;
    /** The range of priorities, java.lang.Thread's. */
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;
    private static final String[] STATE_NAMES = {"runnable", "running", "parked", "sleeping", "dead"};

    // Every idle tasklet pays for these (docs/abi.md "Objects": each field aligned to its size, the object to 8), so
    // the references and longs come first and the seven one-byte fields share the last 8 bytes: 112 bytes, not 136.

    // Fixed at spawn.
    final long id;
    final Runnable body;
    /** Null once the tasklet is dead and its stack went back to the pool. */
    Stack stack;
    /** Null until someone names it: {@link #name()} then says "tasklet-id" (a spawn need not build a string). */
    volatile String name;
    /** What the kernel associated with it: its {@code java.lang.Thread}, for one. */
    private Object attachment;

    // The scheduler's.
    /** The link in the run queue. */
    Tasklet nextInQueue;
    /** The timer list ({@link Scheduler}), ordered by {@link #wakeAt}. */
    Tasklet nextTimer;
    /** Timestamp-counter deadline of a sleep or timed park. */
    long wakeAt;
    /** Why it is parked and on what, for the deadlock report; null while it runs. */
    String waitReason;
    Object waitingOn;
    /** Tasklets parked in {@link #join}; null until the first one comes (most tasklets are never joined). */
    WaitQueue<WaitQueue.Waiter> joiners;
    /**
     * The waiter of the last join and the joiners' queue of the last tasklet that ended, kept for the next join (as
     * Channel keeps spare waiters, "The fast path"): spawning a tasklet and joining it allocates only the Tasklet
     * (bench/tasklets' spawn and exit). One of each is enough for that pattern; joins that overlap allocate.
     * <i>Rejected</i>: the joiner's Tasklet itself as the queue's link (two more fields on every tasklet, joined or
     * not).
     */
    private static WaitQueue.Waiter spareJoinWaiter;
    private static WaitQueue<WaitQueue.Waiter> spareJoinQueue;
    byte state;
    /** {@link #MIN_PRIORITY} to {@link #MAX_PRIORITY}: where it enters the run queue (Scheduler, "Priorities"). */
    byte priority = NORM_PRIORITY;
    /** How often a tasklet of higher priority went ahead of it since it last ran. */
    byte overtaken;
    final boolean daemon;
    /** An unpark that came while it was not parked. */
    boolean permit;
    boolean inTimerList;
    /** Set by {@link #interrupt}: sleep, join and monitor waits return early, and their callers decide what follows. */
    boolean interruptPending;

    Tasklet(long id, String name, Runnable body, boolean daemon, Stack stack) {
        this.id = id;
        this.name = name;
        this.body = body;
        this.daemon = daemon;
        this.stack = stack;
    }

    /** Starts {@code body} in a new tasklet, runnable at once; the caller goes on running. */
    public static Tasklet spawn(String name, Runnable body) {
        return Scheduler.spawn(name, body, false, null);
    }

    /** As {@link #spawn}, but the guest does not wait for it to end (like a daemon thread, or a goroutine). */
    public static Tasklet spawnDaemon(String name, Runnable body) {
        return Scheduler.spawn(name, body, true, null);
    }

    /** The tasklet that calls. */
    public static Tasklet current() {
        return Scheduler.current();
    }

    /** Waits until this tasklet has ended (or the caller is interrupted). */
    public void join() {
        awaitEnd(0, false);
    }

    /** Waits until this tasklet has ended, {@code nanos} have passed or the caller is interrupted; true if it ended. */
    public boolean join(long nanos) {
        return awaitEnd(Scheduler.now() + nanos, true);
    }

    private boolean awaitEnd(long deadline, boolean timed) {
        Tasklet self = Scheduler.current();
        while (state != DEAD && !self.interruptPending) {
            if (timed && Scheduler.now() - deadline >= 0) {
                return false;
            }
            WaitQueue.Waiter waiter = spareJoinWaiter;
            if (waiter != null) {
                spareJoinWaiter = null;
                waiter.tasklet = self;
            } else {
                waiter = new WaitQueue.Waiter(self);
            }
            // Kept in a local: once this tasklet has ended, Scheduler.exit may hand its queue to another tasklet (a
            // spare), where the remove below finds the waiter no longer queued and leaves the queue alone.
            WaitQueue<WaitQueue.Waiter> queue = joiners;
            if (queue == null) {
                queue = spareJoinQueue;
                if (queue != null) {
                    spareJoinQueue = null;
                } else {
                    queue = new WaitQueue<>();
                }
                joiners = queue;
            }
            queue.add(waiter);
            if (timed) {
                Scheduler.parkUntil(deadline, "join", this);
            } else {
                Scheduler.park("join", this);
            }
            queue.remove(waiter);
            waiter.tasklet = null;
            spareJoinWaiter = waiter;
        }
        return state == DEAD;
    }

    /** An ended tasklet's joiners' queue, empty now: the next {@link #join} of a tasklet without one takes it. */
    static void recycleJoinQueue(WaitQueue<WaitQueue.Waiter> queue) {
        spareJoinQueue = queue;
    }

    /** Asks the tasklet to stop waiting: wakes it from sleep, join or a monitor wait ({@code Thread.interrupt}). */
    public void interrupt() {
        interruptPending = true;
        Scheduler.wake(this);
    }

    /** Whether {@link #interrupt} was called since the flag was last cleared; clears it if {@code clear}. */
    public boolean interruptPending(boolean clear) {
        boolean pending = interruptPending;
        if (clear) {
            interruptPending = false;
        }
        return pending;
    }

    /**
     * What {@code Thread.getState} reports, as the ordinal of {@code java.lang.Thread.State}: 1 RUNNABLE (running
     * or ready to), 2 BLOCKED (waiting to enter or re-enter a monitor, see {@link Monitors}), 3 WAITING,
     * 4 TIMED_WAITING (a sleep, or a park with a deadline), 5 TERMINATED.
     */
    public int threadState() {
        if (state == DEAD) {
            return 5;
        }
        if (state == SLEEPING || state == PARKED && inTimerList) {
            return 4;
        }
        if (state == PARKED) {
            String reason = waitReason;
            return reason != null && reason.startsWith("monitor") ? 2 : 3;
        }
        return 1;
    }

    public boolean isAlive() {
        return state != DEAD;
    }

    public boolean isDaemon() {
        return daemon;
    }

    /** Bytes of machine stack it holds now (grown on demand, halved by a collection while it waits); 0 once dead. */
    public long stackBytes() {
        Stack current = stack;
        return current == null ? 0 : current.size();
    }

    public int priority() {
        return priority;
    }

    /** A hint (Scheduler, "Priorities"); {@code priority} from {@link #MIN_PRIORITY} to {@link #MAX_PRIORITY}. */
    public void setPriority(int priority) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("a tasklet's priority is from 1 to 10, not " + priority);
        }
        Scheduler.changePriority(this, priority);
    }

    public long id() {
        return id;
    }

    public String name() {
        String given = name;
        return given != null ? given : "tasklet-" + id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Object attachment() {
        return attachment;
    }

    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    String stateName() {
        return STATE_NAMES[state];
    }

    @Override
    public String toString() {
        return "Tasklet[" + id + "," + name() + "," + stateName() + "]";
    }
}
