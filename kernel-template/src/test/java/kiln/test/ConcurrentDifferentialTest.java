package kiln.test;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK's own java.util.concurrent (issue 7 item 7) on Kiln's Unsafe, LockSupport and tasklets: each program
 * prints the same as on HotSpot, byte for byte, natively on the hosted target and in a QEMU guest.
 */
class ConcurrentDifferentialTest {
    static Stream<String> programs() {
        return Stream.of(
                "kiln.test.programs.ConcurrentLocks",
                "kiln.test.programs.ConcurrentCollections",
                "kiln.test.programs.ConcurrentFutures",
                "kiln.test.programs.NarrowAtomics");
    }

    /** And the two earlier programs that use java.util.concurrent, which DifferentialTest runs in QEMU. */
    static Stream<String> hostedPrograms() {
        return Stream.concat(programs(), Stream.of("kiln.test.programs.Concurrency", "kiln.test.programs.Streams"));
    }

    @ParameterizedTest
    @MethodSource("hostedPrograms")
    void hostedSameAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void inQemuSameAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onKiln(mainClass));
    }
}
