package kiln.test.programs;

/**
 * An OutOfMemoryError that nobody catches ends the program as on HotSpot: the error and the stack trace of the
 * allocation that failed on standard error, exit status 1. Run with a heap the size of the guest's.
 */
public class OutOfMemoryUncaught {
    public static void main(String[] args) {
        System.out.println("filling the heap");
        fill(new long[4096][]);
    }

    private static void fill(long[][] hoard) {
        for (int i = 0; i < hoard.length; i++) {
            hoard[i] = new long[128 * 1024];
        }
        System.out.println("the heap held 4 GiB");
    }
}
