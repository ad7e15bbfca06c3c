package kiln.test.tasklets;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Select;
import kiln.kernel.sched.Tasklet;

/** Unbuffered and buffered channels, close, and select with a default and a timeout. */
public class Channels {
    public static void main(String[] args) {
        Channel<Integer> ping = new Channel<>();
        Channel<Integer> pong = new Channel<>();
        Tasklet.spawn("ponger", () -> {
            for (Integer n = ping.receive(); n != null; n = ping.receive()) {
                pong.send(n + 1);
            }
            pong.close();
        });
        int sum = 0;
        for (int i = 0; i < 1000; i++) {
            ping.send(i);
            sum += pong.receive();
        }
        ping.close();
        System.out.println("ping-pong sum: " + sum + ", after close: " + pong.receive() + " " + pong.isClosedAndEmpty());

        Channel<String> buffered = new Channel<>(3);
        buffered.send("x");
        buffered.send("y");
        buffered.send("z");
        System.out.println("buffered: " + buffered.size() + " of " + buffered.capacity() + ", trySend: " + buffered.trySend("w"));
        Tasklet drainer = Tasklet.spawn("drainer", () -> {
            StringBuilder got = new StringBuilder();
            for (String s = buffered.receive(); s != null; s = buffered.receive()) {
                got.append(s);
            }
            System.out.println("drained in order: " + got);
        });
        buffered.send("w"); // waits until the drainer made room
        buffered.close();
        drainer.join(); // its line first, whichever tasklet the timer happens to preempt
        try {
            buffered.send("late");
        } catch (IllegalStateException e) {
            System.out.println("send after close: " + e.getMessage());
        }
        Scheduler.sleep(1_000_000);

        Channel<Integer> quiet = new Channel<>();
        Channel<Integer> slow = new Channel<>();
        Select poll = new Select().receive(quiet).orElse();
        System.out.println("select with default: " + (poll.run() == Select.DEFAULT ? "default" : "value"));
        Select bounded = new Select().receive(quiet).receive(slow).timeout(20_000_000);
        System.out.println("select with timeout: " + (bounded.run() == Select.TIMED_OUT ? "timed out" : "value"));
        Tasklet.spawn("slow sender", () -> { Scheduler.sleep(5_000_000); slow.send(42); });
        Select waiting = new Select().receive(quiet).receive(slow).timeout(5_000_000_000L);
        int chosen = waiting.run();
        System.out.println("select chose case " + chosen + ": " + waiting.value());
        Channel<Integer> sink = new Channel<>(1);
        Select sendCase = new Select().receive(quiet).send(sink, 7);
        System.out.println("select send case " + sendCase.run() + ", sink holds " + sink.receive());

        int tasklets = 10_000;
        int messages = 100;
        Channel<Long> results = new Channel<>(64);
        @SuppressWarnings("unchecked")
        Channel<Integer>[] inboxes = new Channel[tasklets];
        for (int t = 0; t < tasklets; t++) {
            Channel<Integer> inbox = new Channel<>();
            inboxes[t] = inbox;
            Tasklet.spawn("summer-" + t, () -> {
                long total = 0;
                for (int m = 0; m < messages; m++) {
                    total += inbox.receive();
                }
                results.send(total);
            });
        }
        Tasklet.spawn("feeder", () -> {
            for (int m = 0; m < messages; m++) {
                for (int t = 0; t < tasklets; t++) {
                    inboxes[t].send(t * messages + m);
                }
            }
        });
        long checksum = 0;
        for (int t = 0; t < tasklets; t++) {
            checksum += results.receive();
        }
        long n = (long) tasklets * messages;
        System.out.println("10000 x 100 messages: checksum " + checksum + ", expected " + n * (n - 1) / 2);
    }
}
