package dev.kiln.testengine.guest;

import org.junit.jupiter.api.RepetitionInfo;

/** The {@link RepetitionInfo} a {@code @RepeatedTest} method receives, as JUnit's own: 1-based, and
 * without a failure threshold ({@code @RepeatedTest(failureThreshold)} is not supported). */
final class Repetition implements RepetitionInfo {
    private final int current;
    private final int total;
    private final int failures;

    /** @param failures how many earlier repetitions of the same test failed */
    Repetition(int current, int total, int failures) {
        this.current = current;
        this.total = total;
        this.failures = failures;
    }

    @Override
    public int getCurrentRepetition() {
        return current;
    }

    @Override
    public int getTotalRepetitions() {
        return total;
    }

    @Override
    public int getFailureCount() {
        return failures;
    }

    @Override
    public int getFailureThreshold() {
        return Integer.MAX_VALUE;
    }
}
