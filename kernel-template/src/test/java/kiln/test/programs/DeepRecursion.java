package kiln.test.programs;

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
        }
        System.out.println("done");
    }
}
