package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XML Failsafe writes, element by element, and Surefire's console lines. */
class FailsafeReportsTest {
    private static TestResult result(String name, Outcome outcome, String type, String message, String trace, String out) {
        return new TestResult("a.BTest", name, name, outcome, 40_000_000, Optional.ofNullable(type),
                Optional.ofNullable(message), Optional.ofNullable(trace), out, "");
    }

    @Test
    void suiteWithEveryOutcome() {
        String xml = FailsafeReports.suite("a.BTest", List.of(
                result("passes", Outcome.PASSED, null, null, null, ""),
                result("fails", Outcome.FAILURE, "org.opentest4j.AssertionFailedError", "expected: <1> but was: <2>",
                        "trace with ]]> inside", "printed\n"),
                result("errs", Outcome.ERROR, "java.lang.IllegalStateException", "a \"quoted\" & <odd> \u0001 message", "t", ""),
                result("off", Outcome.SKIPPED, null, "not now", null, ""),
                result("assumed", Outcome.SKIPPED, "org.opentest4j.TestAbortedException", "Assumption failed", "at x", "")),
                Map.of("kiln.accel", "tcg"));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="https://maven.apache.org/surefire/maven-failsafe-plugin/xsd/failsafe-test-report.xsd" \
                version="3.0.2" name="a.BTest" time="0.2" tests="5" errors="1" skipped="2" failures="1">
                  <properties>
                    <property name="kiln.accel" value="tcg"/>
                  </properties>
                  <testcase name="passes" classname="a.BTest" time="0.04"/>
                  <testcase name="fails" classname="a.BTest" time="0.04">
                    <failure message="expected: &lt;1&gt; but was: &lt;2&gt;" type="org.opentest4j.AssertionFailedError">\
                <![CDATA[trace with ]]]]><![CDATA[> inside]]></failure>
                    <system-out><![CDATA[printed
                ]]></system-out>
                  </testcase>
                  <testcase name="errs" classname="a.BTest" time="0.04">
                    <error message="a &quot;quoted&quot; &amp; &lt;odd&gt; &#1; message" type="java.lang.IllegalStateException">\
                <![CDATA[t]]></error>
                  </testcase>
                  <testcase name="off" classname="a.BTest" time="0.04">
                    <skipped message="not now"/>
                  </testcase>
                  <testcase name="assumed" classname="a.BTest" time="0.04">
                    <skipped type="org.opentest4j.TestAbortedException"><![CDATA[at x]]></skipped>
                  </testcase>
                </testsuite>
                """, xml);
    }

    @Test
    void summaryResultCodes(@TempDir Path reports) throws Exception {
        FailsafeReports.Counts counts = FailsafeReports.write(reports,
                List.of(result("fails", Outcome.FAILURE, "T", "m", "t", "")), Map.of(), Optional.empty(), false);
        assertEquals("Tests run: 1, Failures: 1, Errors: 0, Skipped: 0", counts.line());
        String summary = Files.readString(reports.resolve("failsafe-summary.xml"));
        assertTrue(summary.contains("result=\"255\" timeout=\"false\">"), summary);
        assertTrue(summary.contains("<completed>1</completed>") && summary.contains("<failures>1</failures>"), summary);
        assertTrue(Files.isRegularFile(reports.resolve("TEST-a.BTest.xml")));
        assertTrue(FailsafeReports.summary(FailsafeReports.Counts.of(List.of()), Optional.empty(), false).contains(" result=\"254\""));
        String crashed = FailsafeReports.summary(FailsafeReports.Counts.of(List.of()), Optional.of("guest <died>"), true);
        assertTrue(crashed.contains("result=\"255\" timeout=\"true\"") && crashed.contains("<failureMessage>guest &lt;died&gt;</failureMessage>"));
    }

    @Test
    void secondsAsSurefireWritesThem() {
        assertEquals("0.0", FailsafeReports.seconds(0));
        assertEquals("0.04", FailsafeReports.seconds(40_000_000));
        assertEquals("0.129", FailsafeReports.seconds(129_400_000));
        assertEquals("12.0", FailsafeReports.seconds(12_000_000_000L));
    }

    @Test
    void briefLinesOfTheResults() {
        TestResult failure = new TestResult("a.b.CalcTest", "sums(int)[2]", "", Outcome.FAILURE, 0, Optional.of("X"),
                Optional.of("expected: <1> but was: <2>"),
                Optional.of("X: m\n\tat org.junit.A.b(A.java:1)\n\tat a.b.CalcTest.sums(CalcTest.java:39)\n"), "", "");
        assertEquals("CalcTest.sums:39 expected: <1> but was: <2>", ConsoleSummary.brief(failure));
        TestResult error = new TestResult("a.b.CalcTest", "divides", "", Outcome.ERROR, 0,
                Optional.of("java.lang.ArithmeticException"), Optional.of("/ by zero"),
                Optional.of("java.lang.ArithmeticException: / by zero\n\tat a.b.CalcTest.divides(CalcTest.java:45)\n"), "", "");
        assertEquals("CalcTest.divides:45 Arithmetic / by zero",
                ConsoleSummary.brief(error), "thrown by the test class itself: no »");
        TestResult elsewhere = new TestResult("a.b.CalcTest", "", "", Outcome.ERROR, 0,
                Optional.of("java.lang.IllegalStateException"), Optional.of("no server"),
                Optional.of("java.lang.IllegalStateException: no server\n\tat a.b.Server.connect(Server.java:3)\n"
                        + "\tat a.b.CalcTest.setUp(CalcTest.java:9)\n"), "", "");
        assertEquals("CalcTest.setUp:9 » IllegalState no server", ConsoleSummary.brief(elsewhere),
                "a class-level failure is placed at the class's first frame");
    }
}
