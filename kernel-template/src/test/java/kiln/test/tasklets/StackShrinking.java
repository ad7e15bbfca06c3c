package kiln.test.tasklets;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Tasklet;

/**
 * A tasklet that recursed deep and then waits has its stack halved by each collection while it uses at most a
 * quarter of it; woken, it recurses again (growing anew), returns the right results and gets a right stack trace.
 */
public class StackShrinking {
    public static void main(String[] args) {
        Channel<Long> ready = new Channel<>();
        Channel<Integer> wake = new Channel<>();
        Channel<String> report = new Channel<>();
        Tasklet deep = Tasklet.spawn("deep", () -> {
            long sum = sumTo(3000);
            ready.send(sum);
            int depth = wake.receive();
            StringBuilder lines = new StringBuilder("after waking: sum " + sumTo(depth));
            try {
                throwAt(depth);
            } catch (IllegalStateException e) {
                StackTraceElement[] trace = e.getStackTrace();
                lines.append(", trace of ").append(trace.length).append(" frames\n  at ").append(trace[0])
                        .append("\n  at ").append(trace[1]).append("\n  ...\n  at ").append(trace[trace.length - 1]);
            }
            report.send(lines.toString());
        });
        System.out.println("before waiting: sum " + ready.receive());
        Scheduler.yield(); // the tasklet runs into wake.receive() and waits there
        long grown = deep.stackBytes();
        System.gc();
        long halved = deep.stackBytes();
        for (int i = 0; i < 20; i++) {
            System.gc();
        }
        long small = deep.stackBytes();
        System.out.println("grown beyond 64 KiB: " + (grown > 64 << 10) + ", halved by a collection: "
                + (halved * 2 == grown) + ", after 20 more: under 4 KiB: " + (small < 4 << 10));
        wake.send(2000);
        System.out.println(report.receive());
    }

    private static long sumTo(int n) {
        return n == 0 ? 0 : n + sumTo(n - 1);
    }

    private static void throwAt(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("bottom");
        }
        throwAt(depth - 1);
    }
}
