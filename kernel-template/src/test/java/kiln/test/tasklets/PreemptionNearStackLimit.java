package kiln.test.tasklets;

import kiln.kernel.sched.Tasklet;

/**
 * Timer preemption that finds a tasklet with its frames close to its stack's limit. The preemption handler must
 * not run in the reserve under the limit: its own prologue would grow the stack from there, and the grower's
 * frames would go below the stack, over the array's header and the Stack object before it (the list of live
 * stacks broke, or a joiner was garbage, now and then). Here tasklets spin in loops without calls (only the
 * loop heads notice a tick) at every 16-byte step of the first (640-byte) stack and somewhat deeper, while the
 * others are runnable, so that ticks land at every distance from the limit (the grower panics when its frames
 * reach below a stack).
 */
public class PreemptionNearStackLimit {
    /** Frames of {@link #descendThenSpin} above the spinning loop: 0 to DEPTHS - 1. */
    static final int DEPTHS = 7;
    /** The spinning loops: {@link #spin1} to {@link #spin6}, each 16 bytes lower on the stack than the one before. */
    static final int LOOPS = 6;
    static final int TASKLETS = DEPTHS * LOOPS * 8;
    static final int SPINS = 200_000;
    /** What a spinning loop returns: the sum of {@code i & 7} over its iterations. */
    static final long SPIN_SUM = SPINS / 8 * 28L;

    public static void main(String[] args) {
        long[] sums = new long[TASKLETS];
        Tasklet[] spinners = new Tasklet[TASKLETS];
        for (int t = 0; t < TASKLETS; t++) {
            int index = t;
            spinners[t] = Tasklet.spawn("spinner-" + t, () -> sums[index] = descendThenSpin(index / LOOPS % DEPTHS, index % LOOPS));
        }
        long total = 0;
        long expected = 0;
        for (int t = 0; t < TASKLETS; t++) {
            spinners[t].join();
            total += sums[t];
            expected += t / LOOPS % DEPTHS + SPIN_SUM;
        }
        System.out.println(TASKLETS + " tasklets preempted near their stack limits: " + (total == expected ? "sums right" : "WRONG " + total));
        System.gc(); // walks the live stacks, from which the ended tasklets' must be gone
        long[] deepSum = new long[1];
        Tasklet deep = Tasklet.spawn("deep", () -> deepSum[0] = descendThenSpin(2000, 0));
        deep.join();
        System.out.println("then one " + (deepSum[0] - SPIN_SUM) + " deep");
    }

    /** {@code depth} frames down, then spinning loop {@code loop}; returns depth + the loop's sum. */
    static long descendThenSpin(int depth, int loop) {
        if (depth > 0) {
            return descendThenSpin(depth - 1, loop) + 1;
        }
        return switch (loop) {
            case 0 -> spin1(7);
            case 1 -> spin2(7, 7);
            case 2 -> spin3(7, 7, 7);
            case 3 -> spin4(7, 7, 7, 7);
            case 4 -> spin5(7, 7, 7, 7, 7);
            default -> spin6(7, 7, 7, 7, 7, 7);
        };
    }

    // Each argument more is 8 bytes more pushed by the caller and a local slot more in the frame.

    static long spin1(int a) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a;
        }
        return sum;
    }

    static long spin2(int a, int b) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a & b;
        }
        return sum;
    }

    static long spin3(int a, int b, int c) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a & b & c;
        }
        return sum;
    }

    static long spin4(int a, int b, int c, int d) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a & b & c & d;
        }
        return sum;
    }

    static long spin5(int a, int b, int c, int d, int e) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a & b & c & d & e;
        }
        return sum;
    }

    static long spin6(int a, int b, int c, int d, int e, int f) {
        long sum = 0;
        for (int i = 0; i < SPINS; i++) {
            sum += i & a & b & c & d & e & f;
        }
        return sum;
    }
}
