package kiln.test.programs;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Exhausting the heap throws a catchable OutOfMemoryError with HotSpot's messages, and the program goes on once
 * it drops what it held; softly reachable objects are cleared before the error. Run with a small heap on HotSpot
 * (-Xmx64m, like the guest's); what it prints does not depend on the heap's size.
 */
public class OutOfMemory {
    public static void main(String[] args) throws InterruptedException {
        SoftReference<byte[]> soft = new SoftReference<>(new byte[1 << 20]);
        System.out.println("caught: " + exhaustTheHeap());
        System.out.println("soft reference cleared before the error: " + (soft.get() == null));
        List<long[]> again = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            again.add(new long[128 * 1024]);
        }
        System.out.println("allocated again: " + again.size() + " MiB");
        again = null;
        hugeArrays();
        Thread worker = new Thread(() -> System.out.println("caught in " + Thread.currentThread().getName() + ": "
                + exhaustTheHeap()));
        worker.start();
        worker.join();
        System.out.println("still running");
    }

    /** Allocates 1 MiB arrays until the heap is exhausted; drops them all and says what was thrown. */
    private static String exhaustTheHeap() {
        List<long[]> hoard = new ArrayList<>();
        try {
            while (true) {
                hoard.add(new long[128 * 1024]);
            }
        } catch (OutOfMemoryError e) {
            int held = hoard.size();
            hoard = null; // drop it all before anything else allocates
            return e.getMessage() + " (held more than 8 MiB: " + (held > 8) + ")";
        }
    }

    private static void hugeArrays() {
        SoftReference<byte[]> soft = new SoftReference<>(new byte[1 << 20]);
        tryArray("new byte[Integer.MAX_VALUE]", () -> new byte[Integer.MAX_VALUE]);
        tryArray("new int[Integer.MAX_VALUE - 1]", () -> new int[Integer.MAX_VALUE - 1]);
        tryArray("new long[Integer.MAX_VALUE - 2]", () -> new long[Integer.MAX_VALUE - 2]);
        tryArray("new Object[Integer.MAX_VALUE - 2]", () -> new Object[Integer.MAX_VALUE - 2]);
        tryArray("new byte[1 << 30]", () -> new byte[1 << 30]);
        tryArray("new int[2][Integer.MAX_VALUE]", () -> new int[2][Integer.MAX_VALUE]);
        System.out.println("soft reference cleared by a request larger than the heap: " + (soft.get() == null));
    }

    private static void tryArray(String what, java.util.function.Supplier<Object> allocation) {
        try {
            System.out.println(what + ": made " + (allocation.get() != null));
        } catch (OutOfMemoryError e) {
            System.out.println(what + ": " + e);
        }
    }
}
