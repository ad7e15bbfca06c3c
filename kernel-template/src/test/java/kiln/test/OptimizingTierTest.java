package kiln.test;

import dev.kiln.compiler.CompilerOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential corpus again (DifferentialTest's programs), compiled with the optimizing tier on
 * (dev.kiln.compiler.opt) and run as Linux processes: output and exit status must equal HotSpot's, byte for byte,
 * as they must under the baseline.
 */
class OptimizingTierTest {
    @ParameterizedTest
    @MethodSource("kiln.test.DifferentialTest#programs")
    void sameOutputAsHotSpotWhenOptimized(String mainClass) throws Exception {
        var compiled = KilnRunner.compile(KilnRunner.PROGRAMS, mainClass, CompilerOptions.defaults().withOptimize(true));
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(compiled, mainClass));
    }

    /** As DifferentialTest's: locales the image does not pack fall back to the root data, as on a java.base-only JDK. */
    @Test
    void unpackedLocalesFallBackAsTheJdkDoesWhenOptimized() throws Exception {
        String mainClass = "kiln.test.programs.UnpackedLocales";
        var compiled = KilnRunner.compile(KilnRunner.PROGRAMS, mainClass, CompilerOptions.defaults().withOptimize(true));
        KilnRunner.assertSameAsHotSpot(mainClass, List.of("--limit-modules", "java.base"),
                KilnRunner.onLinux(compiled, mainClass));
    }
}
