package kiln.test.programs;

import java.util.Arrays;

/**
 * Array initializers with constant elements, which the compiler turns into one copy from the image
 * (ConstantArrayLowering): every element kind, the values a narrowing store or a float's bits could get wrong,
 * runs the lowering must end early (a computed element, an index out of order) and arrays too short to lower.
 */
public class ConstantArrays {
    static final boolean[] BOOLEANS = {true, false, true, true, false, false, true, false, true};
    static final byte[] BYTES = {0, 1, -1, 127, -128, 64, -65, 7, 100};
    static final short[] SHORTS = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE, 300, -300, 12345};
    static final char[] CHARS = {'a', 'Z', '\u00e9', '\u0100', '\u4e2d', '\uffff', '\ud83d', '\ude00', '0'};
    static final int[] INTS = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x12345678, -0x789abcd, 65536, 5};
    static final long[] LONGS = {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0x123456789abcdefL, -42L, 1L << 40};
    static final float[] FLOATS = {0f, -0f, 1f, 2f, -1.5f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 3.14159f};
    static final double[] DOUBLES = {0d, -0d, 1d, -2.25, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, Math.E};
    static final int[][] NESTED = {{1, 2, 3, 4, 5}, {}, {6}, {7, 8, 9, 10, 11, 12}, {-1, -2, -3, -4}};
    static final long[] SHORT_RUN = {9L, 8L};

    static int computed(int x) {
        return x * 31;
    }

    public static void main(String[] args) {
        System.out.println(Arrays.toString(BOOLEANS));
        System.out.println(Arrays.toString(BYTES));
        System.out.println(Arrays.toString(SHORTS));
        for (char c : CHARS) {
            System.out.print((int) c + " ");
        }
        System.out.println();
        System.out.println(Arrays.toString(INTS));
        System.out.println(Arrays.toString(LONGS));
        for (float f : FLOATS) {
            System.out.print(f + "/" + Integer.toHexString(Float.floatToRawIntBits(f)) + " ");
        }
        System.out.println();
        for (double d : DOUBLES) {
            System.out.print(d + "/" + Long.toHexString(Double.doubleToRawLongBits(d)) + " ");
        }
        System.out.println();
        System.out.println(Arrays.deepToString(NESTED));
        System.out.println(Arrays.toString(SHORT_RUN));

        // A computed element in the middle: the constants before it are copied, the ones after stored one by one.
        int[] interrupted = {1, 2, 3, 4, 5, computed(args.length + 2), 7, 8, 9, 10, 11};
        System.out.println(Arrays.toString(interrupted));
        // Longer than its initializer: the rest stays zero.
        char[] padded = new char[12];
        padded[0] = 'k';
        padded[1] = 'i';
        padded[2] = 'l';
        padded[3] = 'n';
        padded[4] = '!';
        System.out.println(new String(padded).replace('\0', '.'));
        // An array written before it is filled by a run: each call builds a fresh array.
        for (int i = 0; i < 3; i++) {
            byte[] fresh = {10, 20, 30, 40, 50};
            fresh[i] = (byte) -i;
            System.out.println(Arrays.toString(fresh));
        }
        // An index past the length is no run to copy: the store must throw where HotSpot throws.
        try {
            int[] tooShort = new int[4];
            tooShort[0] = 1;
            tooShort[1] = 2;
            tooShort[2] = 3;
            tooShort[3] = 4;
            tooShort[4] = 5;
            System.out.println("no exception " + Arrays.toString(tooShort));
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("caught " + e.getMessage());
        }
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon"};
        System.out.println(String.join(",", words));
    }
}
