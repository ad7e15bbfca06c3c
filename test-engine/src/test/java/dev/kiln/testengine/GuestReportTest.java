package dev.kiln.testengine;

import dev.kiln.testengine.TestResult.Outcome;
import dev.kiln.testengine.guest.Protocol;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the serial output: records, output attributed to tests, and a guest that stops mid-test. */
class GuestReportTest {
    @Test
    void aGuestThatStopsMidTestNamesTheTest() {
        String serial = "Kiln booting\n"
                + Protocol.record(Protocol.PLAN, "2") + "\n"
                + Protocol.record(Protocol.START, "a.BTest", "first", "first()") + "\n"
                + Protocol.record(Protocol.OUT, "one\ttab\n") + "\n"
                + Protocol.record(Protocol.END, Protocol.PASSED, "5", null, null, null) + "\n"
                + "written to the UART directly, no line end" + Protocol.record(Protocol.START, "a.BTest", "second", "second()") + "\n"
                + Protocol.record(Protocol.ERR, "half a line") + "\n"
                + "kiln: page fault at 0x0\r\n";
        GuestReport report = GuestReport.read(serial);
        assertFalse(report.completed());
        assertEquals(1, report.results().size());
        TestResult first = report.results().get(0);
        assertEquals(Outcome.PASSED, first.outcome());
        assertEquals("one\ttab\n", first.systemOut());
        assertTrue(first.message().isEmpty());
        assertEquals("a.BTest.second", report.running().orElseThrow());
        assertEquals("half a line", report.runningResult().orElseThrow().systemErr());
        assertEquals("Kiln booting\nwritten to the UART directly, no line end\nkiln: page fault at 0x0\n", report.otherOutput());
    }

    @Test
    void escapingRoundTrips() {
        String text = "back\\slash\ttab\nline\rreturn \\0";
        String[] record = Protocol.parse(Protocol.record(Protocol.END, text, null, ""));
        assertEquals(Protocol.END, record[0]);
        assertEquals(text, record[1]);
        assertNull(record[2]);
        assertEquals("", record[3]);
        assertNull(Protocol.parse("ordinary output"));
    }
}
