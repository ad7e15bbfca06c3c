package kiln.test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hosted target: the same compiled kernel, linked with the hosted entry stub, runs as a Linux process.
 * Its output and exit status must match HotSpot's exactly, as in QEMU; it is how benchmarks run natively.
 */
class HostedTargetTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "kiln.test.programs.Hello",
        "kiln.test.programs.Exceptions",
        "kiln.test.programs.UtilCollections",
        "kiln.test.programs.ExitStatus",
        "kiln.test.programs.Uncaught",
        "kiln.test.programs.NullPointers",
        "kiln.test.programs.DivideByZero",
        "kiln.test.programs.DeepRecursion",
    })
    void sameOutputAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }
}
