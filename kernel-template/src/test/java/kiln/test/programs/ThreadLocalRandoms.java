package kiln.test.programs;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The JDK's ThreadLocalRandom: its draws are seeded from the clocks, so only their ranges, their spread and the
 * JDK's argument checks can be compared with HotSpot; several threads each draw from their own generator.
 */
public class ThreadLocalRandoms {
    public static void main(String[] args) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean inRange = true;
        int[] histogram = new int[8];
        for (int i = 0; i < 20000; i++) {
            int n = random.nextInt(8);
            histogram[n]++;
            inRange &= n >= 0 && n < 8;
            int m = random.nextInt(-50, 50);
            inRange &= m >= -50 && m < 50;
            long l = random.nextLong(1L << 40, (1L << 40) + 3);
            inRange &= l >= 1L << 40 && l < (1L << 40) + 3;
            double d = random.nextDouble(-2.5, 2.5);
            inRange &= d >= -2.5 && d < 2.5;
            float f = random.nextFloat();
            inRange &= f >= 0f && f < 1f;
            long w = random.nextLong(Long.MIN_VALUE, Long.MAX_VALUE);
            inRange &= w != Long.MAX_VALUE;
        }
        boolean spread = true;
        for (int count : histogram) {
            spread &= count > 2000 && count < 3000;
        }
        System.out.println("in range " + inRange + ", spread " + spread);
        System.out.println("same object in one thread " + (ThreadLocalRandom.current() == random));
        long streamed = random.ints(1000, 3, 9).filter(i -> i < 3 || i >= 9).count()
                + random.doubles(1000).filter(x -> x < 0 || x >= 1).count();
        System.out.println("streams out of range " + streamed);
        System.out.println("gaussian finite " + Double.isFinite(random.nextGaussian()));

        int[] perThread = new int[4];
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                ThreadLocalRandom own = ThreadLocalRandom.current();
                int ok = 0;
                for (int i = 0; i < 1000; i++) {
                    int n = own.nextInt(1, 7);
                    ok += n >= 1 && n < 7 ? 1 : 0;
                }
                perThread[index] = ok;
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("per thread " + java.util.Arrays.toString(perThread));

        try {
            random.nextInt(0);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            random.nextLong(5, 5);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            random.nextDouble(Double.NaN);
        } catch (IllegalArgumentException e) {
            System.out.println(e);
        }
        try {
            random.setSeed(1);
        } catch (UnsupportedOperationException e) {
            System.out.println(e);
        }
    }
}
