package kiln.kernel.drivers;

import kiln.kernel.boot.BootInformation.Framebuffer;
import kiln.kernel.memory.PageTables;
import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The console on a linear framebuffer of 32-bit pixels, as UEFI's Graphics Output Protocol leaves it (Kiln's UEFI
 * loader describes it in the Multiboot2 framebuffer tag): {@link ConsoleFont}'s 8 × 16 cells from the top left
 * corner, light grey on black, as many as fit ({@code width / 8} × {@code height / 16}: 160 × 50 at 1280 × 800).
 *
 * <pre>
 * pixel at (x, y): address + y * pitch + x * 4, a 32-bit word with each colour component 8 bits wide at the
 * bit position the tag gives (GOP PixelBlueGreenRedReserved8BitPerColor: blue 0, green 8, red 16)
 * cell (column, row): pixels x = column * 8 .. +7, y = row * 16 .. +15; glyph row bit 7 is the leftmost pixel
 * </pre>
 * The whole framebuffer is cleared when the console opens (the firmware's text would otherwise show between
 * the program's lines); a scroll copies the pixels of all rows but the first {@code rows / 4} up by that many
 * rows (see {@link TextScreen}'s jump scroll). Pixels move in bulk ({@link Intrinsics#copyMemory}, {@code rep
 * movsb}), never one by one from Java: a glyph row is one of 256 bit patterns, so {@link #strips} holds the 8
 * pixels of each pattern, and drawing a cell copies 16 strips of 32 bytes. Under QEMU's TCG, pixel-by-pixel Java
 * took 15 µs a character and 45 ms a scroll; this is about ten times less.
 * <p>The framebuffer must lie in the kernel's address space: the boot stub maps the first 4 GiB, where firmware
 * puts 32-bit PCI memory (QEMU's VGA and OVMF: 0x80000000); a framebuffer above is not used ({@link #open}
 * returns null) and the console stays on the serial port.
 * <p><i>Rejected</i>: drawing through GOP's Blt (only until ExitBootServices); a shadow buffer in RAM copied to the
 * framebuffer on flush (twice the memory traffic for the common case of text appended at the bottom).
 */
final class FramebufferScreen extends TextScreen {
    private static final int LIGHT_GREY = 0xAA;
    private static final int BYTES_PER_PIXEL = 4;
    /** Cursor: the bottom two pixel rows of the cell, inverted, as the VGA's default cursor. */
    private static final int CURSOR_FIRST_ROW = 14;

    private final long address;
    private final long pitch;
    private final int foreground;
    /** For each glyph row pattern 0-255, its 8 pixels (bit 7 leftmost): foreground or black. */
    private final int[] strips = new int[256 * ConsoleFont.WIDTH];
    private int cursorColumn = -1, cursorRow;

    private FramebufferScreen(Framebuffer framebuffer, int columns, int rows) {
        super(columns, rows, rows / 4, 0);
        this.address = framebuffer.address;
        this.pitch = framebuffer.pitch;
        this.foreground = LIGHT_GREY << framebuffer.redShift | LIGHT_GREY << framebuffer.greenShift
                | LIGHT_GREY << framebuffer.blueShift;
        for (int pattern = 0; pattern < 256; pattern++) {
            for (int x = 0; x < ConsoleFont.WIDTH; x++) {
                strips[pattern * ConsoleFont.WIDTH + x] = (pattern << x & 0x80) != 0 ? foreground : 0;
            }
        }
    }

    /** A console on {@code framebuffer}, cleared; null if it is not mapped or holds no whole cell. */
    static FramebufferScreen open(Framebuffer framebuffer) {
        int columns = framebuffer.width / ConsoleFont.WIDTH;
        int rows = framebuffer.height / ConsoleFont.HEIGHT;
        long bytes = (long) framebuffer.pitch * framebuffer.height;
        if (columns == 0 || rows == 0 || framebuffer.pitch < framebuffer.width * BYTES_PER_PIXEL
                || !PageTables.isMapped(framebuffer.address) || !PageTables.isMapped(framebuffer.address + bytes - 1)) {
            return null;
        }
        Intrinsics.fillZero(framebuffer.address, bytes);
        return new FramebufferScreen(framebuffer, columns, rows);
    }

    @Override
    void drawCell(int column, int row, int glyph) {
        long line = address + (long) row * ConsoleFont.HEIGHT * pitch + (long) column * ConsoleFont.WIDTH * BYTES_PER_PIXEL;
        for (int y = 0; y < ConsoleFont.HEIGHT; y++, line += pitch) {
            long strip = ObjectModel.elementAddress(strips, ConsoleFont.row(glyph, y) * ConsoleFont.WIDTH);
            Intrinsics.copyMemory(strip, line, ConsoleFont.WIDTH * BYTES_PER_PIXEL);
        }
        if (column == cursorColumn && row == cursorRow) {
            cursorColumn = -1; // the glyph drew over the cursor
        }
    }

    @Override
    void scrollUp(int count) {
        if (cursorColumn >= 0) {
            toggleCursor(cursorColumn, cursorRow);
            cursorColumn = -1;
        }
        long rowBytes = pitch * ConsoleFont.HEIGHT;
        long distance = rowBytes * count;
        long moved = rowBytes * (rows - count);
        Intrinsics.copyMemory(address + distance, address, moved);
        Intrinsics.fillZero(address + moved, distance);
    }

    @Override
    void showCursor(int column, int row) {
        int shownColumn = Math.min(column, columns - 1);
        if (shownColumn == cursorColumn && row == cursorRow) {
            return;
        }
        if (cursorColumn >= 0) {
            toggleCursor(cursorColumn, cursorRow);
        }
        toggleCursor(shownColumn, row);
        cursorColumn = shownColumn;
        cursorRow = row;
    }

    /** Inverts the cursor's pixels in the cell: the second call restores what the first changed. */
    private void toggleCursor(int column, int row) {
        long line = address + ((long) row * ConsoleFont.HEIGHT + CURSOR_FIRST_ROW) * pitch
                + (long) column * ConsoleFont.WIDTH * BYTES_PER_PIXEL;
        for (int y = CURSOR_FIRST_ROW; y < ConsoleFont.HEIGHT; y++, line += pitch) {
            for (int x = 0; x < ConsoleFont.WIDTH; x++) {
                long pixel = line + x * BYTES_PER_PIXEL;
                Intrinsics.writeInt(pixel, Intrinsics.readInt(pixel) ^ foreground);
            }
        }
    }
}
