package kiln.test.verify;

/**
 * The program {@link ClassFileFuzzTest} mutates: one class with fields, a constructor, loops, a switch, a try
 * with catch and finally, arrays, an instanceof pattern, string concatenation and a lambda (two kinds of
 * invokedynamic), so that mutations land in every part of a class file.
 */
public final class FuzzSeed {
    private static long total;
    private final String name;
    private int count;

    FuzzSeed(String name) {
        this.name = name;
    }

    int add(int x) {
        count += x;
        return count;
    }

    static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    static String describe(Object o) {
        if (o instanceof FuzzSeed f) {
            return f.name + ":" + f.count;
        }
        return String.valueOf(o);
    }

    static int classify(int n) {
        switch (n) {
            case 0:
                return 10;
            case 1:
                return 20;
            case 5:
                return 30;
            default:
                return -1;
        }
    }

    static long divide(long a, long b) {
        try {
            return a / b;
        } catch (ArithmeticException e) {
            return -1;
        } finally {
            total++;
        }
    }

    public static void main(String[] args) {
        FuzzSeed seed = new FuzzSeed("seed");
        for (int i = 0; i < 4; i++) {
            seed.add(i);
        }
        int[] values = {3, 1, 4, 1, 5};
        System.out.println(describe(seed) + " " + classify(values.length) + " " + divide(7, 0) + " " + sum(values));
        Runnable twice = () -> total += 2;
        twice.run();
        System.out.println(total);
    }
}
