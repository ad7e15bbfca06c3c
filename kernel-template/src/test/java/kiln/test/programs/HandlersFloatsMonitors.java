package kiln.test.programs;

/**
 * What the optimizing tier compiles since it handles exception handlers, float and monitors: every method here has
 * a loop (so the tier takes it) and keeps values in registers across code that throws, so a handler that found a
 * value anywhere but where the throw left it prints a different number. Exceptions come from calls, from the
 * implicit checks (null, bounds, division, cast, array store) and from athrow, caught in the same method, in loops,
 * nested, rethrown and through finally; float arithmetic hits NaN, -0.0f, overflow and the f2i/f2l bounds;
 * synchronized methods and blocks are left by exceptions.
 */
public class HandlersFloatsMonitors {
    static int sink;
    static float floatField = 1.25f;
    float instanceFloat = -3.5f;
    final Object lock = new Object();
    int counter;

    public static void main(String[] args) {
        int[] small = {5, 0, 7, -2, 9};
        System.out.println("implicit " + implicitChecks(small, null, 12));
        System.out.println("nested " + nestedInLoop(small, 10));
        System.out.println("finally " + finallyInLoop(small, 8));
        System.out.println("rethrow " + rethrowCount(6));
        System.out.println("liveAcross " + liveAcrossCalls(small, 20));
        System.out.println("doubleLive " + doublesLiveIntoHandler(new double[] {1.5, 2.5, -0.5}, 9));
        System.out.println("arrayStore " + arrayStores(7));
        System.out.println("manyLocals " + manyLocals(small, 12));
        System.out.println("cast " + casts(new Object[] {"a", 1, "bc", 2.0, null, "def"}));
        try {
            System.out.println("uncaught-in-loop " + throwsOut(small));
        } catch (IllegalStateException e) {
            System.out.println("caught outside: " + e.getMessage());
        }
        StackTraceElement[] trace = traceFromLoop(3);
        for (int i = 0; i < Math.min(3, trace.length); i++) {
            System.out.println("  at " + trace[i]);
        }
        floats();
        monitors();
        System.out.println("sink " + sink);
    }

    /** NullPointerException, ArrayIndexOutOfBounds and ArithmeticException from the checks, each caught here. */
    static int implicitChecks(int[] a, int[] none, int n) {
        int sum = 0;
        int caught = 0;
        long product = 1;
        for (int i = 0; i < n; i++) {
            int before = sum;
            try {
                sum += 100 / a[i % 6];
                product *= 3;
                if (i == 4) {
                    sum += none[0];
                }
                if (i == 7) {
                    sum += none.length;
                }
            } catch (ArithmeticException e) {
                caught += 1;
                sum = before * 2 + i;
            } catch (ArrayIndexOutOfBoundsException e) {
                caught += 10;
                sum = sum - i + (int) (product & 0xff);
            } catch (NullPointerException e) {
                caught += 100;
                sum += before - i;
            }
        }
        return sum * 1000 + caught + (int) (product % 997);
    }

    static int nestedInLoop(int[] a, int n) {
        int outer = 0;
        int inner = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            int mark = i * 7;
            try {
                try {
                    total += a[i] / (i - 3);
                    mark += 1;
                } catch (ArithmeticException e) {
                    inner += mark;
                    total -= a[i + 6]; // out of bounds: the outer handler, with mark as it was
                }
                total += 5;
            } catch (RuntimeException e) {
                outer += mark + total;
            }
        }
        return total * 10000 + outer * 100 + inner;
    }

    static int finallyInLoop(int[] a, int n) {
        int cleanups = 0;
        int value = 1;
        for (int i = 0; i < n; i++) {
            try {
                value = value * 3 + a[i];
                if (value % 5 == 0) {
                    continue;
                }
                value ^= i;
            } catch (ArrayIndexOutOfBoundsException e) {
                value += 1000;
            } finally {
                cleanups += i + (value & 7);
            }
        }
        return value * 100 + cleanups;
    }

    static int rethrowCount(int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            try {
                count += level(i);
            } catch (IllegalArgumentException e) {
                count += e.getMessage().length() * (i + 1);
            }
        }
        return count;
    }

    static int level(int i) {
        int k = 0;
        for (int j = 0; j < i; j++) {
            try {
                if (j == 3) {
                    throw new IllegalStateException("three" + k);
                }
                k += j;
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(e.getMessage() + "/" + k, e); // rethrown as another
            }
        }
        return k;
    }

    /** Values in registers across calls that throw: the handler must see each as it was at the throw. */
    static long liveAcrossCalls(int[] a, int n) {
        long acc = 17;
        int x = 3;
        int y = 5;
        double d = 0.5;
        for (int i = 0; i < n; i++) {
            x = x * 31 + i;
            y = y ^ x;
            d = d * 1.5 + i;
            try {
                acc += mayThrow(i, x);
                x += 1;
                acc ^= mayThrow(i + 1, y);
                y -= 2;
            } catch (IllegalStateException e) {
                acc = acc * 7 + x - y + (long) d;
            }
        }
        return acc + x + y;
    }

    static int mayThrow(int i, int v) {
        if (i % 3 == 0) {
            throw new IllegalStateException("at " + i);
        }
        return v & 0xffff;
    }

    static double doublesLiveIntoHandler(double[] a, int n) {
        double sum = 0.25;
        float f = 1.5f;
        for (int i = 0; i < n; i++) {
            sum = sum * 0.5 + i;
            f = f * 1.25f - i;
            try {
                sum += a[i];
                f += (float) a[i];
            } catch (ArrayIndexOutOfBoundsException e) {
                sum -= f;
                f = -f;
            }
        }
        return sum + f;
    }

    /** More values live into the handler than there are registers: some come back from spill slots there. */
    static long manyLocals(int[] a, int n) {
        int v0 = 1, v1 = 2, v2 = 3, v3 = 4, v4 = 5, v5 = 6, v6 = 7, v7 = 8, v8 = 9, v9 = 10, v10 = 11, v11 = 12;
        long w0 = 13, w1 = 14;
        String s = "x";
        for (int i = 0; i < n; i++) {
            v0 += i; v1 ^= v0; v2 += v1; v3 -= v2; v4 += v3 * 3; v5 ^= v4; v6 += v5; v7 -= v6; v8 += v7; v9 ^= v8;
            v10 += v9; v11 -= v10; w0 = w0 * 31 + v11; w1 ^= w0;
            try {
                v0 += 100 / a[i % 7];
                s = s.length() < 6 ? s + i : "y";
            } catch (RuntimeException e) {
                v11 += e.getClass().getSimpleName().length() + s.length();
                w1 += v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + w0;
                s = "z" + s;
            }
        }
        return w0 + w1 + v11 + s.hashCode();
    }

    static int arrayStores(int n) {
        Object[] strings = new String[3];
        int stored = 0;
        int failed = 0;
        for (int i = 0; i < n; i++) {
            try {
                strings[i % 4] = i % 3 == 1 ? Integer.valueOf(i) : "s" + i;
                stored += i;
            } catch (ArrayStoreException e) {
                failed += i * 10;
            } catch (ArrayIndexOutOfBoundsException e) {
                failed += 1000;
            }
        }
        return stored * 100000 + failed;
    }

    static String casts(Object[] values) {
        StringBuilder s = new StringBuilder();
        int length = 0;
        for (int i = 0; i < values.length; i++) {
            try {
                String v = (String) values[i];
                length += v.length();
                s.append(v);
            } catch (ClassCastException e) {
                s.append('!').append(length);
            } catch (NullPointerException e) {
                s.append('?').append(i);
            }
        }
        return s.toString();
    }

    static int throwsOut(int[] a) {
        int sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
            if (sum > 15) {
                throw new IllegalStateException("sum " + sum + " at " + i);
            }
        }
        return sum;
    }

    static StackTraceElement[] traceFromLoop(int n) {
        for (int i = 0; i < n; i++) {
            try {
                if (i == n - 1) {
                    Object o = null;
                    sink += o.hashCode();
                }
            } catch (NullPointerException e) {
                return e.getStackTrace();
            }
        }
        return new StackTraceElement[0];
    }

    // ---- float ---------------------------------------------------------------------------------------------------

    static void floats() {
        float[] values = {0.0f, -0.0f, 1.0f, -1.5f, 3.4028235e38f, 1.4e-45f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY, 2.5e9f, -2.5e9f, 9.3e18f, -9.3e18f, 16777217f, 0.1f};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            float x = values[i];
            float y = values[(i + 3) % values.length];
            s.append(i).append(": ").append(x + y).append(' ').append(x - y).append(' ').append(x * y).append(' ')
                    .append(x / y).append(' ').append(-x).append(' ').append((int) x).append(' ').append((long) x)
                    .append(' ').append((double) x).append(' ').append((float) (x * 1e30)).append(' ')
                    .append(compare(x, y)).append(' ').append(Float.floatToRawIntBits(-x)).append(' ')
                    .append(1 / x).append('\n');
        }
        System.out.print(s);
        float acc = 0;
        int[] ints = {1, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 16777217, 123456789};
        long[] longs = {1L, -7L, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 53) + 1, 987654321987L};
        for (int i = 0; i < ints.length; i++) {
            acc += (float) ints[i] + (float) longs[i];
            System.out.println((float) ints[i] + " " + (float) longs[i] + " " + (float) (double) longs[i] + " " + acc);
        }
        float[] grown = new float[8];
        for (int i = 0; i < grown.length; i++) {
            grown[i] = i == 0 ? floatField : grown[i - 1] * -1.75f + 0.5f;
            floatField = grown[i] / 3;
        }
        HandlersFloatsMonitors h = new HandlersFloatsMonitors();
        for (int i = 0; i < 5; i++) {
            h.instanceFloat = h.instanceFloat * 2 - grown[i];
        }
        System.out.println(java.util.Arrays.toString(grown) + " " + floatField + " " + h.instanceFloat + " "
                + average(grown, grown.length) + " " + average(grown, 0));
    }

    static String compare(float x, float y) {
        String r = "";
        for (int k = 0; k < 1; k++) {
            r += (x < y ? "<" : "") + (x <= y ? "L" : "") + (x > y ? ">" : "") + (x >= y ? "G" : "")
                    + (x == y ? "=" : "") + (x != y ? "!" : "") + Float.compare(x, y);
        }
        return r;
    }

    static float average(float[] a, int n) {
        float sum = 0;
        for (int i = 0; i < n; i++) {
            sum += a[i];
        }
        return sum / n; // 0/0 is NaN
    }

    // ---- monitors ------------------------------------------------------------------------------------------------

    static void monitors() {
        HandlersFloatsMonitors h = new HandlersFloatsMonitors();
        int failures = 0;
        for (int i = 0; i < 6; i++) {
            try {
                h.add(i);
            } catch (IllegalStateException e) {
                failures++;
            }
            try {
                staticAdd(i);
            } catch (ArithmeticException e) {
                failures += 10;
            }
            try {
                h.blockAdd(i);
            } catch (IndexOutOfBoundsException e) {
                failures += 100;
            }
        }
        // if a monitor were still held, another thread could not enter: the join would never return
        Thread other = new Thread(() -> {
            h.add(1);
            staticAdd(1);
            h.blockAdd(1);
        });
        other.start();
        try {
            other.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("monitors " + h.counter + " " + sink + " " + failures);
    }

    synchronized void add(int i) {
        for (int k = 0; k < i; k++) {
            counter += k;
            if (k == 3) {
                throw new IllegalStateException("k " + k);
            }
        }
    }

    static synchronized void staticAdd(int i) {
        for (int k = 0; k <= i; k++) {
            sink += 12 / (4 - k);
        }
    }

    void blockAdd(int i) {
        int[] slots = new int[3];
        for (int k = 0; k < 2; k++) {
            synchronized (lock) {
                counter += slots[i - k];
                slots[0] += i;
            }
        }
    }
}
