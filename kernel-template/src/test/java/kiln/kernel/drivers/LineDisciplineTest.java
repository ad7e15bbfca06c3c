package kiln.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The line discipline alone, on HotSpot: what the reader gets and what is echoed for typed bytes. */
class LineDisciplineTest {
    private final StringBuilder echo = new StringBuilder();
    private final LineDiscipline discipline = new LineDiscipline(b -> echo.append((char) b));

    /** Feeds {@code typed} until a line is complete (the rest is left unfed, as the reader does). */
    private int feed(String typed) {
        byte[] bytes = typed.getBytes(StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length && !discipline.readable()) {
            discipline.accept(bytes[i++] & 0xFF);
        }
        return i;
    }

    private String readLine() {
        byte[] line = new byte[LineDiscipline.MAX_LINE];
        int n = discipline.read(line, 0, line.length);
        return n < 0 ? null : new String(line, 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void nothingIsReadableUntilEnterCompletesTheLine() {
        feed("abc");
        assertFalse(discipline.readable());
        assertEquals(0, discipline.available());
        feed("\r");
        assertTrue(discipline.readable());
        assertEquals(4, discipline.available());
        assertEquals("abc\n", readLine());
        assertEquals("abc\n", echo.toString());
        assertFalse(discipline.readable());
    }

    @Test
    void carriageReturnLineFeedIsOneLineEnd() {
        assertEquals(2, feed("x\r\ny\n"));
        assertEquals("x\n", readLine());
        assertEquals(3, feed("\ny\n")); // the '\n' of the pair is no empty line
        assertEquals("y\n", readLine());
    }

    @Test
    void backspaceAndDeleteEraseWholeUtf8CharactersAndNothingAtTheLineStart() {
        feed("\b" + "ab\u00e9\u007f\bc\n");
        assertEquals("ac\n", readLine());
        assertEquals("ab\u00c3\u00a9\b \b\b \bc\n", echo.toString()); // é echoed as its two UTF-8 bytes
    }

    @Test
    void ctrlDAtTheLineStartIsEndOfInputOnceAndInsideALineCompletesIt() {
        feed("\u0004");
        assertTrue(discipline.readable());
        assertEquals(null, readLine());
        feed("part\u0004");
        assertEquals("part", readLine());
        feed("next\n");
        assertEquals("next\n", readLine());
    }

    @Test
    void aLineIsReadInPiecesWhenTheReaderAsksForLess() {
        feed("hello\n");
        byte[] piece = new byte[4];
        assertEquals(4, discipline.read(piece, 0, 4));
        assertEquals(2, discipline.available());
        assertEquals(2, discipline.read(piece, 0, 4));
        assertFalse(discipline.readable());
    }

    @Test
    void controlBytesOtherThanTabAreIgnoredAndAFullLineTakesOnlyTheLineEnd() {
        feed("\u001b[A\ta\n");
        assertEquals("[A\ta\n", readLine());
        feed("x".repeat(LineDiscipline.MAX_LINE + 10) + "\n");
        String line = readLine();
        assertEquals(LineDiscipline.MAX_LINE, line.length());
        assertTrue(line.endsWith("x\n"));
    }
}
