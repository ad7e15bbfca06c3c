package kiln.test.programs;

import java.util.ArrayList;
import java.util.List;

/**
 * Class initialization under threads (JLS §12.4.2): threads that race for a class whose initializer sleeps all
 * see it fully initialized, and it is initialized once; an initializer that throws gives
 * ExceptionInInitializerError, and every later use NoClassDefFoundError, in the thread that failed and in others.
 */
public class ClassInitThreads {
    static int slowInitializations;

    static class Slow {
        static final int[] VALUES;

        static {
            slowInitializations++;
            try {
                Thread.sleep(200); // the other threads arrive meanwhile
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            Recursive.touchSlow();
            VALUES = new int[] {1, 2, 3};
        }

        static int sum() {
            return VALUES[0] + VALUES[1] + VALUES[2];
        }
    }

    /** Used by Slow's initializer, and uses Slow again: a recursive request of the initializing thread. */
    static class Recursive {
        static void touchSlow() {
            System.out.println("recursive request sees " + (Slow.VALUES == null ? "no values yet" : "values"));
        }
    }

    static class Failing {
        static final int VALUE = compute();

        static int compute() {
            throw new IllegalArgumentException("no value for Failing");
        }
    }

    static class FailingWithError {
        static {
            if (slowInitializations >= 0) {
                throw new AssertionError("an Error is not wrapped");
            }
        }

        static void use() {}
    }

    static class Child extends FailingWithError {
        static void use() {}
    }

    public static void main(String[] args) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        int[] sums = new int[4];
        for (int t = 0; t < sums.length; t++) {
            int index = t;
            threads.add(new Thread(() -> sums[index] = Slow.sum(), "racer-" + t));
        }
        for (Thread thread : threads) {
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("sums " + java.util.Arrays.toString(sums) + ", initialized " + slowInitializations + " time(s)");

        useFailing("main, first use");
        useFailing("main, second use");
        Thread other = new Thread(() -> useFailing("another thread"));
        other.start();
        other.join();

        try {
            FailingWithError.use();
        } catch (Throwable e) {
            System.out.println("first use: " + e);
        }
        try {
            Child.use();
        } catch (Throwable e) {
            System.out.println("subclass: " + e);
        }
        try {
            FailingWithError.use();
        } catch (Throwable e) {
            System.out.println("later use: " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    static void useFailing(String when) {
        try {
            System.out.println(when + ": value " + Failing.VALUE);
        } catch (ExceptionInInitializerError e) {
            System.out.println(when + ": " + e + " caused by " + e.getCause());
        } catch (NoClassDefFoundError e) {
            System.out.println(when + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
