package kiln.test.programs;

import java.util.Random;

/** java.util.Random: seeded sequences must match HotSpot bit for bit; unseeded ones only stay in range. */
public class RandomNumbers {
    public static void main(String[] args) {
        Random random = new Random(42);
        StringBuilder ints = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            ints.append(random.nextInt()).append(' ');
        }
        System.out.println("nextInt " + ints);
        StringBuilder bounded = new StringBuilder();
        for (int bound : new int[] {1, 2, 7, 16, 100, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE}) {
            bounded.append(random.nextInt(bound)).append(' ');
        }
        System.out.println("nextInt(bound) " + bounded);
        System.out.println("nextLong " + random.nextLong() + " " + random.nextLong());
        System.out.println("nextBoolean " + random.nextBoolean() + " " + random.nextBoolean() + " " + random.nextBoolean());
        System.out.println("nextDouble " + random.nextDouble() + " " + random.nextDouble());
        System.out.println("nextFloat " + random.nextFloat() + " " + random.nextFloat());
        System.out.println("nextGaussian " + random.nextGaussian() + " " + random.nextGaussian() + " " + random.nextGaussian());
        byte[] bytes = new byte[11];
        random.nextBytes(bytes);
        System.out.println("nextBytes " + java.util.Arrays.toString(bytes));
        System.out.println("nextInt(origin, bound) " + random.nextInt(-5, 5) + " " + random.nextInt(Integer.MIN_VALUE, Integer.MAX_VALUE)
                + " " + random.nextLong(1000L) + " " + random.nextLong(-3L, 3L) + " " + random.nextDouble(2.5) + " " + random.nextDouble(-1.0, 1.0));

        random.setSeed(7);
        System.out.println("after setSeed(7) " + random.nextInt(1000) + " " + random.nextGaussian());
        random.setSeed(7);
        System.out.println("again " + random.nextInt(1000) + " " + random.nextGaussian());

        Random a = new Random(-1L);
        Random b = new Random(-1L);
        boolean same = true;
        for (int i = 0; i < 1000; i++) {
            same &= a.nextLong() == b.nextLong();
        }
        System.out.println("equal seeds, equal sequences " + same);

        StringBuilder stream = new StringBuilder();
        new Random(3).ints(5, 0, 10).forEach(i -> stream.append(i).append(' '));
        System.out.println("ints(5, 0, 10) " + stream);

        int[] histogram = new int[10];
        Random dice = new Random(2024);
        for (int i = 0; i < 10000; i++) {
            histogram[dice.nextInt(10)]++;
        }
        System.out.println("histogram " + java.util.Arrays.toString(histogram));

        Random unseeded = new Random();
        Random other = new Random();
        boolean inRange = true;
        for (int i = 0; i < 100; i++) {
            int n = unseeded.nextInt(6);
            double d = Math.random();
            inRange &= n >= 0 && n < 6 && d >= 0.0 && d < 1.0 && other.nextDouble() < 1.0;
        }
        System.out.println("unseeded in range " + inRange);

        try {
            random.nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            random.nextInt(5, 5);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
    }
}
