package kiln.test.time;

/**
 * The first use of a clock long after boot: main computes without asking for the time until the PIT window the
 * kernel opened at boot has expired (more than 55 ms), so the first {@code nanoTime} measures a new one; then a
 * busy interval of 300 ms by that clock, and a sleep, the heartbeat's first user. TimeBootTest compares the
 * interval with the host's clock.
 */
public class LateClock {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("computing");
        long sum = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sum += i ^ (sum >>> 3);
        }
        System.out.println("computed " + (sum != 0));
        long start = System.nanoTime();
        System.out.println("interval begins");
        while (System.nanoTime() - start < 300_000_000L) {
            Thread.onSpinWait();
        }
        long measured = System.nanoTime() - start;
        System.out.println("interval took " + measured + " ns");
        long beforeSleep = System.nanoTime();
        Thread.sleep(50);
        System.out.println("slept " + (System.nanoTime() - beforeSleep >= 50_000_000L));
    }
}
