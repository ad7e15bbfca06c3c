package kiln.test.programs;

/**
 * Unbounded recursion ends in a StackOverflowError that the program catches, after which a deep but bounded
 * recursion still succeeds: the stack and its limit are usable again. FaultTest boots it once more with
 * {@code kiln.test=guard-page-only}, where the prologue's check is off and only the guard page below the stack
 * stops the recursion.
 */
public class DeepRecursion {
    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    static long sum(int n) {
        return n == 0 ? 0 : n + sum(n - 1);
    }

    public static void main(String[] args) {
        System.out.println(sum(5000));
        for (int attempt = 0; attempt < 3; attempt++) {
            depth = 0;
            try {
                recurse();
            } catch (StackOverflowError e) {
                System.out.println("caught StackOverflowError " + (depth > 1000));
            }
            System.out.println("bounded recursion after it: " + sum(5000));
        }
        System.out.println("done");
    }
}
