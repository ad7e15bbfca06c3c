package kiln.test.programs;

/**
 * References live across collections in every kind of frame slot the stack maps describe: baseline locals and
 * operand-stack entries under a call (recursion without loops, which the optimizing tier leaves to the baseline),
 * optimized spill slots (more live references than registers) and registers pushed around calls and loop-head
 * polls (a loop that allocates while another thread collects and the timer preempts it). After each collection the
 * program fills the freed memory with garbage of the same sizes, so an object the collector freed while a frame
 * still held it is overwritten, and its checksum, printed at the end, differs from HotSpot's.
 */
public class StackMapStress {
    static final class Cell {
        final int value;
        final int[] payload;
        Cell next;

        Cell(int value, Cell next) {
            this.value = value;
            this.next = next;
            this.payload = new int[1 + value % 5];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = value * 31 + i;
            }
        }

        long sum() {
            if (payload.length != 1 + value % 5 || payload[0] != value * 31) {
                throw new IllegalStateException("cell " + value + " was freed while a frame still held it");
            }
            long s = value;
            for (int p : payload) {
                s += p;
            }
            return s;
        }
    }

    static volatile boolean stop;
    static volatile long collectorRounds;

    public static void main(String[] args) throws Exception {
        Thread collector = new Thread(StackMapStress::collectRepeatedly);
        collector.start();
        while (collectorRounds == 0) {
            Thread.yield();
        }
        long total = 0;
        try {
            for (int round = 0; round < 6; round++) {
                total += deep(new Cell(round, null), round, 24);
                total += manyLive(round, 60_000);
                total += operandStack(new Cell(round + 1, null), round);
            }
        } finally {
            stop = true; // also when a freed cell made main throw: the collector must not run on forever
        }
        collector.join();
        System.out.println("checksum " + total);
    }

    /** Another thread's collections, which find the main thread stopped at a call or a loop's poll. */
    static void collectRepeatedly() {
        while (!stop) {
            System.gc();
            refill(200);
            collectorRounds++;
            Thread.yield();
        }
    }

    /** Garbage of the sizes the program's objects have: it takes the memory of anything freed too early. */
    static int refill(int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            int[] junk = new int[1 + i % 5];
            junk[0] = -1;
            Object[] refs = new Object[2];
            refs[0] = junk;
            sum += junk.length + refs.length;
        }
        return sum;
    }

    /**
     * Recursion without loops: every level is a baseline frame holding references in locals and in the operand
     * stack while it calls down; the deepest level collects.
     */
    static long deep(Cell from, int round, int depth) {
        Cell mine = new Cell(depth * 7 + round, from);
        String label = "depth " + depth;
        if (depth == 0) {
            System.gc();
            refill(500);
            return mine.sum() + label.length();
        }
        long below = deep(mine, round, depth - 1);
        return below + mine.sum() + mine.next.sum() + label.length();
    }

    /** A long expression whose pending operands sit on the baseline's operand stack across calls that collect. */
    static long operandStack(Cell c, int round) {
        return c.sum() + collectAndSum(new Cell(round + 100, c)) + c.sum() * collectAndSum(new Cell(round + 200, c))
                + c.payload.length;
    }

    static long collectAndSum(Cell c) {
        System.gc();
        refill(300);
        return c.sum() + c.next.sum();
    }

    /**
     * Fourteen references live through a loop that allocates and calls: more than the optimizing tier's registers,
     * so some live in spill slots and the rest are pushed around each call and each poll of the loop's head.
     */
    static long manyLive(int round, int iterations) {
        Cell a = new Cell(round + 1, null);
        Cell b = new Cell(round + 2, a);
        Cell c = new Cell(round + 3, b);
        Cell d = new Cell(round + 4, c);
        Cell e = new Cell(round + 5, d);
        Cell f = new Cell(round + 6, e);
        Cell g = new Cell(round + 7, f);
        Cell h = new Cell(round + 8, g);
        Cell i = new Cell(round + 9, h);
        Cell j = new Cell(round + 10, i);
        Cell k = new Cell(round + 11, j);
        Cell l = new Cell(round + 12, k);
        Cell m = new Cell(round + 13, l);
        Cell n = new Cell(round + 14, m);
        long sum = 0;
        Cell chain = null;
        for (int it = 0; it < iterations; it++) {
            chain = new Cell(it, it % 64 == 0 ? null : chain);
            if (it % 20_000 == 0) {
                System.gc();
            }
            sum += chain.value + (chain.next == null ? 0 : chain.next.payload[0]);
        }
        return sum + a.sum() + b.sum() + c.sum() + d.sum() + e.sum() + f.sum() + g.sum() + h.sum() + i.sum()
                + j.sum() + k.sum() + l.sum() + m.sum() + n.sum() + n.next.next.sum();
    }
}
