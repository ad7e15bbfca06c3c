package kiln.kernel.sched;

/**
 * Tasklets waiting for something (a channel's senders or receivers, a monitor's entry queue or wait set, the
 * end of a tasklet), in arrival order: a doubly linked list through the waiters themselves, so that adding,
 * taking the first and removing any one (a select case that lost, a wait that timed out) cost O(1).
 *
 * @param <W> the kind of waiter
 */
final class WaitQueue<W extends WaitQueue.Waiter> {
    /** A place in a queue; subclasses add what the waiter waits with. */
    static class Waiter {
        /** Who waits; a channel's spare waiters get a new one at each use. */
        Tasklet tasklet;
        Waiter next;
        /**
         * Null for the first (and for a waiter in no queue): so a waiter is in this queue if it has a previous one
         * or is the first, and needs no flag of its own (8 bytes of every idle receiver's Channel.Waiter).
         */
        Waiter previous;

        Waiter(Tasklet tasklet) {
            this.tasklet = tasklet;
        }
    }

    private Waiter first;
    private Waiter last;

    void add(W waiter) {
        waiter.previous = last;
        waiter.next = null;
        if (last == null) {
            first = waiter;
        } else {
            last.next = waiter;
        }
        last = waiter;
    }

    /** Takes the first waiter out; null if there is none. (Unlinks it itself: every channel handoff comes here.) */
    @SuppressWarnings("unchecked")
    W poll() {
        Waiter waiter = first;
        if (waiter != null) {
            Waiter second = waiter.next;
            first = second;
            if (second == null) {
                last = null;
            } else {
                second.previous = null;
            }
            waiter.next = null;
        }
        return (W) waiter;
    }

    boolean isEmpty() {
        return first == null;
    }

    /** Takes {@code waiter} out, if it is still queued. */
    void remove(W waiter) {
        if (waiter.previous == null && first != waiter) {
            return;
        }
        if (waiter.previous == null) {
            first = waiter.next;
        } else {
            waiter.previous.next = waiter.next;
        }
        if (waiter.next == null) {
            last = waiter.previous;
        } else {
            waiter.next.previous = waiter.previous;
        }
        waiter.next = null;
        waiter.previous = null;
    }
}
