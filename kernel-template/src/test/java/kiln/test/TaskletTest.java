package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Programs on the kernel's tasklet API (kiln.kernel.sched), which HotSpot cannot run: their output is compared
 * with what the program is known to print, on the hosted target (natively) and in QEMU.
 */
class TaskletTest {
    @Test
    void spawnJoinYieldSleepAndDeepRecursion() throws Exception {
        String expected = """
                interleaved: a0b0c0a1b1c1a2b2c2
                woke: early late ; alive: false false
                recursion in a tasklet: 10000
                """;
        assertEquals(new KilnRunner.Outcome(expected, 0), KilnRunner.onLinux("kiln.test.tasklets.SpawnJoinYield"));
    }

    @Test
    void channelsAndSelect() throws Exception {
        String expected = """
                ping-pong sum: 500500, after close: null true
                buffered: 3 of 3, trySend: false
                send after close: send on a closed channel
                drained in order: xyzw
                select with default: default
                select with timeout: timed out
                select chose case 1: 42
                select send case 1, sink holds 7
                10000 x 100 messages: checksum 499999500000, expected 499999500000
                """;
        assertEquals(new KilnRunner.Outcome(expected, 0), KilnRunner.onLinux("kiln.test.tasklets.Channels"));
    }
}
