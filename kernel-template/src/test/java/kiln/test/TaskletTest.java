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
}
