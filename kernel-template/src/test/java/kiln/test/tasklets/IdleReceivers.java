package kiln.test.tasklets;

import kiln.kernel.memory.Stacks;
import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;

/**
 * An idle tasklet never grows its first stack (issue 7: under 1 KiB per idle tasklet): receivers park on a channel
 * nobody sends on, each allocating its waiter (far more of them than the channel's pool of spare waiters holds), in
 * a heap full of small holes, so that the waiters come from the bump range and from refills out of the free lists
 * alike. None of their stacks may grow (Stacks.growCount) or differ from the first size.
 */
public class IdleReceivers {
    private static final int RECEIVERS = 3000;
    private static final int HOLES = 4000;

    public static void main(String[] args) {
        long[][] survivors = FragmentedHeap.fragmentHeap(HOLES, 17); // holes of 160 bytes
        Channel<Integer> never = new Channel<>();
        Tasklet[] receivers = new Tasklet[RECEIVERS];
        long growsBefore = Stacks.growCount();
        for (int i = 0; i < RECEIVERS; i++) {
            receivers[i] = Tasklet.spawnDaemon(null, never::receive);
        }
        Scheduler.yield(); // every receiver runs until it parks
        long grown = Stacks.growCount() - growsBefore;
        boolean firstSize = true;
        for (Tasklet receiver : receivers) {
            firstSize &= receiver.stackBytes() == Stacks.INITIAL_BYTES && receiver.isAlive();
        }
        System.out.println(RECEIVERS + " idle receivers parked: stacks grown " + grown + ", all at the first size: "
                + firstSize + " (" + survivors.length + " survivors between the holes)");
    }
}
