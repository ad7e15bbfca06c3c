package kiln.test.tasklets;

import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;

/** Tasklets take turns at yield, sleep in deadline order, and join waits for the end. */
public class SpawnJoinYield {
    public static void main(String[] args) {
        StringBuilder order = new StringBuilder();
        Tasklet[] workers = new Tasklet[3];
        for (int i = 0; i < workers.length; i++) {
            char letter = (char) ('a' + i);
            workers[i] = Tasklet.spawn("worker-" + i, () -> {
                for (int round = 0; round < 3; round++) {
                    order.append(letter).append(round);
                    Scheduler.yield();
                }
            });
        }
        for (Tasklet worker : workers) {
            worker.join();
        }
        System.out.println("interleaved: " + order);
        StringBuilder wakeups = new StringBuilder();
        Tasklet late = Tasklet.spawn("late", () -> { Scheduler.sleep(30_000_000); wakeups.append("late "); });
        Tasklet early = Tasklet.spawn("early", () -> { Scheduler.sleep(10_000_000); wakeups.append("early "); });
        late.join();
        early.join();
        System.out.println("woke: " + wakeups + "; alive: " + late.isAlive() + " " + early.isAlive());
        int[] depth = new int[1];
        Tasklet deep = Tasklet.spawn("deep", () -> depth[0] = recurse(10_000));
        deep.join();
        System.out.println("recursion in a tasklet: " + depth[0]);
    }

    static int recurse(int n) {
        return n == 0 ? 0 : 1 + recurse(n - 1);
    }
}
