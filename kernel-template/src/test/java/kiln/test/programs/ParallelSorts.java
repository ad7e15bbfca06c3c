package kiln.test.programs;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * The JDK's DualPivotQuicksort and Arrays.parallelSort on arrays large enough to be sorted by ForkJoin tasks
 * (the JDK forks above 4096 elements per part), of every primitive kind and of objects, with duplicates, NaNs
 * and signed zeros; the results are printed as checksums and compared with a sequential sort.
 */
public class ParallelSorts {
    static long checksum(int[] a) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum = sum * 31 + a[i];
        }
        return sum;
    }

    static long checksum(long[] a) {
        long sum = 0;
        for (long v : a) {
            sum = sum * 31 + v;
        }
        return sum;
    }

    static long checksum(double[] a) {
        long sum = 0;
        for (double v : a) {
            sum = sum * 31 + Double.doubleToRawLongBits(v);
        }
        return sum;
    }

    public static void main(String[] args) {
        Random random = new Random(12345);
        for (int size : new int[] {0, 1, 47, 300, 5000, 100_000, 300_000}) {
            int[] ints = new int[size];
            long[] longs = new long[size];
            double[] doubles = new double[size];
            float[] floats = new float[size];
            short[] shorts = new short[size];
            char[] chars = new char[size];
            byte[] bytes = new byte[size];
            for (int i = 0; i < size; i++) {
                ints[i] = i % 7 == 0 ? 42 : random.nextInt();
                longs[i] = random.nextLong() >> (i % 50);
                doubles[i] = i % 97 == 0 ? Double.NaN : i % 89 == 0 ? -0.0 : i % 83 == 0 ? 0.0 : random.nextGaussian();
                floats[i] = (float) doubles[i];
                shorts[i] = (short) random.nextInt();
                chars[i] = (char) random.nextInt();
                bytes[i] = (byte) random.nextInt();
            }
            int[] intsSequential = ints.clone();
            Arrays.sort(intsSequential);
            Arrays.parallelSort(ints);
            long[] longsSequential = longs.clone();
            Arrays.sort(longsSequential);
            Arrays.parallelSort(longs);
            double[] doublesSequential = doubles.clone();
            Arrays.sort(doublesSequential);
            Arrays.parallelSort(doubles);
            float[] floatsSequential = floats.clone();
            Arrays.sort(floatsSequential);
            Arrays.parallelSort(floats);
            Arrays.parallelSort(shorts);
            Arrays.parallelSort(chars);
            Arrays.parallelSort(bytes);
            boolean sorted = true;
            for (int i = 1; i < size; i++) {
                sorted &= shorts[i - 1] <= shorts[i] && chars[i - 1] <= chars[i] && bytes[i - 1] <= bytes[i];
            }
            System.out.println(size + ": int " + checksum(ints) + " " + Arrays.equals(ints, intsSequential)
                    + ", long " + checksum(longs) + " " + Arrays.equals(longs, longsSequential)
                    + ", double " + checksum(doubles) + " " + Arrays.equals(doubles, doublesSequential)
                    + ", float " + Arrays.hashCode(floats) + " " + Arrays.equals(floats, floatsSequential)
                    + ", narrow " + sorted + " " + Arrays.hashCode(shorts) + " " + Arrays.hashCode(chars) + " " + Arrays.hashCode(bytes)
                    + (size > 0 ? ", ends " + doubles[0] + " " + doubles[size - 1] : ""));
        }

        int[] range = new int[200_000];
        for (int i = 0; i < range.length; i++) {
            range[i] = random.nextInt(1000);
        }
        Arrays.parallelSort(range, 1000, 150_000);
        boolean rangeSorted = true;
        for (int i = 1001; i < 150_000; i++) {
            rangeSorted &= range[i - 1] <= range[i];
        }
        System.out.println("range sorted " + rangeSorted + " " + checksum(range));

        String[] words = new String[60_000];
        for (int i = 0; i < words.length; i++) {
            words[i] = Integer.toString(random.nextInt(100_000), 36);
        }
        String[] byLength = words.clone();
        Arrays.parallelSort(words);
        Arrays.parallelSort(byLength, Comparator.comparingInt(String::length).thenComparing(Comparator.reverseOrder()));
        System.out.println("strings " + words[0] + " " + words[words.length / 2] + " " + words[words.length - 1] + " "
                + Arrays.hashCode(words));
        System.out.println("by length " + byLength[0] + " " + byLength[byLength.length - 1] + " " + Arrays.hashCode(byLength));

        int[] sortedAlready = new int[50_000];
        for (int i = 0; i < sortedAlready.length; i++) {
            sortedAlready[i] = i / 3;
        }
        int[] descending = new int[50_000];
        for (int i = 0; i < descending.length; i++) {
            descending[i] = descending.length - i;
        }
        Arrays.parallelSort(sortedAlready);
        Arrays.parallelSort(descending);
        System.out.println("runs " + checksum(sortedAlready) + " " + checksum(descending));
        try {
            Arrays.parallelSort(new int[10], 5, 3);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            Arrays.sort(new long[10], -1, 3);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e);
        }
    }
}
