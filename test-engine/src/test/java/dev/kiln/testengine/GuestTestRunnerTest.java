package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated runner and the guest runtime, run on HotSpot over the samples: Jupiter's lifecycle, outcomes,
 * argument sources and messages. (The invoker IT junit-jvm-vs-guest shows the same runner agreeing with
 * Surefire inside a real guest.)
 */
class GuestTestRunnerTest {
    @TempDir
    Path runner;

    private GuestReport report;

    private Map<String, TestResult> run(String selection) throws Exception {
        report = GuestReport.read(Samples.runOnHotSpot(Samples.discover(selection), runner));
        assertTrue(report.completed(), "the runner reports that it got to the end");
        return report.results().stream().collect(Collectors.toMap(r -> r.className().replaceAll(".*\\.", "") + "#" + r.name(),
                Function.identity()));
    }

    @Test
    void lifecycleAndOutcomesAsJupiter() throws Exception {
        Map<String, TestResult> results = run("LifecycleSample");
        TestResult passes = results.get("LifecycleSample#passes");
        assertEquals(Outcome.PASSED, passes.outcome());
        assertEquals("passes, with a display name", passes.displayName());
        assertEquals("beforeEach\npasses\nafterEach\n", passes.systemOut());

        TestResult failure = results.get("LifecycleSample#failsWithAnAssertion");
        assertEquals(Outcome.FAILURE, failure.outcome());
        assertEquals("one is not two ==> expected: <1> but was: <2>", failure.message().orElseThrow());
        assertEquals("org.opentest4j.AssertionFailedError", failure.type().orElseThrow());
        assertTrue(failure.stackTrace().orElseThrow().contains("at dev.kiln.testengine.samples.LifecycleSample.failsWithAnAssertion("));

        TestResult error = results.get("LifecycleSample#throwsAnError");
        assertEquals(Outcome.ERROR, error.outcome());
        assertEquals("java.lang.IllegalStateException", error.type().orElseThrow());

        TestResult aborted = results.get("LifecycleSample#assumptionFails");
        assertEquals(Outcome.SKIPPED, aborted.outcome());
        assertEquals("Assumption failed: not here", aborted.message().orElseThrow());

        TestResult disabled = results.get("LifecycleSample#disabledWithoutReason");
        assertEquals(Outcome.SKIPPED, disabled.outcome());
        assertEquals("void dev.kiln.testengine.samples.LifecycleSample.disabledWithoutReason() is @Disabled",
                disabled.message().orElseThrow());
        assertEquals("", disabled.systemOut(), "a disabled test gets no instance and no lifecycle calls");

        TestResult timedOut = results.get("LifecycleSample#tooSlow");
        assertEquals(Outcome.ERROR, timedOut.outcome());
        assertEquals("java.util.concurrent.TimeoutException", timedOut.type().orElseThrow());
        assertEquals("tooSlow timed out after 1 millisecond", timedOut.message().orElseThrow());

        TestResult nested = results.get("LifecycleSample$Inner#failsTwice");
        assertEquals(Outcome.ERROR, nested.outcome());
        assertEquals("beforeEach\ninnerBeforeEach\nfailsTwice\nafterEach\n", nested.systemOut(),
                "outer @BeforeEach first, inner @AfterEach (which throws) then outer @AfterEach");
        assertEquals("first", nested.message().orElseThrow(), "the first exception is the result");
        assertTrue(nested.stackTrace().orElseThrow().contains("Suppressed: java.lang.IllegalArgumentException: after each fails too"));
        assertEquals(7, results.size());
    }

    @Test
    void everyArgumentSource() throws Exception {
        Map<String, TestResult> results = run("SourcesSample");
        assertEquals("a|1|true|SMALL\n", results.get("SourcesSample#csv(String, int, boolean, Size)[1]").systemOut());
        assertEquals("b; c|-2|false|LARGE\n", results.get("SourcesSample#csv(String, int, boolean, Size)[2]").systemOut());
        assertEquals("null|16|true|MEDIUM\n", results.get("SourcesSample#csv(String, int, boolean, Size)[3]").systemOut());
        assertEquals("SMALL\n", results.get("SourcesSample#enums(Size)[1]").systemOut());
        assertEquals("LARGE\n", results.get("SourcesSample#enums(Size)[2]").systemOut());
        assertEquals(Outcome.PASSED, results.get("SourcesSample#longs(long)[2]").outcome());
        assertEquals(Outcome.PASSED, results.get("SourcesSample#intWidenedToLong(long)[1]").outcome());
        assertEquals(Outcome.PASSED, results.get("SourcesSample#fromArguments(String, int)[1]").outcome());
        assertEquals("expected: <4> but was: <3>",
                results.get("SourcesSample#fromArguments(String, int)[2]").message().orElseThrow());
        assertEquals("z\n", results.get("SourcesSample#fromList(String)[3]").systemOut());
        assertEquals("4/4 failures so far 1\n", results.get("SourcesSample#repeated(RepetitionInfo)[4]").systemOut());
        assertEquals(Outcome.FAILURE, results.get("SourcesSample#repeated(RepetitionInfo)[2]").outcome());
        assertEquals(2 + 1 + 3 + 2 + 2 + 3 + 4, results.size());
    }

    @Test
    void oneInstancePerClassAndBrokenBeforeAll() throws Exception {
        Map<String, TestResult> results = run("PerClassSample,BrokenBeforeAllSample");
        assertEquals(Outcome.PASSED, results.get("PerClassSample$Later#seesBothIncrements").outcome());
        // Jupiter runs no test of the class; Surefire reports the class as one test case without a name
        TestResult broken = results.get("BrokenBeforeAllSample#");
        assertEquals(Outcome.ERROR, broken.outcome());
        assertEquals("no database", broken.message().orElseThrow());
        assertEquals("", broken.systemOut());
        assertTrue(report.otherOutput().contains("afterAll ran\n"), "@AfterAll runs even after @BeforeAll failed");
        assertEquals(4, results.size());
    }
}
