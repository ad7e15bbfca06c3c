package kiln.kernel.drivers;

/**
 * The bytes that input devices have received and the line discipline has not taken yet: a fixed ring that an
 * interrupt handler (or the polling loop that stands in for one) fills and the reading program drains.
 *
 * <p>One producer at a time (a handler runs with interrupts disabled, and polling happens only in the reader)
 * and one consumer (the reader), on one CPU: the producer writes a slot and then advances {@code head}; the
 * consumer reads a slot and then advances {@code tail}; neither ever writes the other's index, so no lock is
 * needed. {@link #put} allocates nothing and never waits, as interrupt handlers must: when the ring is full
 * the byte is dropped (a reader more than 4 KiB behind a person typing has stopped reading). Rejected: growing the ring (allocation in a handler)
 * and holding bytes back in the device (a 16550 holds 16, and an edge-triggered ISA interrupt would not fire
 * again for bytes left behind).
 */
final class InputRing {
    /** A power of two, so that indexes wrap with a mask. 4 KiB: a whole pasted screen of text. */
    private static final int CAPACITY = 4096;

    private final byte[] slots = new byte[CAPACITY];
    /** Total bytes put and taken; their difference is the fill level (int overflow keeps it right). */
    private volatile int head;
    private volatile int tail;

    /** Adds {@code b} if there is room; otherwise drops it. Safe in an interrupt handler. */
    void put(int b) {
        int h = head;
        if (h - tail == CAPACITY) {
            return;
        }
        slots[h & (CAPACITY - 1)] = (byte) b;
        head = h + 1;
    }

    /** The oldest byte (0..255), or -1 if the ring is empty. */
    int take() {
        int t = tail;
        if (t == head) {
            return -1;
        }
        int b = slots[t & (CAPACITY - 1)] & 0xFF;
        tail = t + 1;
        return b;
    }
}
