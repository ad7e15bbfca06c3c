package kiln.test.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/**
 * One thread reads a line from System.in while main prints ticks and a third thread spins without sleeping: the
 * reader waits in the scheduler, not in a halt that would stop the others, and input makes it runnable again
 * even though the CPU never idles.
 */
public class InputWhileTicking {
    private static volatile String line;
    private static volatile boolean done;
    private static long spins;

    public static void main(String[] args) throws InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                System.out.println("reader waiting");
                line = new BufferedReader(new InputStreamReader(System.in)).readLine();
            } catch (IOException e) {
                line = "failed: " + e;
            }
        }, "reader");
        Thread spinner = new Thread(() -> {
            while (!done) {
                spins++;
            }
        }, "spinner");
        reader.start();
        spinner.start();
        for (int tick = 1; reader.isAlive(); tick++) {
            System.out.println("tick " + tick);
            Thread.sleep(50);
        }
        done = true;
        spinner.join();
        System.out.println("read [" + line + "] while ticking; spinner ran: " + (spins > 0));
    }
}
