package kiln.test.time;

import kiln.kernel.time.Timer;

/**
 * The kernel's clocks seen from an application: the wall clock, the timer's heartbeat while main computes, and
 * five sleeps of 200 ms. TimeBootTest compares what it prints with the host's clock.
 */
public class TimeKeeping {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("wall clock " + System.currentTimeMillis());

        long ticksBefore = Timer.ticks();
        long computeStart = System.nanoTime();
        long sum = 0;
        while (System.nanoTime() - computeStart < 500_000_000L) {
            for (int i = 0; i < 1000; i++) {
                sum += i * (long) i;
            }
        }
        long computed = System.nanoTime() - computeStart;
        System.out.println("ticks " + (Timer.ticks() - ticksBefore) + " in " + computed + " ns (sum " + (sum > 0) + ")");

        for (int i = 0; i < 5; i++) {
            System.out.println("sleep " + i + " begins");
            long start = System.nanoTime();
            Thread.sleep(200);
            long slept = System.nanoTime() - start;
            System.out.println("sleep " + i + " took " + slept + " ns");
        }
    }
}
