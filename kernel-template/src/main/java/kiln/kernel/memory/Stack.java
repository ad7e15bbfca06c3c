package kiln.kernel.memory;

import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * One machine stack: the boot stack, the system stack, or a tasklet's (see {@link Stacks}). A tasklet's stack is
 * a {@code long[]} on the heap, so it lives exactly as long as something refers to it and the collector frees it
 * with its tasklet; its words are roots only through {@link Stacks}'s list of live stacks, never as an object's
 * body (a {@code long[]} is not scanned).
 * <pre>
 * base         limit                                 savedSp              top
 * | reserve    | free ...                            | frames (live) ...  |
 *   growFromPrologue, runOnSystemStack and throwStackOverflow run here
 * </pre>
 */
public final class Stack {
    /** Where {@link #savedSp} lies in a Stack object: the first field (docs/abi.md "Objects"). */
    static final long SAVED_SP_OFFSET = ObjectModel.HASH_OFFSET + 8;

    /**
     * rsp of this stack's owner while something else runs: written by {@code Intrinsics.switchStacks} and
     * {@code callOnStack}. Keep it the first field.
     */
    long savedSp;
    /** Lowest address (inclusive) and end (exclusive). */
    long base;
    long top;
    /** The armed stack limit: a prologue whose frame would reach below it calls the grower. */
    long limit;
    /** The memory of a heap stack; null for the boot stack, which is in the kernel's BSS. */
    long[] memory;
    /** Neighbours in {@link Stacks}'s list of live stacks, which the collector scans. */
    Stack nextLive;
    Stack previousLive;
    /** What runs on it (the scheduler's tasklet); null while pooled. */
    private Object owner;

    Stack() {}

    public Object owner() {
        return owner;
    }

    public void setOwner(Object owner) {
        this.owner = owner;
    }

    /** The next stack in the list of live stacks ({@link Stacks#firstLive}), or null. */
    public Stack nextLive() {
        return nextLive;
    }

    /** Bytes of machine stack: what the stack costs, whether used or not. */
    public long size() {
        return top - base;
    }

    /**
     * The return addresses of the frames on this stack while its owner does not run, innermost first: the
     * switch's resume point, then those along the saved-rbp chain ({@link #returnAddresses}).
     */
    public long[] suspendedReturnAddresses() {
        long[] chain = returnAddresses(Intrinsics.readLong(savedSp));
        long[] addresses = new long[chain.length + 1];
        addresses[0] = Intrinsics.readLong(savedSp + 8);
        System.arraycopy(chain, 0, addresses, 1, chain.length);
        return addresses;
    }

    /**
     * {@code [f+8]} of each frame f along the saved-rbp chain from {@code frame}, innermost first, without the
     * outermost frame (whose link is 0: the tasklet entry's, or Kernel.start's on the boot stack).
     */
    public static long[] returnAddresses(long frame) {
        int count = 0;
        for (long f = frame; f != 0 && Intrinsics.readLong(f) != 0; f = Intrinsics.readLong(f)) {
            count++;
        }
        long[] addresses = new long[count];
        long f = frame;
        for (int index = 0; index < count; index++, f = Intrinsics.readLong(f)) {
            addresses[index] = Intrinsics.readLong(f + 8);
        }
        return addresses;
    }
}
