package kiln.test.tasklets;

/**
 * Thread priorities as the scheduler's hint: runnable threads of higher priority go first, in a documented
 * order, and a busy thread of the highest priority does not starve one of the lowest.
 */
public class Priorities {
    private static final StringBuilder order = new StringBuilder();
    private static volatile boolean lowRan;

    public static void main(String[] args) throws Exception {
        Thread low = started("low", Thread.MIN_PRIORITY);
        Thread norm = started("norm", Thread.NORM_PRIORITY);
        Thread high = started("high", Thread.MAX_PRIORITY);
        low.join();
        norm.join();
        high.join();
        System.out.println("started low, norm, high; ran: " + order);

        Thread.currentThread().setPriority(7);
        Thread child = new Thread(() -> { });
        System.out.println("a new thread takes its creator's priority: " + child.getPriority());
        Thread.currentThread().setPriority(Thread.NORM_PRIORITY);

        Thread spinner = new Thread(() -> {
            long spins = 0;
            while (!lowRan) {
                spins++; // no call: the timer preempts the loop
            }
        });
        spinner.setPriority(Thread.MAX_PRIORITY);
        Thread starving = new Thread(() -> lowRan = true);
        starving.setPriority(Thread.MIN_PRIORITY);
        starving.start();
        spinner.start();
        spinner.join();
        starving.join();
        System.out.println("a busy thread of priority 10 let one of priority 1 run: " + lowRan);
    }

    private static Thread started(String name, int priority) {
        Thread thread = new Thread(() -> order.append(name).append(' '), name);
        thread.setPriority(priority);
        thread.start();
        return thread;
    }
}
