package kiln.kernel.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The terminal logic of the screen console alone, on HotSpot, with a grid of characters for a screen. */
class TextScreenTest {
    /** A 10 × 4 screen that keeps characters, scrolling {@code scrollRows} at a time. */
    private static final class Grid extends TextScreen {
        final char[][] cells;
        int cursorColumn, cursorRow;

        Grid(int scrollRows, int startRow) {
            super(10, 4, scrollRows, startRow);
            cells = new char[4][10];
            for (char[] row : cells) {
                Arrays.fill(row, ' ');
            }
        }

        @Override
        void drawCell(int column, int row, int glyph) {
            cells[row][column] = glyph == ConsoleFont.REPLACEMENT ? '\uFFFD' : (char) (ConsoleFont.FIRST + glyph);
        }

        @Override
        void scrollUp(int count) {
            for (int row = 0; row < rows; row++) {
                cells[row] = row + count < rows ? cells[row + count] : "          ".toCharArray();
            }
        }

        @Override
        void showCursor(int column, int row) {
            cursorColumn = column;
            cursorRow = row;
        }

        Grid print(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                write(b);
            }
            updateCursor();
            return this;
        }

        String screen() {
            StringBuilder text = new StringBuilder();
            for (char[] row : cells) {
                text.append(new String(row).stripTrailing()).append('|');
            }
            return text.toString();
        }
    }

    @Test
    void newlinesTabsCarriageReturnAndBackspace() {
        Grid grid = new Grid(1, 0).print("ab\tc\nxyz\rX\n12\b3");
        assertEquals("ab      c|Xyz|13||", grid.screen());
        assertEquals(2, grid.cursorColumn);
        assertEquals(2, grid.cursorRow);
    }

    @Test
    void aFullRowWrapsOnlyWhenTheNextCharacterComes() {
        Grid grid = new Grid(1, 0).print("0123456789\nnext");
        assertEquals("0123456789|next|||", grid.screen(), "no empty row after a full one");
        assertEquals("0123456789|ab|||", new Grid(1, 0).print("0123456789ab").screen());
    }

    @Test
    void aTabNearTheEndFillsTheRowAndGoesNoFurther() {
        assertEquals("abcdefghi|x|||", new Grid(1, 0).print("abcdefghi\tx").screen());
    }

    @Test
    void nonAsciiCharactersAreOneReplacementBoxEachAndOtherControlsNothing() {
        assertEquals("caf\uFFFD \uFFFD!||||", new Grid(1, 0).print("caf\u00e9 \u20ac\u0007!").screen(),
                "é (2 bytes) and € (3 bytes) are one box each; BEL draws nothing");
        assertEquals("\uFFFDa||||", new Grid(1, 0).print("\uD83D\uDE00a").screen(), "a 4-byte character too");
    }

    @Test
    void theLastRowScrollsByTheJumpAndStartRowIsKept() {
        Grid byOne = new Grid(1, 2).print("a\nb\nc\nd");
        assertEquals("a|b|c|d|", byOne.screen(), "started on row 2, scrolled a row at a time");
        Grid byTwo = new Grid(2, 0).print("1\n2\n3\n4\n5");
        assertEquals("3|4|5||", byTwo.screen(), "a jump of two rows leaves the newest line on row 2");
        assertEquals(2, byTwo.cursorRow);
    }
}
