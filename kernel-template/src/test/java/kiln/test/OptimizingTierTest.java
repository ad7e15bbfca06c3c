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
    static String[] programs() {
        return new String[] {
            "kiln.test.programs.Hello", "kiln.test.programs.Arithmetic", "kiln.test.programs.Objects",
            "kiln.test.programs.Arrays", "kiln.test.programs.Exceptions", "kiln.test.programs.Strings",
            "kiln.test.programs.StringBuffers", "kiln.test.programs.Lambdas", "kiln.test.programs.EnumsAndSwitches",
            "kiln.test.programs.StaticInit", "kiln.test.programs.ExitStatus", "kiln.test.programs.DeepRecursion",
            "kiln.test.programs.Language", "kiln.test.programs.Collections", "kiln.test.programs.UtilCollections",
            "kiln.test.programs.FloatingPoint", "kiln.test.programs.Formatting", "kiln.test.programs.StackTraces",
            "kiln.test.programs.TextLines", "kiln.test.programs.RandomNumbers", "kiln.test.programs.Concurrency",
            "kiln.test.programs.Streams", "kiln.test.programs.ParseNumbers", "kiln.test.programs.GarbageChurn",
            "kiln.test.programs.DeepObjectGraph", "kiln.test.programs.Regex", "kiln.test.programs.CodePoints",
            "kiln.test.programs.LangApi", "kiln.test.programs.NullPointers", "kiln.test.programs.DivideByZero",
            "kiln.test.programs.MathFunctions", "kiln.test.programs.Threads", "kiln.test.programs.ClassInitThreads",
            "kiln.test.programs.JdkModules", "kiln.test.programs.ResourceProperties",
            "kiln.test.programs.ThreadPriorities", "kiln.test.programs.FloatRemainder", "kiln.test.programs.Resources",
            "kiln.test.programs.FormatterConversions", "kiln.test.programs.NumberFormats",
            "kiln.test.programs.DateFormats", "kiln.test.programs.ResourceBundles",
        };
    }

    @ParameterizedTest
    @MethodSource("programs")
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
