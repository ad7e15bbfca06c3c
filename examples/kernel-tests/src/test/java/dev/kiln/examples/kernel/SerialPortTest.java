package dev.kiln.examples.kernel;

import kiln.kernel.drivers.Serial;
import kiln.kernel.drivers.SerialOutputStream;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The COM1 driver ({@code kiln.kernel.drivers.Serial}): everything a test prints reaches the host through it,
 * so the host's reports show what these tests wrote (see target/failsafe-reports).
 */
class SerialPortTest {

    @Test
    void printedTextReachesTheHostLineByLine() {
        for (int line = 1; line <= 3; line++) {
            System.out.println("serial line " + line + " of 3: " + "0123456789".repeat(line));
        }
        System.out.print("and a line without its end");
        assertFalse(System.out.checkError());
    }

    @Test
    void theDriverItselfTakesEveryPrintableByte() {
        // Past the test runner, straight to the UART's transmit register; init() may run again at any time.
        Serial.init();
        StringBuilder printable = new StringBuilder();
        for (char c = ' '; c <= '~'; c++) {
            printable.append(c);
        }
        Serial.writeAscii("direct to COM1: " + printable + "\n");
        PrintStream uart = new PrintStream(new SerialOutputStream(), true);
        uart.println("through a PrintStream over the driver: " + 42);
        assertFalse(uart.checkError());
        assertEquals(95, printable.length());
    }

    @Test
    void systemErrIsReportedApartFromSystemOut() {
        System.err.println("this line is the test's system-err");
        System.out.println("this one its system-out");
        assertFalse(System.err.checkError());
    }
}
