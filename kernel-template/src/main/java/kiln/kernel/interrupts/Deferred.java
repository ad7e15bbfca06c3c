package kiln.kernel.interrupts;

/**
 * Work that an interrupt handler hands to ordinary kernel context: a handler may not allocate, take a monitor
 * or block (the compiler checks this), so whatever needs to — parse a line of input, wake someone, print —
 * it posts here as a task object it made beforehand, and the task runs later, with interrupts enabled.
 *
 * <h2>Design</h2>
 * A fixed ring of {@link #CAPACITY} slots, allocated at boot by {@link InterruptControllers#init} before
 * interrupts are enabled (a class initializer would run on first use, perhaps inside a handler), with one
 * producer side and one consumer side:
 * <ul>
 *   <li>{@link #post} runs in interrupt context, with interrupts disabled; handlers do not nest, so there is one
 *       producer at a time. It stores the task, then publishes it by advancing {@code tail}.</li>
 *   <li>{@link #drain} runs outside interrupt context and is the only code that advances {@code head}. An
 *       interrupt may post while it drains; the new task is seen by the loop's next test of {@code tail}.</li>
 * </ul>
 * One core, and x86 keeps stores in order (SDM Vol. 3A §9.2.2), so the two indices need no lock and the
 * producer never waits. A full ring drops the task and counts it ({@link #dropped}): a handler must not block,
 * and a task that cannot run now is better lost than a hung machine.
 *
 * <h2>When it drains (the safe points)</h2>
 * The scheduler drains at every switch and when the timer preempts a tasklet, so deferred work waits at most
 * a tick even while tasklets compute; its idle loop drains before each halt, and halts only after finding the
 * ring empty with interrupts disabled ({@link #pending}), so a task posted in between wakes the CPU instead of
 * waiting in the ring. The kernel drains once more after {@code main} returns. A task that throws ends up in the
 * caller of {@code drain}, like an exception of a task run by an executor's caller. The usual task wakes
 * tasklets ({@code kiln.kernel.sched.InterruptSignal}): input handlers make a tasklet that waits for input
 * runnable that way.
 *
 * <p><i>Rejected</i>: running tasks from the end of the interrupt path, as Linux runs softirqs on
 * irq_exit — the task would run on the interrupted code's stack, in the middle of whatever that code was
 * doing, which is exactly what a handler's rules exist to avoid.
 */
public final class Deferred {
    /** Slots in the ring: a power of two, so that an index maps to a slot by masking. */
    public static final int CAPACITY = 256;

    private static Runnable[] ring;
    /** Counts of tasks taken and posted; the difference is the number waiting. Only drain advances head. */
    private static int head;
    private static int tail;
    private static int dropped;

    private Deferred() {}

    static void init() {
        ring = new Runnable[CAPACITY];
    }

    /**
     * Queues {@code task} to run outside interrupt context. For interrupt handlers: allocates nothing and never
     * waits. Returns false, and counts the loss, if the ring is full.
     */
    public static boolean post(Runnable task) {
        if (tail - head == CAPACITY) {
            dropped++;
            return false;
        }
        ring[tail & (CAPACITY - 1)] = task;
        tail++;
        return true;
    }

    /** Runs the queued tasks in the order they were posted, including any posted meanwhile. */
    public static void drain() {
        while (head != tail) {
            int slot = head & (CAPACITY - 1);
            Runnable task = ring[slot];
            ring[slot] = null;
            head++;
            task.run();
        }
    }

    /**
     * Whether a task waits to run. Read with interrupts disabled just before halting, so that no post can come
     * between the answer and the halt.
     */
    public static boolean pending() {
        return head != tail;
    }

    /** How many tasks {@link #post} had to drop because the ring was full. */
    public static int dropped() {
        return dropped;
    }
}
