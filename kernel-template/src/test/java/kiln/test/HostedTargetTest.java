package kiln.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
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
        "kiln.test.programs.Threads",
        "kiln.test.programs.GarbageChurn",
        "kiln.test.programs.NullPointers",
        "kiln.test.programs.DivideByZero",
        "kiln.test.programs.DeepRecursion",
        "kiln.test.programs.FloatRemainder",
        "kiln.test.programs.Formatting",
        "kiln.test.programs.FormatterConversions",
        "kiln.test.programs.NumberFormats",
        "kiln.test.programs.DateFormats",
        "kiln.test.programs.ResourceBundles",
    })
    void sameOutputAsHotSpot(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }

    /**
     * System.in is the process's standard input (file descriptor 0, no line discipline: the host's terminal
     * has one). The last line has no line feed, so end of file also ends it; an empty line, a tab and UTF-8
     * beyond ASCII pass through unchanged.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.ReadLines", "kiln.test.programs.ScanTokens"})
    void standardInputIsFileDescriptorZero(String mainClass) throws Exception {
        byte[] input = ("first line\n\n12 apples and 30 pears\tline: the rest, kept whole\n-7 caf\u00e9 "
                + "2147483647 2147483648 +5\r\nlast line without a line feed").getBytes(StandardCharsets.UTF_8);
        KilnRunner.assertSameAsHotSpot(mainClass, input, KilnRunner.onLinux(mainClass, input));
    }

    /** Kiln's own InputStreamReader, fed a few bytes per read, decodes as the JDK's does. */
    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.ReaderDecoding"})
    void readerDecodesUtf8AsTheJdkDoes(String mainClass) throws Exception {
        KilnRunner.assertSameAsHotSpot(mainClass, KilnRunner.onLinux(mainClass));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kiln.test.programs.ScanNumbers"})
    void scannerAnswersAsTheJdkDoes(String mainClass) throws Exception {
        byte[] input = ("9000000000 3.25 -1e3 TRUE\nabc 99999999999\n1e5 .5 5. 0x10 NaN -Infinity 1,5\n"
                + "  tail of line\n\nlast").getBytes(StandardCharsets.UTF_8);
        KilnRunner.assertSameAsHotSpot(mainClass, input, KilnRunner.onLinux(mainClass, input));
    }

    /**
     * Locales whose data the image does not pack fall back to the root data as on a JDK without the
     * jdk.localedata module: HotSpot runs with {@code --limit-modules java.base} here.
     */
    @Test
    void unpackedLocalesFallBackAsTheJdkDoes() throws Exception {
        String mainClass = "kiln.test.programs.UnpackedLocales";
        KilnRunner.assertSameAsHotSpot(mainClass, List.of("--limit-modules", "java.base"), KilnRunner.onLinux(mainClass));
    }
}
