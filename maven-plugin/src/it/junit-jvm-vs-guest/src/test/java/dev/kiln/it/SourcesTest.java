package dev.kiln.it;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameterized tests from each source, and a repeated test, one invocation of which fails. */
class SourcesTest {
    enum Colour { RED, GREEN, BLUE }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void positive(int number) {
        assertTrue(number > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kiln", "", "jvm"})
    void notEmpty(String word) {
        assertTrue(!word.isEmpty(), "empty word");
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({"1, 1, 2", "2, 3, 5", "40, 2, 42"})
    void sums(int a, int b, int sum) {
        assertEquals(sum, Calculator.add(a, b));
    }

    @ParameterizedTest
    @CsvSource({"3, 7, 21", "2, 8, 16"})
    void products(long a, long b, long product) {
        assertEquals(product, Calculator.multiply((int) a, (int) b));
    }

    @ParameterizedTest
    @EnumSource(Colour.class)
    void colours(Colour colour) {
        assertNotNull(colour.name());
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void fromMethod(String text, int length) {
        assertEquals(length, text.length());
    }

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of("a", 1), Arguments.of("abc", 3));
    }

    @ParameterizedTest
    @MethodSource("words")
    void fromPlainMethod(String word) {
        assertTrue(word.startsWith("w"));
    }

    static String[] words() {
        return new String[] {"wall", "window"};
    }

    @RepeatedTest(3)
    void repeated(RepetitionInfo repetition) {
        assertTrue(repetition.getCurrentRepetition() != 2, "repetition 2 fails");
    }
}
