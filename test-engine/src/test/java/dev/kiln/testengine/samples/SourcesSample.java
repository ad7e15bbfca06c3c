package dev.kiln.testengine.samples;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input of the engine's tests: every argument source, and a repeated test. */
public class SourcesSample {
    public enum Size { SMALL, MEDIUM, LARGE }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void longs(long value) {
        assertTrue(value > 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {7})
    void intWidenedToLong(long value) {
        assertEquals(7L, value);
    }

    @ParameterizedTest
    @CsvSource(value = {"a; 1; true; SMALL", "'b; c'; -2; false; LARGE", "; 0x10; TRUE; MEDIUM"}, delimiter = ';')
    void csv(String text, int number, boolean flag, Size size) {
        System.out.println(text + "|" + number + "|" + flag + "|" + size);
    }

    @ParameterizedTest
    @EnumSource(value = Size.class, names = {"MEDIUM"}, mode = EnumSource.Mode.EXCLUDE)
    void enums(Size size) {
        System.out.println(size);
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void fromArguments(String text, int length) {
        assertEquals(length, text.length());
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of("ab", 2), Arguments.of("abc", 4));
    }

    @ParameterizedTest
    @MethodSource
    void fromList(String word) {
        System.out.println(word);
    }

    static List<String> fromList() {
        return List.of("x", "y", "z");
    }

    @RepeatedTest(4)
    void repeated(RepetitionInfo repetition) {
        System.out.println(repetition.getCurrentRepetition() + "/" + repetition.getTotalRepetitions()
                + " failures so far " + repetition.getFailureCount());
        assertTrue(repetition.getCurrentRepetition() % 2 == 1);
    }
}
