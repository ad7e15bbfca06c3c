package kiln.kernel.drivers;

/**
 * A grid of character cells that console output is written to, as a terminal does: the part of the screen
 * console that does not depend on the hardware. It keeps the cursor, interprets the bytes (UTF-8 text, newline,
 * carriage return, tab, backspace) and scrolls; a subclass draws cells and moves rows, on VGA text memory
 * ({@link VgaTextScreen}) or on a framebuffer ({@link FramebufferScreen}).
 *
 * <h2>Bytes</h2>
 * <ul>
 *   <li>0x20-0x7E: the character, at the cursor, which moves right; a character that does not fit on the row
 *       goes to the start of the next (the wrap waits for that character, so that a full row followed by a newline
 *       does not leave an empty row);</li>
 *   <li>{@code '\n'}: the start of the next row (as Unix terminals do with ONLCR: System.out ends lines with
 *       "\n" alone); {@code '\r'}: the start of the row; {@code '\t'}: spaces to the next multiple of
 *       {@link #TAB_WIDTH} columns; {@code '\b'}: one column left (the line discipline echoes "\b \b" to erase);</li>
 *   <li>a UTF-8 lead byte (0xC0-0xF7): one {@link ConsoleFont#REPLACEMENT} box for the whole character, its
 *       continuation bytes skipped; any other byte: nothing.</li>
 * </ul>
 * A newline on the last row scrolls by {@link #scrollRows} rows at once ("jump scroll", as xterm does under
 * fast output): on a framebuffer a scroll moves megabytes, and moving them once per several lines keeps a
 * program that prints a lot from spending its time scrolling.
 */
abstract class TextScreen {
    static final int TAB_WIDTH = 8;
    private static final int UTF8_LEAD_OF_TWO = 0xC0, UTF8_LEAD_OF_THREE = 0xE0, UTF8_LEAD_OF_FOUR = 0xF0;
    private static final int UTF8_BEYOND_LEADS = 0xF8;

    final int columns, rows;
    private final int scrollRows;
    private int column, row;
    /** Continuation bytes of the current UTF-8 character still to skip. */
    private int continuationBytes;

    TextScreen(int columns, int rows, int scrollRows, int startRow) {
        this.columns = columns;
        this.rows = rows;
        this.scrollRows = Math.max(1, Math.min(scrollRows, rows));
        this.row = Math.max(0, Math.min(startRow, rows - 1));
    }

    /** Draws glyph {@code glyph} of {@link ConsoleFont} in the cell at {@code column}, {@code row}. */
    abstract void drawCell(int column, int row, int glyph);

    /** Moves rows {@code count}..{@code rows - 1} up by {@code count} and clears the last {@code count} rows. */
    abstract void scrollUp(int count);

    /** Shows the cursor at {@code column}, {@code row} (which may be {@code columns}: past the row's end). */
    abstract void showCursor(int column, int row);

    /** Interprets one byte of output (see "Bytes" above). */
    final void write(int b) {
        int unsigned = b & 0xFF;
        if (continuationBytes > 0) {
            continuationBytes--;
            if ((unsigned & 0xC0) == 0x80) {
                return;
            }
            continuationBytes = 0; // a character cut short: this byte starts the next one
        }
        if (unsigned >= ConsoleFont.FIRST && unsigned <= ConsoleFont.LAST) {
            put(ConsoleFont.glyphOf(unsigned));
        } else if (unsigned == '\n') {
            newLine();
        } else if (unsigned == '\r') {
            column = 0;
        } else if (unsigned == '\t') {
            do {
                put(ConsoleFont.glyphOf(' '));
            } while (column % TAB_WIDTH != 0 && column < columns);
        } else if (unsigned == '\b') {
            column = Math.max(0, Math.min(column, columns) - 1);
        } else if (unsigned >= UTF8_LEAD_OF_TWO && unsigned < UTF8_BEYOND_LEADS) {
            continuationBytes = unsigned >= UTF8_LEAD_OF_FOUR ? 3 : unsigned >= UTF8_LEAD_OF_THREE ? 2 : 1;
            put(ConsoleFont.REPLACEMENT);
        }
    }

    /** Shows the cursor where the next character will go; after a run of {@link #write}s. */
    final void updateCursor() {
        showCursor(column, row);
    }

    private void put(int glyph) {
        if (column >= columns) {
            newLine();
        }
        drawCell(column, row, glyph);
        column++;
    }

    private void newLine() {
        column = 0;
        if (row + 1 < rows) {
            row++;
        } else {
            scrollUp(scrollRows);
            row = rows - scrollRows;
        }
    }
}
