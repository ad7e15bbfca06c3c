package kiln.test.programs;

/**
 * Unbounded recursion ends in a StackOverflowError that the program catches, after which a deep but bounded
 * recursion still succeeds: the stack and its limit are usable again. Booted once more with
 * {@code kiln.test=guard-page-only}, the prologue's check is off and only the guard page below the stack stops
 * the recursion (FaultTest).
 */
public class StackOverflow {
    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    static long sum(int n) {
        return n == 0 ? 0 : n + sum(n - 1);
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            depth = 0;
            try {
                recurse();
                System.out.println("no error?");
            } catch (StackOverflowError e) {
                System.out.println("caught " + e.getClass().getName() + " deeper than 1000: " + (depth > 1000));
            }
            System.out.println("bounded recursion: " + sum(5_000));
        }
    }
}
