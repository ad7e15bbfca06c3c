package dev.kiln.maven;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SerialOutputTest {

    @Test
    void quotesAllLinesWhenThereAreFew() {
        assertEquals("    | one\n    | two", SerialOutput.lastLines("one\r\ntwo\n", 40));
    }

    @Test
    void quotesOnlyTheLastLinesAndCountsTheRest() {
        assertEquals("    ... (3 earlier lines in the serial log)\n    | 4\n    | 5",
                SerialOutput.lastLines("1\n2\n3\n4\n5\n", 2));
    }

    @Test
    void saysSoWhenTheGuestPrintedNothing() {
        assertEquals("    (the guest wrote nothing to the serial port)", SerialOutput.lastLines("", 40));
    }

    @Test
    void missingListsTheExpectedTextsNotInTheOutputInTheirOrder() {
        String output = "Hello from Kiln\nfib(30) = 832040\n";
        assertEquals(List.of(), SerialOutput.missing(output, List.of("Hello from Kiln", "832040")));
        assertEquals(List.of("Bye", "fib(31)"), SerialOutput.missing(output, List.of("Bye", "Hello", "fib(31)")));
    }
}
