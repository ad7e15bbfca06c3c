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
        // Each yield lets the others run, so every worker's first round comes before any worker's last one. The
        // exact order is the scheduler's round robin only while no timer tick preempts a worker between two
        // yields, so the order itself is not printed.
        String rounds = order.toString();
        int lastFirstRound = Math.max(rounds.indexOf("a0"), Math.max(rounds.indexOf("b0"), rounds.indexOf("c0")));
        int firstLastRound = Math.min(rounds.indexOf("a2"), Math.min(rounds.indexOf("b2"), rounds.indexOf("c2")));
        System.out.println("interleaved: " + (rounds.length() == 18 && lastFirstRound < firstLastRound));
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
