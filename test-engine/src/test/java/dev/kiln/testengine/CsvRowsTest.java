package dev.kiln.testengine;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code @CsvSource} rows split as JUnit splits them. */
class CsvRowsTest {
    private static List<String> split(String line) throws TestDiscoveryException {
        return CsvRows.split(line, ",", '\'', "", List.of("NIL"), "here");
    }

    @Test
    void quotesEmptyValuesAndNulls() throws TestDiscoveryException {
        assertEquals(List.of("a", "b c", "d"), split(" a , b c,d "));
        assertEquals(Arrays.asList("x, y", "", null, null), split("'x, y', '', , NIL"));
        assertEquals(Arrays.asList(null, "1"), split(",1"));
        assertEquals(List.of(" padded "), split("' padded '"));
    }

    @Test
    void malformedRowsAreErrors() {
        assertEquals("here: the @CsvSource row \"'open, 1\" has an unclosed 'quote'",
                assertThrows(TestDiscoveryException.class, () -> split("'open, 1")).getMessage());
        assertThrows(TestDiscoveryException.class, () -> split("'a'b, 1"));
    }
}
