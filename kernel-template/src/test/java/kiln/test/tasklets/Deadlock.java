package kiln.test.tasklets;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Tasklet;

/** Every tasklet waits for another: the scheduler reports them all and the guest fails. */
public class Deadlock {
    public static void main(String[] args) {
        Channel<String> neverSent = new Channel<>();
        Tasklet waiter = Tasklet.spawn("waiter", () -> System.out.println("got " + neverSent.receive()));
        System.out.println("main joins the waiter");
        waiter.join();
        System.out.println("unreachable");
    }
}
