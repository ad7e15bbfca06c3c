package kiln.kernel.sched;

/**
 * Waits on several channel operations at once and performs exactly one (Go's {@code select} statement, The Go
 * Programming Language Specification, "Select statements"):
 * <pre>
 * Select select = new Select().receive(numbers).send(results, answer).timeout(50_000_000);
 * switch (select.run()) {
 *     case 0 -&gt; use(select.value());
 *     case 1 -&gt; ...                      // answer was sent
 *     case Select.TIMED_OUT -&gt; ...
 * }
 * </pre>
 * Cases are numbered in the order they were added. If some are ready, the first ready one in that order is
 * performed (Go picks one at random; Kiln's choice is deterministic, so that programs and tests repeat, and
 * a program that needs fairness rotates its cases). If none is ready: with {@link #orElse()} {@link #run}
 * returns {@link #DEFAULT} at once; otherwise the tasklet waits in every case's queue until one case happens or
 * the {@link #timeout} passes. A Select may be run again and again.
 */
public final class Select {
    /** {@link #run}'s result when no case was ready and the select has a default. */
    public static final int DEFAULT = -1;
    /** {@link #run}'s result when the timeout passed first. */
    public static final int TIMED_OUT = -2;
    private static final int INITIAL_CASES = 4;

    private Channel<?>[] channels = new Channel<?>[INITIAL_CASES];
    private Object[] values = new Object[INITIAL_CASES];
    private boolean[] sending = new boolean[INITIAL_CASES];
    private int caseCount;
    private boolean hasDefault;
    /** Nanoseconds; negative = wait without limit. */
    private long timeout = -1;

    // One run's outcome.
    boolean decided;
    private Channel.Waiter chosen;
    private Object value;
    private boolean ok;

    /** Adds a case that receives from {@code channel}; returns this. */
    public Select receive(Channel<?> channel) {
        return addCase(channel, false, null);
    }

    /** Adds a case that sends {@code value} on {@code channel}; returns this. */
    public <T> Select send(Channel<T> channel, T value) {
        return addCase(channel, true, value);
    }

    /** Gives the select a default: {@link #run} never waits, and returns {@link #DEFAULT} if no case is ready. */
    public Select orElse() {
        hasDefault = true;
        return this;
    }

    /** {@link #run} waits at most {@code nanos} nanoseconds, then returns {@link #TIMED_OUT}. */
    public Select timeout(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a select's timeout cannot be negative: " + nanos);
        }
        timeout = nanos;
        return this;
    }

    private Select addCase(Channel<?> channel, boolean send, Object sent) {
        if (channel == null) {
            throw new NullPointerException("a select case's channel is null");
        }
        if (caseCount == channels.length) {
            channels = java.util.Arrays.copyOf(channels, caseCount * 2);
            values = java.util.Arrays.copyOf(values, caseCount * 2);
            sending = java.util.Arrays.copyOf(sending, caseCount * 2);
        }
        channels[caseCount] = channel;
        sending[caseCount] = send;
        values[caseCount] = sent;
        caseCount++;
        return this;
    }

    /**
     * Performs one case and returns its number, or {@link #DEFAULT} or {@link #TIMED_OUT}.
     *
     * @throws IllegalStateException if the case performed is a send on a closed channel
     */
    public int run() {
        decided = false;
        value = null;
        ok = false;
        Channel.Waiter probe = Channel.Waiter.reuse(null, null, true, null);
        if (probe == null) {
            probe = new Channel.Waiter(null, null, true, null, null, 0);
        }
        for (int i = 0; i < caseCount; i++) {
            if (sending[i] ? trySend(channels[i], values[i]) : channels[i].tryReceive(probe)) {
                value = probe.value;
                ok = sending[i] || probe.success;
                probe.recycle();
                return i;
            }
        }
        probe.recycle();
        if (hasDefault || timeout == 0) {
            return hasDefault ? DEFAULT : TIMED_OUT;
        }
        Tasklet self = Scheduler.current();
        Channel.Waiter[] waiters = new Channel.Waiter[caseCount];
        for (int i = 0; i < caseCount; i++) {
            waiters[i] = new Channel.Waiter(self, channels[i], !sending[i], values[i], this, i);
            (sending[i] ? channels[i].senders : channels[i].receivers).add(waiters[i]);
        }
        long deadline = Scheduler.now() + timeout;
        while (!decided && (timeout < 0 || Scheduler.now() - deadline < 0)) {
            if (timeout < 0) {
                Scheduler.park("select", this);
            } else {
                Scheduler.parkUntil(deadline, "select", this);
            }
        }
        for (int i = 0; i < caseCount; i++) {
            Channel<?> channel = channels[i];
            (sending[i] ? channel.senders : channel.receivers).remove(waiters[i]);
        }
        if (!decided) {
            decided = true;
            return TIMED_OUT;
        }
        if (chosen.receiving) {
            value = chosen.value;
            ok = chosen.success;
        } else if (!chosen.success) {
            throw new IllegalStateException("send on a closed channel");
        }
        return chosen.caseIndex;
    }

    @SuppressWarnings("unchecked")
    private static <T> boolean trySend(Channel<T> channel, Object value) {
        return channel.trySend((T) value);
    }

    /** The value the performed receive case got (null if its channel was closed and empty). */
    public Object value() {
        return value;
    }

    /** For a receive case: false when it got no value because the channel was closed and empty. */
    public boolean ok() {
        return ok;
    }

    void decide(Channel.Waiter waiter) {
        decided = true;
        chosen = waiter;
    }
}
