package kiln.test.programs;

/**
 * Calls between optimized methods in registers (dev.kiln.compiler.opt.RegisterConvention), and across the tier
 * boundary: every argument count from 0 to 9 with ints, longs, doubles and references interleaved (the counts past
 * six general or eight XMM registers have no register entry), each argument weighted by its position so a swapped
 * pair shows; recursion and mutual recursion; values live across calls of methods that use many registers (a
 * callee-saved register clobbered shows in the sums); virtual calls where one override is optimized and another
 * (synchronized, so the tier declines it) baseline; exceptions thrown through optimized frames and caught in a
 * baseline one, with the optimized caller continuing, or caught in an optimized one whose caller keeps values in
 * callee-saved registers; collections during deep optimized recursion that keeps
 * references in registers only; and the same recursion on a new thread, whose small stack grows in the prologues
 * of register entries. Run under both tiers by DifferentialTest and OptimizingTierTest.
 */
public class RegisterCalls {
    static int none() {
        return 7;
    }

    static int one(int a) {
        return a * 3 + 1;
    }

    static long two(long a, int b) {
        return a * 31 + b * 2;
    }

    static double three(double a, int b, double c) {
        return a * 1.5 + b * 2 + c * 3;
    }

    static long four(int a, long b, int c, long d) {
        return a + 2 * b + 3L * c + 4 * d;
    }

    static double five(double a, long b, double c, int d, double e) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e;
    }

    static long six(int a, int b, int c, int d, int e, int f) {
        return a + 2L * b + 3L * c + 4L * d + 5L * e + 6L * f;
    }

    /** Seven general arguments: one past rdi, rsi, rdx, rcx, r8, r9, so no register entry. */
    static long seven(int a, long b, int c, long d, int e, long f, int g) {
        return a + 2 * b + 3L * c + 4 * d + 5L * e + 6 * f + 7L * g;
    }

    /** Six general and two doubles: all in registers. */
    static double eight(int a, double b, long c, double d, int e, long f, int g, String h) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h.length();
    }

    /** Nine doubles: one past xmm0-xmm7, so no register entry. */
    static double nine(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i;
    }

    /** Arguments passed on in another order: the parallel copy into registers must not lose one. */
    static long rotate(long a, long b, long c, long d, long e, long f) {
        return f == 0 ? six((int) a, (int) b, (int) c, (int) d, (int) e, (int) f) : rotate(f - 1, a, b, c, d, e);
    }

    static double swapDoubles(double a, double b, double c, int n) {
        return n == 0 ? a + 10 * b + 100 * c : swapDoubles(c, a, b, n - 1);
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static boolean isEven(int n) {
        return n == 0 || isOdd(n - 1);
    }

    static boolean isOdd(int n) {
        return n != 0 && isEven(n - 1);
    }

    /** Many values at once, so the allocator uses every register it has: callee-saved ones included. */
    static long pressure(long x) {
        long a = x * 3;
        long b = x ^ 0x5555;
        long c = x + 17;
        long d = x * x;
        long e = x - 99;
        long f = x << 3;
        long g = x >>> 1;
        long h = a + b * c;
        long i = d - e * f;
        long j = g + h * i;
        long k = a * b + c * d + e * f + g * h + i * j;
        return a + b + c + d + e + f + g + h + i + j + k;
    }

    /** Values live across calls of {@link #pressure}: in callee-saved registers, which it must give back. */
    static long survivors(long x) {
        long a = x + 1;
        long b = x * 2;
        long c = x * 3 + 1;
        long d = x ^ 12345;
        long e = x - 7;
        long p = pressure(a);
        long q = pressure(b) + one((int) c);
        return a * 11 + b * 13 + c * 17 + d * 19 + e * 23 + p + q + pressure(d + e);
    }

    abstract static class Shape {
        abstract double area(double scale);
    }

    static final class Square extends Shape {
        final double side;

        Square(double side) {
            this.side = side;
        }

        @Override
        double area(double scale) {
            return side * side * scale;
        }
    }

    static final class Circle extends Shape {
        final double radius;

        Circle(double radius) {
            this.radius = radius;
        }

        @Override
        synchronized double area(double scale) {
            return 3.0 * radius * radius * scale;
        }
    }

    static double total(Shape[] shapes, double scale) {
        double sum = 0;
        for (Shape s : shapes) {
            sum += s.area(scale) + one((int) scale);
        }
        return sum;
    }

    static int throwAt(int depth, int at) {
        if (depth == at) {
            throw new IllegalStateException("at " + depth);
        }
        return throwAt(depth + 1, at) + depth;
    }

    static long afterCatch(long seed) {
        long kept = seed * 7 + 3;
        int thrown = 0;
        for (int i = 0; i < 5; i++) {
            thrown += caught(i);
        }
        return kept + thrown + pressure(kept);
    }

    static int caught(int at) {
        try {
            return throwAt(0, at);
        } catch (IllegalStateException e) {
            return e.getMessage().length();
        }
    }

    /**
     * Writes every register it can (its values all live at the throw), then throws or returns. This method and {@link
     * #keeper} have loops, so the tier takes them whatever calls they make (TierSelection).
     */
    static long clobberThenThrow(long x) {
        long a = x * 3;
        long b = x ^ 0x5555;
        long c = x + 17;
        long d = x * x;
        long e = x - 99;
        long f = x << 3;
        long g = x >>> 1;
        for (int n = 0; n < 3; n++) {
            a += b * c;
            d -= e * f;
            g += a * d;
        }
        long h = a + b * c;
        long i = d - e * f;
        long j = g + h * i;
        if (x > 0) {
            throw new IllegalStateException("clobbered " + (a + b + c + d + e + f + g + h + i + j));
        }
        return a + b + c + d + e + f + g + h + i + j;
    }

    /**
     * Catches what its callee throws and writes no register of its own, and has no loop, whose safepoint poll would
     * make it save every callee-saved register anyway (its one call is in registers, so the tier takes it): the
     * unwinder skips clobberThenThrow's frame without restoring the callee-saved registers, so this method must give
     * its caller back all of them.
     */
    static int catcher(long x) {
        try {
            return (int) clobberThenThrow(x);
        } catch (IllegalStateException e) {
            return 1;
        }
    }

    /** Values in callee-saved registers across register calls of a method whose callee throws to it. */
    static long keeper(long x) {
        long a = x + 1;
        long b = x * 2;
        long c = x * 3 + 1;
        long d = x ^ 12345;
        long e = x - 7;
        long r = 0;
        for (int n = 0; n < 2; n++) {
            r += catcher(a + n) + catcher(-b - n);
        }
        return a * 11 + b * 13 + c * 17 + d * 19 + e * 23 + r * 29L + catcher(c);
    }

    static final class Node {
        final Node left;
        final Node right;
        final int value;

        Node(Node left, Node right, int value) {
            this.left = left;
            this.right = right;
            this.value = value;
        }
    }

    /** Allocates garbage at every level while the left subtree is only in a register across the right's build. */
    static Node build(int depth) {
        if (depth == 0) {
            return new Node(null, null, 1);
        }
        Node left = build(depth - 1);
        int[] garbage = new int[64 + depth];
        Node right = build(depth - 1);
        return new Node(left, right, depth + garbage.length);
    }

    static long check(Node n) {
        return n == null ? 0 : n.value + 3 * check(n.left) + check(n.right);
    }

    /** Deep, not wide: every level keeps its array across the call while deeper levels allocate. */
    static long chain(int n, long[] kept) {
        if (n == 0) {
            return 0;
        }
        long[] mine = new long[32];
        mine[n % 32] = n;
        long below = chain(n - 1, mine);
        return below + mine[n % 32] + kept.length;
    }

    public static void main(String[] args) throws Exception {
        System.out.println(none() + " " + one(5) + " " + two(3, 4) + " " + three(1.25, 2, 3.5));
        System.out.println(four(1, 2, 3, 4) + " " + five(1.5, 2, 3.5, 4, 5.5) + " " + six(1, 2, 3, 4, 5, 6));
        System.out.println(seven(1, 2, 3, 4, 5, 6, 7) + " " + eight(1, 2.5, 3, 4.5, 5, 6, 7, "eight"));
        System.out.println(nine(1, 2, 3, 4, 5, 6, 7, 8, 9));
        System.out.println(rotate(1, 2, 3, 4, 5, 6) + " " + swapDoubles(1, 2, 3, 7));
        System.out.println(fib(24) + " " + isEven(1001) + " " + isOdd(777));
        long survivors = 0;
        for (int i = 0; i < 1000; i++) {
            survivors += survivors(i);
        }
        System.out.println("survivors " + survivors);
        Shape[] shapes = {new Square(2), new Circle(1), new Square(3), new Circle(0.5)};
        System.out.println("areas " + total(shapes, 2.0));
        System.out.println("after catch " + afterCatch(11));
        long kept = 0;
        for (int i = 0; i < 200; i++) {
            kept += keeper(i);
        }
        System.out.println("kept across a caught throw " + kept);
        long trees = 0;
        for (int i = 0; i < 40; i++) {
            trees += check(build(12));
        }
        System.out.println("trees " + trees);
        System.out.println("chain " + chain(3000, new long[5]));
        long[] onThread = new long[1];
        Thread t = new Thread(() -> onThread[0] = chain(2000, new long[3]) + rotate(9, 8, 7, 6, 5, 4) + fib(15));
        t.start();
        t.join();
        System.out.println("on a thread " + onThread[0]);
    }
}
