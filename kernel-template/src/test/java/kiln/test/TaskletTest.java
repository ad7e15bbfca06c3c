package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Programs on the kernel's tasklet API (kiln.kernel.sched), which HotSpot cannot run: their output is compared
 * with what the program is known to print, on the hosted target (natively) and in QEMU.
 */
class TaskletTest {
    @Test
    void spawnJoinYieldSleepAndDeepRecursion() throws Exception {
        String expected = """
                interleaved: true
                woke: early late ; alive: false false
                recursion in a tasklet: 10000
                """;
        assertPrints("kiln.test.tasklets.SpawnJoinYield", expected);
    }

    @Test
    void channelsAndSelect() throws Exception {
        String expected = """
                ping-pong sum: 500500, after close: null true
                buffered: 3 of 3, trySend: false
                drained in order: xyzw
                send after close: send on a closed channel
                select with default: default
                select with timeout: timed out
                select chose case 1: 42
                select send case 1, sink holds 7
                10000 x 100 messages: checksum 499999500000, expected 499999500000
                """;
        assertPrints("kiln.test.tasklets.Channels", expected);
    }

    @Test
    void grownStacksTracesAndCollection() throws Exception {
        String expected = """
                bottom reached, 303 frames
                  at kiln.test.tasklets.StacksAndCollection.descend(StacksAndCollection.java:104)
                  at kiln.test.tasklets.StacksAndCollection.descend(StacksAndCollection.java:106)
                  at kiln.test.tasklets.StacksAndCollection.descend(StacksAndCollection.java:106)
                  ...
                  at kiln.test.tasklets.StacksAndCollection.lambda$main$0(StacksAndCollection.java:25)
                parked tasklets' lists after 20 collections: intact
                5000 tasklets with 500-deep stacks ran and ended: 2500000
                unbounded recursion in a tasklet: StackOverflowError, then 1000 deep again
                """;
        assertPrints("kiln.test.tasklets.StacksAndCollection", expected);
    }

    /** A grow inside an allocation and collections inside allocations keep the heap consistent. */
    @Test
    void collectionsWhileSmallStacksGrow() throws Exception {
        assertPrints("kiln.test.tasklets.CollectionOnSmallStacks", "echoed 40000 arrays past the ballast: checksum 1599960000, expected 1599960000\n");
    }

    @Test
    void collectionsShrinkWaitingTasklets() throws Exception {
        String expected = """
                before waiting: sum 4501500
                grown beyond 64 KiB: true, halved by a collection: true, after 20 more: under 4 KiB: true
                after waking: sum 2001000, trace of 2003 frames
                  at kiln.test.tasklets.StackShrinking.throwAt(StackShrinking.java:51)
                  at kiln.test.tasklets.StackShrinking.throwAt(StackShrinking.java:53)
                  ...
                  at kiln.test.tasklets.StackShrinking$$Lambda$1.run(Unknown Source)
                """;
        assertPrints("kiln.test.tasklets.StackShrinking", expected);
    }

    /** The deepest point of an idle receiver (its waiter's allocation, a refill included) fits its first stack. */
    @Test
    void idleReceiversNeverGrowTheirStacks() throws Exception {
        assertPrints("kiln.test.tasklets.IdleReceivers",
                "3000 idle receivers parked: stacks grown without a preemption 0, receivers not at the first size"
                        + " without one 0 (4000 survivors between the holes)\n");
    }

    /** Regression test for the quadratic free-list walk: no hole is walked past twice between collections. */
    @Test
    void allocationsWalkPastEachHoleAtMostOnce() throws Exception {
        assertPrints("kiln.test.tasklets.FragmentedHeap", "2000 allocations among 4000 holes too small for them walked"
                + " past each hole at most once: true (4000 survivors, 2000 large)\n");
    }

    /** The heap collects after its budget and reuses the memory it freed: it touches little more than the budget. */
    @Test
    void heapReusesFreedMemoryInsteadOfTouchingMore() throws Exception {
        assertPrints("kiln.test.tasklets.HeapReuse", "touched after allocating 256 MiB: under 40 MiB: true"
                + " (checksum 1695046200)\n");
    }

    @Test
    void prioritiesOrderTheRunQueueWithoutStarvation() throws Exception {
        String expected = """
                started low, norm, high; ran: high norm low\s
                a new thread takes its creator's priority: 7
                a busy thread of priority 10 let one of priority 1 run: true
                """;
        assertPrints("kiln.test.tasklets.Priorities", expected);
    }

    @Test
    void contendedMonitorsDeflate() throws Exception {
        String expected = """
                contended 100 locks: counter 100, inflated while contended: true, inflated now: 0
                identity hashes kept: true
                wait/notify: inflated while waiting: 1, after: 0
                thin again and usable: true
                """;
        assertPrints("kiln.test.tasklets.MonitorDeflation", expected);
    }

    @Test
    void preemptionNearStackLimits() throws Exception {
        String expected = """
                336 tasklets preempted near their stack limits: sums right
                then one 2000 deep
                """;
        assertPrints("kiln.test.tasklets.PreemptionNearStackLimit", expected);
    }

    @Test
    void deadlockReport() throws Exception {
        assertDeadlockReport(KilnRunner.onLinux("kiln.test.tasklets.Deadlock"));
        assertDeadlockReport(KilnRunner.onKiln("kiln.test.tasklets.Deadlock"));
    }

    private static void assertDeadlockReport(KilnRunner.Outcome outcome) {
        assertEquals(1, outcome.status(), outcome.output());
        String output = outcome.output();
        String[] lines = output.split("\n");
        assertEquals("main joins the waiter", lines[0]);
        assertEquals("kiln: deadlock: every tasklet is blocked and nothing can wake one", lines[1]);
        assertTrue(output.contains("""
                "waiter" parked, waiting for channel receive on kiln.kernel.sched.Channel@"""), output);
        assertTrue(output.contains("\tat kiln.test.tasklets.Deadlock.lambda$main$0(Deadlock.java:10)\n"), output);
        assertTrue(output.contains("""
                "main" parked, waiting for join on tasklet "waiter"
                \tat kiln.test.tasklets.Deadlock.main(Deadlock.java:12)
                """), output);
        assertFalse(output.contains("unreachable"), output);
    }

    @Test
    void timerPreemptsLoopsWithoutCalls() throws Exception {
        String expected = """
                the spinner saw the flag after many spins
                two spinners both ran: true
                """;
        assertPrints("kiln.test.tasklets.Preemption", expected); // the timer interrupt in QEMU, SIGALRM natively
    }

    /** The program prints {@code expected} and exits with status 0, as a Linux process and in QEMU. */
    private static void assertPrints(String mainClass, String expected) throws Exception {
        assertEquals(new KilnRunner.Outcome(expected, 0), KilnRunner.onLinux(mainClass), "on the hosted target");
        assertEquals(new KilnRunner.Outcome(expected, 0), KilnRunner.onKiln(mainClass), "in QEMU");
    }
}
