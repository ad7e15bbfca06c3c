package kiln.test.programs;

/**
 * The floating-point remainder {@code %} (JVMS §6.5 drem/frem, JLS §15.17.3): the quotient is truncated
 * toward zero, as C's fmod, not rounded to nearest as IEEE 754's remainder; the result has the dividend's sign;
 * NaN when an operand is NaN, the dividend infinite or the divisor zero; the dividend itself when the divisor is
 * infinite or larger in magnitude. Every pair of special operands is printed; random operands (raw bit patterns,
 * which reach NaNs, infinities and subnormals, and ordinary magnitudes) are folded into digests, so that one
 * differing bit anywhere changes the output.
 */
public class FloatRemainder {
    private static final double[] SPECIAL = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        1.0, -1.0, 1.5, -2.5, 3.0, 0.1, 7.0, 1e300, -1e-300, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
    private static final float[] SPECIAL_FLOATS = {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL,
        1.0f, -1.0f, 1.5f, -2.5f, 3.0f, 0.1f, 7.0f, 1e30f, -1e-30f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
    private static final int RANDOM_PAIRS = 60_000;

    private static long state = 0x9E3779B97F4A7C15L;

    /** xorshift64*: the same sequence on every JVM, without java.util.Random. */
    private static long next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return state * 0x2545F4914F6CDD1DL;
    }

    public static void main(String[] args) {
        System.out.println("JLS 15.17.3: " + (5.0 % 3.0) + " " + (5.0 % -3.0) + " " + (-5.0 % 3.0) + " "
                + (-5.0 % -3.0) + " " + (5.0f % 3.0f) + " " + (-5.5f % 2.0f));
        for (double x : SPECIAL) {
            StringBuilder line = new StringBuilder().append(x).append(" %");
            for (double y : SPECIAL) {
                line.append(' ').append(x % y);
            }
            System.out.println(line);
        }
        for (float x : SPECIAL_FLOATS) {
            StringBuilder line = new StringBuilder().append(x).append(" %");
            for (float y : SPECIAL_FLOATS) {
                line.append(' ').append(x % y);
            }
            System.out.println(line);
        }
        for (int kind = 0; kind < 3; kind++) {
            long digest = 0xcbf29ce484222325L;
            long floatDigest = digest;
            for (int i = 0; i < RANDOM_PAIRS; i++) {
                double x;
                double y;
                if (kind == 0) {
                    x = Double.longBitsToDouble(next());
                    y = Double.longBitsToDouble(next());
                } else if (kind == 1) {
                    x = (next() >> 11) * 0x1.0p-20;
                    y = (next() >> 40) * 0x1.0p-10 + 0.5;
                } else {
                    x = Double.longBitsToDouble(next() & 0x800fffffffffffffL); // subnormal dividends
                    y = Double.longBitsToDouble(next() >>> 20);
                }
                double remainder = x % y;
                digest = (digest ^ Double.doubleToLongBits(remainder)) * 0x100000001b3L;
                float floatRemainder = (float) x % (float) y;
                floatDigest = (floatDigest ^ Float.floatToIntBits(floatRemainder)) * 0x100000001b3L;
                if (i < 4) {
                    System.out.println(x + " % " + y + " = " + remainder + "; as floats " + floatRemainder);
                }
            }
            System.out.println("random kind " + kind + ": " + RANDOM_PAIRS + " pairs, digests "
                    + Long.toHexString(digest) + " " + Long.toHexString(floatDigest));
        }
        double accumulated = 1e18;
        accumulated %= 7.25; // the compound assignment is drem too
        System.out.println("compound " + accumulated);
    }
}
