package kiln.test;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each program runs on HotSpot and, compiled by Kiln, in a QEMU guest; what it prints and its exit status
 * must be the same, byte for byte.
 */
class DifferentialTest {
    /** The corpus; OptimizingTierTest runs the same programs under the optimizing tier. */
    static String[] programs() {
        return new String[] {
            "kiln.test.programs.Hello",
            "kiln.test.programs.Arithmetic",
            "kiln.test.programs.Objects",
            "kiln.test.programs.ScalarReplacements",
            "kiln.test.programs.Arrays",
            "kiln.test.programs.ArrayCopies",
            "kiln.test.programs.Exceptions",
            "kiln.test.programs.Strings",
            "kiln.test.programs.StringBuffers",
            "kiln.test.programs.Lambdas",
            "kiln.test.programs.EnumsAndSwitches",
            "kiln.test.programs.StaticInit",
            "kiln.test.programs.ExitStatus",
            "kiln.test.programs.DeepRecursion",
            "kiln.test.programs.Language",
            "kiln.test.programs.Collections",
            "kiln.test.programs.UtilCollections",
            "kiln.test.programs.FloatingPoint",
            "kiln.test.programs.Formatting",
            "kiln.test.programs.StackTraces",
            "kiln.test.programs.TextLines",
            "kiln.test.programs.RandomNumbers",
            "kiln.test.programs.Concurrency",
            "kiln.test.programs.Streams",
            "kiln.test.programs.ParseNumbers",
            "kiln.test.programs.GarbageChurn",
            "kiln.test.programs.DeepObjectGraph",
            "kiln.test.programs.Regex",
            "kiln.test.programs.CodePoints",
            "kiln.test.programs.LangApi",
            "kiln.test.programs.NullPointers",
            "kiln.test.programs.DivideByZero",
            "kiln.test.programs.MathFunctions",
            "kiln.test.programs.Threads",
            "kiln.test.programs.ClassInitThreads",
            "kiln.test.programs.InitChecksAndNarrowStores",
            "kiln.test.programs.Interning",
            "kiln.test.programs.JdkModules",
            "kiln.test.programs.Resources",
            "kiln.test.programs.PackagesModulesAndLogging",
            "kiln.test.programs.ResourceProperties",
            "kiln.test.programs.ThreadPriorities",
            "kiln.test.programs.FloatRemainder",
            "kiln.test.programs.LibraryPlumbing",
            "kiln.test.programs.FormatterConversions",
            "kiln.test.programs.NumberFormats",
            "kiln.test.programs.DateFormats",
            "kiln.test.programs.ResourceBundles",
            "kiln.test.programs.CharsetReaders",
            "kiln.test.programs.ThreadLocalRandoms",
            "kiln.test.programs.ParallelSorts",
            "kiln.test.programs.StringJoiners",
            "kiln.test.programs.ObjectStreams",
            "kiln.test.programs.UnicodeText",
            "kiln.test.programs.ConstantArrays",
            "kiln.test.programs.TypeChecks",
            "kiln.test.programs.HandlersFloatsMonitors",
            "kiln.test.programs.RegisterCalls",
        };
    }

    @ParameterizedTest
    @MethodSource("programs")
    void sameOutputAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onKiln(mainClass));
    }

    /**
     * Locales whose data the image does not pack fall back to the root data as on a JDK without the
     * jdk.localedata module: HotSpot runs with {@code --limit-modules java.base} here.
     */
    @Test
    void unpackedLocalesFallBackAsTheJdkDoes() throws Exception {
        String mainClass = "kiln.test.programs.UnpackedLocales";
        KilnRunner.assertSameAsHotSpot(mainClass, List.of("--limit-modules", "java.base"), KilnRunner.onKiln(mainClass));
    }
}
