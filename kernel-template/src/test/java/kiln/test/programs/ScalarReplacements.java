package kiln.test.programs;

/**
 * Objects that never leave a method, and some that do: the optimizing tier replaces the first kind by their
 * fields' values (escape analysis, dev.kiln.compiler.opt.ScalarReplacement), and must keep the second. Every result
 * is printed, so any difference from HotSpot shows; ScalarReplacementTest reads the build report to check which
 * classes were replaced and which were not. Each case runs in a loop of its own method: the tier compiles methods
 * with loops.
 */
public class ScalarReplacements {
    static final class Point {
        final int x;
        final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        int x() {
            return x;
        }

        int y() {
            return y;
        }
    }

    /** Fields changed on some paths only: their values merge at joins and loop heads (phis). */
    static final class Accumulator {
        long total;
        int count;
        double mean;
    }

    static final class Segment {
        final Point from;
        final Point to;

        Segment(Point from, Point to) {
            this.from = from;
            this.to = to;
        }
    }

    /** Stores of ints into narrow fields keep only the low bits, as putfield does (JVMS §6.5). */
    static final class Narrow {
        byte b;
        short s;
        char c;
        boolean z;
    }

    static class Base {
        final int id;

        Base(int id) {
            this.id = id;
        }
    }

    /** Two constructors inlined, the superclass's and its own. */
    static final class Derived extends Base {
        final long weight;

        Derived(int id, long weight) {
            super(id);
            this.weight = weight;
        }
    }

    /** Allocated without escaping, but its class initializer prints: that must happen once, in order. */
    static final class Noisy {
        static {
            System.out.println("Noisy initialized");
        }

        final int v;

        Noisy(int v) {
            this.v = v;
        }
    }

    /** Escapes on one path only (a static field): no replacement. */
    static final class Escapee {
        final int v;

        Escapee(int v) {
            this.v = v;
        }
    }

    /** Compared by identity: no replacement. */
    static final class Compared {
        final int v;

        Compared(int v) {
            this.v = v;
        }
    }

    /** Stored into an array: no replacement. */
    static final class Cell {
        int v;

        Cell(int v) {
            this.v = v;
        }
    }

    /** Its constructor throws for negative values: not inlined, so never replaced; the trace shows it. */
    static final class Checked {
        final int v;

        Checked(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("negative: " + v);
            }
            this.v = v;
        }
    }

    /** Its constructor has an effect of its own (a static counter): not inlined, the count stays right. */
    static final class Counted {
        static int created;
        final int v;

        Counted(int v) {
            created++;
            this.v = v;
        }
    }

    static Escapee lastEscapee;

    static long points(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Point p = new Point(i, i * 3 - 7);
            sum += (long) p.x() * p.y() + p.x;
        }
        return sum;
    }

    static String accumulate(int n) {
        Accumulator a = new Accumulator();
        for (int i = 1; i <= n; i++) {
            if (i % 3 == 0) {
                a.total += i;
                a.count++;
            } else if (i % 5 == 0) {
                a.total -= 2L * i;
            }
            a.mean = a.count == 0 ? 0 : (double) a.total / a.count;
        }
        return a.total + " " + a.count + " " + a.mean;
    }

    static long boxes(int n) {
        long sum = 0;
        for (int i = -300; i < n; i++) {
            Integer boxed = i;
            Long wide = (long) i * i;
            Double half = i / 2.0;
            Character letter = (char) ('a' + (i & 15));
            Short small = (short) (i * 1000);
            Byte tiny = (byte) i;
            sum += boxed + wide + (long) (half * 4) + letter + small + tiny;
        }
        return sum;
    }

    static long segments(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Segment s = new Segment(new Point(i, 1), new Point(2, i * i));
            sum += (long) (s.to.x - s.from.x) * (s.to.y - s.from.y);
        }
        return sum;
    }

    static int narrow(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            Narrow w = new Narrow();
            w.b = (byte) (i * 37);
            w.s = (short) (i * 4099);
            w.c = (char) (i * 7919 - 100);
            w.z = (i & 2) != 0;
            sum = sum * 31 + w.b + w.s + w.c + (w.z ? 1 : 0);
        }
        return sum;
    }

    static long derived(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Derived d = new Derived(i, 1L << (i & 31));
            sum += d.id + d.weight;
        }
        return sum;
    }

    static int noisy(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += new Noisy(i).v;
        }
        return sum;
    }

    static int escapesOnOnePath(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            Escapee e = new Escapee(i);
            if (i == n / 2) {
                lastEscapee = e;
            }
            sum += e.v;
        }
        return sum;
    }

    static int identities(int n) {
        int same = 0;
        Compared previous = new Compared(-1);
        for (int i = 0; i < n; i++) {
            Compared c = new Compared(i);
            Compared chosen = (i & 1) == 0 ? c : previous;
            if (chosen == c) {
                same += c.v;
            }
            previous = c;
        }
        return same + previous.v;
    }

    static int cells(int n) {
        Cell[] cells = new Cell[4];
        int sum = 0;
        for (int i = 0; i < n; i++) {
            Cell c = new Cell(i);
            cells[i & 3] = c;
            c.v += 1;
            sum += cells[(i + 1) & 3] == null ? 0 : cells[(i + 1) & 3].v;
        }
        return sum;
    }

    static int checked(int from, int n) {
        int sum = 0;
        for (int i = from; i < n; i++) {
            sum += new Checked(i).v;
        }
        return sum;
    }

    static int counted(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += new Counted(i).v;
        }
        return sum;
    }

    public static void main(String[] args) {
        System.out.println("points " + points(1000));
        System.out.println("accumulate " + accumulate(1000));
        System.out.println("boxes " + boxes(700));
        System.out.println("segments " + segments(1000));
        System.out.println("narrow " + narrow(1000));
        System.out.println("derived " + derived(100));
        System.out.println("before noisy");
        System.out.println("noisy " + noisy(100));
        System.out.println("escapes on one path " + escapesOnOnePath(100) + " last " + lastEscapee.v);
        System.out.println("identities " + identities(100));
        System.out.println("cells " + cells(100));
        System.out.println("checked " + checked(0, 100));
        try {
            System.out.println("checked " + checked(-3, 100));
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            for (StackTraceElement frame : e.getStackTrace()) {
                System.out.println("  at " + frame.getClassName() + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber());
            }
        }
        System.out.println("counted " + counted(100) + " created " + Counted.created);
    }
}
