package kiln.test.tasklets;

import kiln.kernel.memory.Stacks;
import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;

/**
 * An idle tasklet never grows its first stack (issue 7: under 1 KiB per idle tasklet): receivers park on a channel
 * nobody sends on, each allocating its waiter (far more of them than the channel's pool of spare waiters holds), in
 * a heap full of small holes, so that the waiters come from the bump range and from refills out of the free lists
 * alike. None of their stacks may grow (Stacks.growCount) or differ from the first size, but for a receiver that a
 * tick preempted on its way to the receive.
 */
public class IdleReceivers {
    private static final int RECEIVERS = 3000;
    private static final int HOLES = 4000;

    public static void main(String[] args) {
        long[][] survivors = FragmentedHeap.fragmentHeap(HOLES, 17); // holes of 160 bytes
        Channel<Integer> never = new Channel<>();
        Tasklet[] receivers = new Tasklet[RECEIVERS];
        long growsBefore = Stacks.growCount();
        long preemptionsBefore = Stacks.preemptionCount();
        for (int i = 0; i < RECEIVERS; i++) {
            receivers[i] = Tasklet.spawnDaemon(null, never::receive);
        }
        Scheduler.yield(); // every receiver runs until it parks
        // A tick that preempts a receiver on its way to the receive puts the scheduler's frames on its stack, which
        // may then grow once (Stacks.preemptionCount): those are not counted, all others must not grow.
        long preempted = Stacks.preemptionCount() - preemptionsBefore;
        long grown = Stacks.growCount() - growsBefore;
        int notIdleAtFirstSize = 0;
        for (Tasklet receiver : receivers) {
            if (receiver.stackBytes() != Stacks.INITIAL_BYTES || !receiver.isAlive()) {
                notIdleAtFirstSize++;
            }
        }
        System.out.println(RECEIVERS + " idle receivers parked: stacks grown without a preemption "
                + Math.max(0, grown - preempted) + ", receivers not at the first size without one "
                + Math.max(0, notIdleAtFirstSize - preempted) + " (" + survivors.length + " survivors between the holes)");
    }
}
