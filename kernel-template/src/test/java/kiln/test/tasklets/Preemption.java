package kiln.test.tasklets;

/**
 * A thread spinning on a plain field, in a loop without calls, beside one that sets the field after a sleep:
 * without preemption the spinner would keep the only CPU forever.
 */
public class Preemption {
    static boolean flag; // deliberately not volatile: Kiln's baseline reads it on every iteration

    public static void main(String[] args) throws InterruptedException {
        Thread setter = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            flag = true;
        }, "setter");
        setter.start();
        long spins = 0;
        while (!flag) {
            spins++;
        }
        setter.join();
        System.out.println("the spinner saw the flag after " + (spins > 1000 ? "many" : "few") + " spins");
        int[] counts = new int[2];
        boolean[] stop = new boolean[1];
        Thread[] spinners = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int id = i;
            spinners[i] = new Thread(() -> {
                while (!stop[0]) {
                    counts[id]++;
                }
            });
            spinners[i].start();
        }
        Thread.sleep(200);
        stop[0] = true;
        for (Thread spinner : spinners) {
            spinner.join();
        }
        System.out.println("two spinners both ran: " + (counts[0] > 0 && counts[1] > 0));
    }
}
