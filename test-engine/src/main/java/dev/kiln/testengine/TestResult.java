package dev.kiln.testengine;

import java.util.Optional;

/**
 * How one test invocation ended, as read from the guest.
 *
 * @param className   the class Surefire reports ({@code dev.kiln.it.Outer$Inner})
 * @param name        the name Surefire reports ({@code add}, {@code sums(int, int)[2]})
 * @param displayName Jupiter's display name
 * @param outcome     what happened
 * @param nanos       how long it ran, by the guest's clock
 * @param type        the exception's class name, for a failure, an error or an aborted assumption
 * @param message     the exception's message, or the reason a test was disabled
 * @param stackTrace  the exception's stack trace as the guest printed it
 * @param systemOut   what the test printed on {@code System.out}
 * @param systemErr   what the test printed on {@code System.err}
 */
public record TestResult(String className, String name, String displayName, Outcome outcome, long nanos,
                         Optional<String> type, Optional<String> message, Optional<String> stackTrace,
                         String systemOut, String systemErr) {

    public enum Outcome {
        PASSED, FAILURE, ERROR, SKIPPED
    }
}
