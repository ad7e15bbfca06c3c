package dev.kiln.qemu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The US-layout key for each char that {@link QmpClient#type} can type (the guest side is ConsoleInputTest's). */
class QmpClientTest {
    @Test
    void charsMapToQcodesWithShiftWhereTheUsLayoutNeedsIt() {
        assertArrayEquals(new String[] {"q"}, QmpClient.keysFor('q'));
        assertArrayEquals(new String[] {"shift", "q"}, QmpClient.keysFor('Q'));
        assertArrayEquals(new String[] {"7"}, QmpClient.keysFor('7'));
        assertArrayEquals(new String[] {"shift", "1"}, QmpClient.keysFor('!'));
        assertArrayEquals(new String[] {"shift", "0"}, QmpClient.keysFor(')'));
        assertArrayEquals(new String[] {"semicolon"}, QmpClient.keysFor(';'));
        assertArrayEquals(new String[] {"shift", "apostrophe"}, QmpClient.keysFor('"'));
        assertArrayEquals(new String[] {"shift", "grave_accent"}, QmpClient.keysFor('~'));
        assertArrayEquals(new String[] {"spc"}, QmpClient.keysFor(' '));
        assertArrayEquals(new String[] {"ret"}, QmpClient.keysFor('\n'));
        assertArrayEquals(new String[] {"backspace"}, QmpClient.keysFor('\b'));
    }

    @Test
    void aCharWithoutAKeyIsRefusedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QmpClient.keysFor('\u00e9'));
        assertEquals("no key of a US keyboard types U+00E9 ('\u00e9'); send it over the serial port instead", e.getMessage());
    }
}
