package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console output of a run in Surefire's shape, so that people and log scrapers read it as they read
 * Surefire's: a {@code Running <class>} line and a {@code Tests run: ...} line per class, each failing test with
 * its stack trace, then {@code Results:} with one line per failure and error and the totals.
 */
public final class ConsoleSummary {
    /** Maven's log levels, as the lines are meant to be logged. */
    public enum Level {
        INFO, WARNING, ERROR
    }

    public record Line(Level level, String text) {
    }

    private ConsoleSummary() {
    }

    public static List<Line> lines(List<TestResult> results) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(Level.INFO, ""));
        lines.add(new Line(Level.INFO, "-------------------------------------------------------"));
        lines.add(new Line(Level.INFO, " T E S T S (in the Kiln guest)"));
        lines.add(new Line(Level.INFO, "-------------------------------------------------------"));
        for (Map.Entry<String, List<TestResult>> suite : FailsafeReports.byClass(results).entrySet()) {
            FailsafeReports.Counts counts = FailsafeReports.Counts.of(suite.getValue());
            lines.add(new Line(Level.INFO, "Running " + suite.getKey()));
            String elapsed = ", Time elapsed: " + FailsafeReports.seconds(counts.nanos()) + " s";
            if (counts.failed()) {
                lines.add(new Line(Level.ERROR, counts.line() + elapsed + " <<< FAILURE! -- in " + suite.getKey()));
            } else {
                lines.add(new Line(counts.skipped() > 0 ? Level.WARNING : Level.INFO, counts.line() + elapsed + " -- in " + suite.getKey()));
            }
            for (TestResult result : suite.getValue()) {
                if (result.outcome() == Outcome.FAILURE || result.outcome() == Outcome.ERROR) {
                    String test = result.name().isEmpty() ? result.className() : result.className() + "." + result.name();
                    lines.add(new Line(Level.ERROR, test + " -- Time elapsed: "
                            + FailsafeReports.seconds(result.nanos()) + " s <<< " + result.outcome() + "!"));
                    lines.add(new Line(Level.INFO, result.stackTrace().orElse(result.message().orElse(""))));
                }
            }
        }
        lines.add(new Line(Level.INFO, ""));
        lines.add(new Line(Level.INFO, "Results:"));
        lines.add(new Line(Level.INFO, ""));
        for (Outcome outcome : List.of(Outcome.FAILURE, Outcome.ERROR)) {
            List<TestResult> failing = results.stream().filter(r -> r.outcome() == outcome).toList();
            if (!failing.isEmpty()) {
                lines.add(new Line(Level.ERROR, outcome == Outcome.FAILURE ? "Failures: " : "Errors: "));
                failing.forEach(result -> lines.add(new Line(Level.ERROR, "  " + brief(result))));
            }
        }
        FailsafeReports.Counts counts = FailsafeReports.Counts.of(results);
        if (counts.failed()) {
            lines.add(new Line(Level.INFO, ""));
        }
        lines.add(new Line(counts.failed() ? Level.ERROR : counts.skipped() > 0 ? Level.WARNING : Level.INFO, counts.line()));
        lines.add(new Line(Level.INFO, ""));
        return lines;
    }

    /**
     * Surefire's one-line form: {@code CalculatorTest.multiplies:39 6 * 7 ==> expected: <42> but was: <43>} for a
     * failure, {@code CalculatorTest.divide:45 » Arithmetic / by zero} for an error thrown by other code,
     * {@code SetupTest.connect:9 IllegalState no server} for one the test class threw (the line is where the
     * test's method appears in the stack trace).
     */
    static String brief(TestResult result) {
        String simpleClass = result.className().substring(result.className().lastIndexOf('.') + 1);
        String method = result.name().contains("(") ? result.name().substring(0, result.name().indexOf('(')) : result.name();
        String line = "";
        // the first frame of the test's method; for a class-level failure (no name), of any method of the class
        String frame = "at " + result.className() + "." + method;
        for (String traceLine : result.stackTrace().orElse("").split("\n")) {
            int at = traceLine.indexOf(frame);
            int open = traceLine.indexOf('(', at);
            int colon = traceLine.lastIndexOf(':');
            if (at >= 0 && open > at && (method.isEmpty() || open == at + frame.length()) && colon > open
                    && traceLine.endsWith(")")) {
                method = traceLine.substring(at + frame.length() - method.length(), open);
                line = ":" + traceLine.substring(colon + 1, traceLine.length() - 1);
                break;
            }
        }
        String message = result.message().orElse("");
        if (result.outcome() == Outcome.ERROR) {
            String type = result.type().orElse("");
            type = type.substring(type.lastIndexOf('.') + 1);
            type = type.endsWith("Exception") && type.length() > "Exception".length()
                    ? type.substring(0, type.length() - "Exception".length()) : type;
            // Surefire marks an exception thrown outside the test class with »
            String trace = result.stackTrace().orElse("");
            int top = trace.indexOf("\tat ");
            boolean thrownByTheTest = top >= 0 && trace.startsWith(result.className() + ".", top + "\tat ".length());
            message = (thrownByTheTest ? "" : "» ") + type + " " + message;
        }
        return simpleClass + "." + method + line + " " + message;
    }
}
