package dev.kiln.examples.tasklets;

import kiln.kernel.sched.Channel;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.sched.Select;
import kiln.kernel.sched.Tasklet;

/**
 * Tasklets talking over channels, in the two shapes Go made familiar.
 *
 * <p>The prime sieve (after Doug McIlroy's pipeline, as in Go's tour): a generator sends 2, 3, 4, ... down a
 * channel; each prime found starts a new filter tasklet that passes on only the numbers it does not divide. After
 * 30 primes the pipeline is 31 tasklets long; its tasklets are daemons, so it simply stops when main is done.
 *
 * <p>Producers and a consumer: three producers send at their own pace on one buffered channel; the consumer
 * waits with {@link Select} and a timeout, and ends when no item has come for 50 ms.
 */
public class Tasklets {
    public static void main(String[] args) {
        StringBuilder primes = new StringBuilder("primes:");
        Channel<Integer> numbers = new Channel<>();
        Tasklet.spawnDaemon("generate", () -> {
            for (int n = 2; ; n++) {
                numbers.send(n);
            }
        });
        Channel<Integer> source = numbers;
        for (int i = 0; i < 30; i++) {
            int prime = source.receive();
            primes.append(' ').append(prime);
            Channel<Integer> in = source;
            Channel<Integer> out = new Channel<>();
            Tasklet.spawnDaemon("filter " + prime, () -> {
                for (;;) {
                    int n = in.receive();
                    if (n % prime != 0) {
                        out.send(n);
                    }
                }
            });
            source = out;
        }
        System.out.println(primes);

        Channel<Integer> items = new Channel<>(4);
        Select poll = new Select().receive(items).orElse();
        System.out.println("before the producers start: " + (poll.run() == Select.DEFAULT ? "no item yet" : "an item?"));
        int producers = 3;
        int perProducer = 20;
        for (int p = 0; p < producers; p++) {
            int id = p;
            Tasklet.spawn("producer " + p, () -> {
                for (int i = 0; i < perProducer; i++) {
                    Scheduler.sleep((id + 1) * 1_000_000L); // 1, 2 and 3 ms between items
                    items.send(id * perProducer + i);
                }
            });
        }
        Select next = new Select().receive(items).timeout(50_000_000);
        int count = 0;
        long checksum = 0;
        while (next.run() != Select.TIMED_OUT) {
            count++;
            checksum += (Integer) next.value();
        }
        System.out.println("consumed " + count + " items from " + producers + " producers, checksum " + checksum
                + "; then 50 ms without an item: done");
    }
}
