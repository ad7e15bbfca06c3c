package kiln.test.programs;

import java.util.Arrays;

/**
 * System.arraycopy's edge cases against HotSpot: every element size, overlapping ranges in both directions, empty
 * copies, copies between reference arrays of different classes (with a store that fails midway: the elements before
 * it are copied), and every exception with its message. {@link #copy} has no loop and makes a call, so the optimizing
 * tier leaves it to the baseline; {@link #copyEach} has a loop, so under the optimizing tier both tiers' calls run.
 */
public class ArrayCopies {
    public static void main(String[] args) {
        int[] ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        copy(ints, 0, ints, 3, 5); // overlapping, to a higher index: must copy top down
        System.out.println("ints up: " + Arrays.toString(ints));
        copy(ints, 4, ints, 1, 6); // overlapping, to a lower index
        System.out.println("ints down: " + Arrays.toString(ints));
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17};
        copy(bytes, 0, bytes, 1, 16);
        System.out.println("bytes up: " + Arrays.toString(bytes));
        char[] chars = "abcdefghij".toCharArray();
        copy(chars, 2, chars, 0, 8);
        System.out.println("chars down: " + new String(chars));
        short[] shorts = {-1, -2, -3};
        long[] longs = {Long.MIN_VALUE, -1, Long.MAX_VALUE};
        double[] doubles = {0.5, -0.0, Double.NaN};
        float[] floats = {1.5f, -2.5f};
        boolean[] booleans = {true, false, true};
        System.out.println("shorts: " + Arrays.toString(copyEach(shorts, new short[4], 1))
                + ", longs: " + Arrays.toString(copyEach(longs, new long[4], 1))
                + ", doubles: " + Arrays.toString(copyEach(doubles, new double[4], 1))
                + ", floats: " + Arrays.toString(copyEach(floats, new float[3], 1))
                + ", booleans: " + Arrays.toString(copyEach(booleans, new boolean[4], 1)));
        copy(ints, 10, ints, 0, 0); // empty, at the end: allowed
        copy(ints, 0, ints, 10, 0);
        String[] strings = {"a", "b", "c"};
        Object[] objects = new Object[5];
        copy(strings, 0, objects, 1, 3); // String[] into Object[]: every element fits
        System.out.println("objects: " + Arrays.toString(objects));
        Object[] mixed = {"x", "y", 42, "z"};
        String[] target = new String[4];
        attempt(() -> copy(mixed, 0, target, 0, 4)); // stops at 42, after two stores
        System.out.println("target: " + Arrays.toString(target));
        CharSequence[] sequences = new CharSequence[2];
        copy(new Object[] {"p", new StringBuilder("q")}, 0, sequences, 0, 2); // Object[] into CharSequence[]
        System.out.println("sequences: " + Arrays.toString(sequences));
        attempt(() -> copy(null, 0, ints, 0, 1));
        attempt(() -> copy(ints, 0, null, 0, 1));
        attempt(() -> copy("not an array", 0, ints, 0, 1));
        attempt(() -> copy(ints, 0, "not an array", 0, 1));
        attempt(() -> copy("same class", 0, "not an array", 0, 1));
        attempt(() -> copy(ints, 0, new long[10], 0, 1));
        attempt(() -> copy(ints, 0, new Object[10], 0, 1));
        attempt(() -> copy(strings, 0, new int[10], 0, 1));
        attempt(() -> copy(ints, -1, ints, 0, 1));
        attempt(() -> copy(ints, 0, ints, -2, 1));
        attempt(() -> copy(ints, 0, ints, 0, -3));
        attempt(() -> copy(ints, 8, ints, 0, 3));
        attempt(() -> copy(ints, 0, new int[2], 0, 3));
        attempt(() -> copy(ints, Integer.MAX_VALUE, ints, 0, 1));
        attempt(() -> copy(ints, 1, ints, 0, Integer.MAX_VALUE));
        attempt(() -> copy(strings, 0, objects, 4, 2));
        System.out.println("after the failures: " + Arrays.toString(ints));
    }

    private static void copy(Object src, int srcPos, Object dest, int destPos, int length) {
        System.arraycopy(src, srcPos, dest, destPos, length);
    }

    /** Copies {@code src} into {@code dest} at {@code at} one element at a time, then all at once, which must agree. */
    private static <T> T copyEach(T src, T dest, int at) {
        int length = java.lang.reflect.Array.getLength(src);
        for (int i = 0; i < length; i++) {
            System.arraycopy(src, i, dest, at + i, 1);
        }
        System.arraycopy(src, 0, dest, at, length);
        return dest;
    }

    private static void attempt(Runnable copy) {
        try {
            copy.run();
            System.out.println("no exception");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
