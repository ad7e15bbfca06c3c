package kiln.test.tasklets;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Tasklet;

/**
 * Stacks that grow keep correct stack traces; objects reachable only from parked tasklets survive collections;
 * the stacks of finished tasklets are freed (more of them than the heap could hold at once); a tasklet's stack
 * stops growing at 1 MiB with a StackOverflowError that the tasklet can catch.
 */
public class StacksAndCollection {
    static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    public static void main(String[] args) {
        Tasklet thrower = Tasklet.spawn("thrower", () -> {
            try {
                descend(300);
            } catch (IllegalStateException e) {
                StackTraceElement[] trace = e.getStackTrace();
                System.out.println(e.getMessage() + ", " + trace.length + " frames");
                for (int i = 0; i < 3; i++) {
                    System.out.println("  at " + trace[i]);
                }
                System.out.println("  ...");
                System.out.println("  at " + trace[trace.length - 2]);
            }
        });
        thrower.join();

        int parked = 50;
        Channel<Integer> go = new Channel<>();
        Channel<Long> sums = new Channel<>(parked);
        for (int t = 0; t < parked; t++) {
            int seed = t;
            Tasklet.spawn("holder-" + t, () -> {
                Node list = null;
                for (int i = 0; i < 2000; i++) {
                    list = new Node(seed + i, list); // reachable only from this tasklet's stack
                }
                go.receive();
                long sum = 0;
                for (Node n = list; n != null; n = n.next) {
                    sum += n.value;
                }
                sums.send(sum);
            });
        }
        Tasklet.current(); // the holders have not run yet; let them build their lists and park
        kiln.kernel.sched.Scheduler.yield();
        for (int round = 0; round < 20; round++) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[32 * 1024];
            }
            System.gc();
        }
        for (int t = 0; t < parked; t++) {
            go.send(t);
        }
        long total = 0;
        long expected = 0;
        for (int t = 0; t < parked; t++) {
            total += sums.receive();
            expected += 2000L * t + 1999L * 2000 / 2;
        }
        System.out.println("parked tasklets' lists after 20 collections: " + (total == expected ? "intact" : "DAMAGED " + total));

        int finished = 5000;
        long depthSum = 0;
        for (int t = 0; t < finished; t++) {
            int[] depth = new int[1];
            Tasklet deep = Tasklet.spawn("deep-" + t, () -> depth[0] = count(500));
            deep.join();
            depthSum += depth[0];
        }
        System.out.println(finished + " tasklets with 500-deep stacks ran and ended: " + depthSum);

        int[] afterOverflow = new int[1];
        Tasklet bottomless = Tasklet.spawn("bottomless", () -> {
            try {
                bottomless(0);
            } catch (StackOverflowError e) {
                afterOverflow[0] = count(1000); // the stack still works after the error
            }
        });
        bottomless.join();
        System.out.println("unbounded recursion in a tasklet: StackOverflowError, then " + afterOverflow[0] + " deep again");
    }

    static int bottomless(int depth) {
        return bottomless(depth + 1) + 1;
    }

    static int descend(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("bottom reached");
        }
        return descend(depth - 1) + 1;
    }

    static int count(int n) {
        return n == 0 ? 0 : count(n - 1) + 1;
    }
}
