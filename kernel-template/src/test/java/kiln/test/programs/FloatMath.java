package kiln.test.programs;

/** Uses the floating-point remainder, which the baseline compiler rejects; the test checks the error message. */
public class FloatMath {
    static float scale(float x) {
        return x % 1.5f;
    }

    public static void main(String[] args) {
        System.out.println((int) scale(args.length + 2));
    }
}
