package kiln.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's own java.util.concurrent (issue 7 item 7) on Kiln's Unsafe, LockSupport and tasklets: each program
 * prints the same as on HotSpot, byte for byte, natively on the hosted target and in a QEMU guest.
 */
class ConcurrentDifferentialTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "kiln.test.programs.ConcurrentLocks",
        "kiln.test.programs.ConcurrentCollections",
        "kiln.test.programs.ConcurrentFutures",
        "kiln.test.programs.NarrowAtomics",
        "kiln.test.programs.Concurrency",
        "kiln.test.programs.Streams",
    })
    void hostedSameAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kiln.test.programs.ConcurrentLocks",
        "kiln.test.programs.ConcurrentCollections",
        "kiln.test.programs.ConcurrentFutures",
        "kiln.test.programs.NarrowAtomics",
    })
    void inQemuSameAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onKiln(mainClass));
    }
}
