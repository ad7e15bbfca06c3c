package kiln.kernel.sched;

/**
 * A channel between tasklets, with Go's semantics (The Go Programming Language Specification, "Channel types",
 * "Send statements", "Receive operator", "Close"; Stackless Python's channels are the unbuffered case):
 * <ul>
 *   <li>Unbuffered ({@code capacity} 0): a send waits until a receiver takes the value, and a receive until a
 *       sender gives one; the value passes directly from one tasklet to the other.</li>
 *   <li>Buffered: a send waits only while the buffer is full, a receive only while it is empty; values come out
 *       in the order they went in.</li>
 *   <li>{@link #close}: no more sends (sending then throws {@link IllegalStateException}, as Go panics); waiting
 *       senders are woken with that exception; receivers get what is still buffered, then {@code null} at once
 *       ({@link #receive}; {@link #isClosedAndEmpty} tells a null value from the end).</li>
 * </ul>
 * {@link Select} waits on several channels at once. Waiting tasklets queue in {@link Waiter}s (Go's sudog),
 * first come first served. The operations need no lock: one CPU runs one tasklet at a time, and nothing
 * preempts a tasklet inside them (package comment, "preempt-off").
 *
 * <p><b>The fast path</b> (bench/tasklets' ping-pong): a send that finds a receiver waiting hands the value to it
 * and makes it runnable, without a Waiter of its own; a receive that must wait takes a Waiter from a small pool of
 * spares and gives it back when it wakes (Go keeps a per-CPU cache of sudogs for the same reason), so a round
 * trip allocates nothing. <i>Rejected</i>: a Waiter field in every Tasklet (8 bytes on every idle tasklet, used or
 * not); switching straight to the woken receiver from the send (Go's sender keeps running too, and the receiver
 * runs at its turn: a sender that sends several values in a row would otherwise switch at every one).
 *
 * @param <T> the type of the values; {@code null} may be sent, but is then indistinguishable from the end
 *            without {@link #isClosedAndEmpty}
 */
public final class Channel<T> {
    /** The ring buffer, null for an unbuffered channel. */
    private final Object[] buffer;
    private int head;
    private int count;
    private boolean closed;
    final WaitQueue<Waiter> senders = new WaitQueue<>();
    final WaitQueue<Waiter> receivers = new WaitQueue<>();

    /** An unbuffered channel. */
    public Channel() {
        this(0);
    }

    public Channel(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a channel's capacity cannot be negative: " + capacity);
        }
        buffer = capacity == 0 ? null : new Object[capacity];
    }

    /** Hands {@code value} to a receiver or the buffer; waits while neither can take it. */
    public void send(T value) {
        if (trySend(value)) {
            return;
        }
        Waiter waiter = Waiter.reuse(Scheduler.current, this, false, value);
        if (waiter == null) {
            waiter = new Waiter(Scheduler.current, this, false, value, null, 0);
        }
        senders.add(waiter);
        while (!waiter.done) {
            Scheduler.park("channel send", this);
        }
        boolean sent = waiter.success;
        waiter.recycle();
        if (!sent) {
            throw new IllegalStateException("send on a closed channel");
        }
    }

    /** The next value; waits while there is none. After {@link #close}, once the buffer is empty: null. */
    public T receive() {
        Waiter waiter = Waiter.reuse(Scheduler.current, this, true, null);
        if (waiter == null) {
            waiter = new Waiter(Scheduler.current, this, true, null, null, 0);
        }
        // Nothing buffered, no sender, not closed: wait without asking tryReceive (the ping-pong's every receive).
        if (count == 0 && !closed && senders.isEmpty() || !tryReceive(waiter)) {
            receivers.add(waiter);
            while (!waiter.done) {
                Scheduler.park("channel receive", this);
            }
        }
        Object value = waiter.value;
        waiter.recycle();
        return cast(value);
    }

    /**
     * Sends without waiting if a receiver waits or the buffer has room; false otherwise.
     *
     * @throws IllegalStateException if the channel is closed
     */
    public boolean trySend(T value) {
        if (closed) {
            throw new IllegalStateException("send on a closed channel");
        }
        Waiter receiver = firstWaiting(receivers);
        if (receiver != null) {
            receiver.complete(value, true);
            return true;
        }
        if (buffer != null && count < buffer.length) {
            buffer[(head + count) % buffer.length] = value;
            count++;
            return true;
        }
        return false;
    }

    /**
     * Receives without waiting: true with the value in {@code into.value} if one was there, or if the channel is
     * closed and empty (value null, {@code into.success} false); false if a receive would have to wait.
     */
    boolean tryReceive(Waiter into) {
        if (count > 0) {
            into.value = buffer[head];
            buffer[head] = null;
            head = (head + 1) % buffer.length;
            count--;
            Waiter sender = firstWaiting(senders);
            if (sender != null) { // its value takes the freed place, in order
                buffer[(head + count) % buffer.length] = sender.value;
                count++;
                sender.complete(null, true);
            }
            into.success = true;
            return true;
        }
        Waiter sender = firstWaiting(senders);
        if (sender != null) {
            into.value = sender.value;
            sender.complete(null, true);
            into.success = true;
            return true;
        }
        if (closed) {
            into.value = null;
            into.success = false;
            return true;
        }
        return false;
    }

    /** Closes the channel: see the class comment. Closing twice throws, as in Go. */
    public void close() {
        if (closed) {
            throw new IllegalStateException("close of a closed channel");
        }
        closed = true;
        for (Waiter w = firstWaiting(receivers); w != null; w = firstWaiting(receivers)) {
            w.complete(null, false);
        }
        for (Waiter w = firstWaiting(senders); w != null; w = firstWaiting(senders)) {
            w.complete(null, false);
        }
    }

    /** True once {@link #close} was called and every buffered value was received. */
    public boolean isClosedAndEmpty() {
        return closed && count == 0;
    }

    /** Values in the buffer now. */
    public int size() {
        return count;
    }

    public int capacity() {
        return buffer == null ? 0 : buffer.length;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** A tasklet waiting in a channel operation, or one case of a {@link Select} (Go's sudog). */
    static final class Waiter extends WaitQueue.Waiter {
        /**
         * Spare waiters of plain sends and receives (class comment, "The fast path"), linked through
         * {@link WaitQueue.Waiter#next}; at most {@link #MAX_SPARES}.
         */
        private static Waiter spares;
        private static int spareCount;
        private static final int MAX_SPARES = 64;

        // References first, the small fields last: every idle tasklet parked in a channel has one (72 bytes, not 80).
        Channel<?> channel;
        /** A sender's value; a receiver's value once {@link #done}. */
        Object value;
        /** The select this is a case of, or null. */
        final Select select;
        final int caseIndex;
        boolean receiving;
        boolean done;
        /** False when the channel was closed instead. */
        boolean success;

        Waiter(Tasklet tasklet, Channel<?> channel, boolean receiving, Object value, Select select, int caseIndex) {
            super(tasklet);
            this.channel = channel;
            this.receiving = receiving;
            this.value = value;
            this.select = select;
            this.caseIndex = caseIndex;
        }

        /**
         * A spare set up for a plain send or receive (no select), or null if there is none: then the caller
         * allocates the waiter itself, so that a tasklet's first park, on its smallest stack, does not have this
         * frame below the allocation's. Give it back with {@link #recycle}.
         */
        static Waiter reuse(Tasklet tasklet, Channel<?> channel, boolean receiving, Object value) {
            Waiter waiter = spares;
            if (waiter == null) {
                return null;
            }
            spares = (Waiter) waiter.next;
            spareCount--;
            waiter.next = null;
            waiter.tasklet = tasklet;
            waiter.channel = channel;
            waiter.receiving = receiving;
            waiter.value = value;
            waiter.done = false;
            waiter.success = false;
            return waiter;
        }

        /** Back to the spares, once out of every queue and read; nothing may use it afterwards. */
        void recycle() {
            if (spareCount < MAX_SPARES) {
                tasklet = null;
                channel = null;
                value = null;
                next = spares;
                spares = this;
                spareCount++;
            }
        }

        /** The other side acted: record the outcome and wake the waiting tasklet. */
        void complete(Object received, boolean succeeded) {
            if (receiving) {
                value = received;
            }
            success = succeeded;
            done = true;
            if (select != null) {
                select.decide(this);
            }
            Scheduler.unpark(tasklet);
        }
    }

    /** The first waiter of {@code queue} that still waits: cases of selects another case decided are dropped. */
    private static Waiter firstWaiting(WaitQueue<Waiter> queue) {
        Waiter waiter = queue.poll();
        while (waiter != null && waiter.select != null && waiter.select.decided) {
            waiter = queue.poll();
        }
        return waiter;
    }
}
