package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;

/**
 * The VGA's 80 × 25 text mode, as a PC BIOS leaves it: a cell is a 16-bit word in the text buffer at 0xB8000
 * (character code in the low byte, attribute in the high byte), and the VGA draws each code with the glyph
 * stored for it in its character generator (plane 2 of video memory). The console goes on below what the
 * firmware printed (from the hardware cursor) and loads {@link ConsoleFont} into the character generator for
 * 0x20-0x7E and, for the replacement box, 0x7F, so the screen shows the same font under BIOS and UEFI (and the
 * screendump test decodes both with it). Other codes keep the BIOS's glyphs.
 *
 * <pre>
 * cell word:  15    12 11     8 7            0        attribute 0x07: light grey on black
 *            | back-  | fore-  | character   |
 *            | ground | ground | code        |
 *
 * CRT controller, index port 0x3D4, data port 0x3D5 (IBM VGA Technical Reference, CRT controller registers):
 *   0x0E cursor location high, 0x0F cursor location low: the cell index row * 80 + column
 * sequencer 0x3C4/0x3C5:           2 map mask (planes written)      3 character map select   4 memory mode
 * graphics controller 0x3CE/0x3CF: 4 read map select   5 graphics mode   6 miscellaneous: bit 0 = graphics
 *                                  (0 = text), bits 3-2 memory map (01 = A0000-AFFFF)
 * character generator: plane 2, 32 bytes a character code, one byte a row, bit 7 the leftmost pixel; the
 * character map select picks which 8 KiB block (SR3 bits 5,3,2 for map A: 0-3 at 16 KiB steps, +8 KiB if bit 5)
 * </pre>
 * Loading the font follows the standard sequence: plane 2 alone, sequential addressing at A0000, the glyph
 * bytes, then every register as it was.
 * <p>A newline on the last row scrolls half the screen at once ({@link TextScreen}'s jump scroll): text memory is
 * a device, not RAM, so each of a scroll's 4000 reads and writes is a trip through the emulated VGA under QEMU
 * (one row at a time cost 0.8 ms a line, half a screen costs a tenth of that).
 * <p><i>Rejected</i>: clearing the screen at boot (the firmware's messages above the program's output say how the
 * machine booted, and clearing costs 4000 video-memory writes); VGA graphics modes (a framebuffer without GOP is
 * what {@link FramebufferScreen} handles, from the loader's tag).
 */
final class VgaTextScreen extends TextScreen {
    static final long TEXT_BUFFER = 0xB8000;
    static final int COLUMNS = 80, ROWS = 25;
    private static final int ATTRIBUTE_LIGHT_GREY = 0x07;
    private static final int BLANK = ATTRIBUTE_LIGHT_GREY << 8 | ' ';
    /** The character code that shows the replacement box (DEL, which has no glyph of its own to lose). */
    private static final int REPLACEMENT_CODE = 0x7F;
    private static final int CRTC_INDEX = 0x3D4, CRTC_DATA = 0x3D5, CURSOR_HIGH = 0x0E, CURSOR_LOW = 0x0F;
    private static final int SEQUENCER_INDEX = 0x3C4, SEQUENCER_DATA = 0x3C5;
    private static final int MAP_MASK = 2, CHARACTER_MAP_SELECT = 3, MEMORY_MODE = 4;
    private static final int GRAPHICS_INDEX = 0x3CE, GRAPHICS_DATA = 0x3CF;
    private static final int READ_MAP_SELECT = 4, GRAPHICS_MODE = 5, MISCELLANEOUS = 6;
    private static final int PLANE_2 = 0x04, SEQUENTIAL_EXTENDED = 0x06, MAP_A0000_64K_TEXT = 0x04;
    private static final int GRAPHICS_MODE_BIT = 0x01, MEMORY_MAP = 0x0C, MEMORY_MAP_B8000 = 0x0C;
    private static final long PLANE_WINDOW = 0xA0000;
    private static final int BYTES_PER_CODE = 32;

    private final long buffer;

    private VgaTextScreen(long buffer, int columns, int rows, int startRow) {
        super(columns, rows, rows / 2, startRow);
        this.buffer = buffer;
    }

    /**
     * The VGA text screen, if the VGA is in a colour text mode (graphics controller register 6: bit 0 clear, memory
     * map 11 = B8000-BFFFF; a machine without a VGA reads 0xFF there), else null. Continues on the row after the
     * hardware cursor.
     */
    static VgaTextScreen open(long buffer, int columns, int rows) {
        int miscellaneous = readIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, MISCELLANEOUS);
        if ((miscellaneous & GRAPHICS_MODE_BIT) != 0 || (miscellaneous & MEMORY_MAP) != MEMORY_MAP_B8000) {
            return null;
        }
        int cursor = readIndexed(CRTC_INDEX, CRTC_DATA, CURSOR_HIGH) << 8 | readIndexed(CRTC_INDEX, CRTC_DATA, CURSOR_LOW);
        int cursorRow = cursor / columns;
        VgaTextScreen screen = new VgaTextScreen(buffer, columns, rows, cursorRow >= rows ? 0 : cursorRow);
        if (cursor % columns != 0 && cursorRow < rows) {
            screen.write('\n');
        }
        screen.loadFont();
        return screen;
    }

    @Override
    void drawCell(int column, int row, int glyph) {
        int code = glyph == ConsoleFont.REPLACEMENT ? REPLACEMENT_CODE : glyph + ConsoleFont.FIRST;
        Intrinsics.writeShort(buffer + 2L * (row * columns + column), (short) (ATTRIBUTE_LIGHT_GREY << 8 | code));
    }

    @Override
    void scrollUp(int count) {
        long moved = 2L * columns * (rows - count);
        long distance = 2L * columns * count;
        for (long offset = 0; offset < moved; offset += 4) {
            Intrinsics.writeInt(buffer + offset, Intrinsics.readInt(buffer + distance + offset));
        }
        for (long offset = moved; offset < 2L * columns * rows; offset += 2) {
            Intrinsics.writeShort(buffer + offset, (short) BLANK);
        }
    }

    @Override
    void showCursor(int column, int row) {
        int cell = row * columns + Math.min(column, columns - 1);
        writeIndexed(CRTC_INDEX, CRTC_DATA, CURSOR_HIGH, cell >> 8);
        writeIndexed(CRTC_INDEX, CRTC_DATA, CURSOR_LOW, cell & 0xFF);
    }

    /** Writes {@link ConsoleFont}'s glyphs into character map A (see the class comment), then restores the VGA. */
    private void loadFont() {
        int mapMask = readIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MAP_MASK);
        int memoryMode = readIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MEMORY_MODE);
        int readMap = readIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, READ_MAP_SELECT);
        int graphicsMode = readIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, GRAPHICS_MODE);
        int miscellaneous = readIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, MISCELLANEOUS);
        int mapSelect = readIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, CHARACTER_MAP_SELECT);
        long mapA = (mapSelect >> 2 & 3) * 0x4000L + (mapSelect >> 5 & 1) * 0x2000L;
        writeIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MAP_MASK, PLANE_2);
        writeIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MEMORY_MODE, SEQUENTIAL_EXTENDED);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, READ_MAP_SELECT, 2);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, GRAPHICS_MODE, 0);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, MISCELLANEOUS, MAP_A0000_64K_TEXT);
        for (int glyph = 0; glyph < ConsoleFont.GLYPHS; glyph++) {
            int code = glyph == ConsoleFont.REPLACEMENT ? REPLACEMENT_CODE : glyph + ConsoleFont.FIRST;
            long at = PLANE_WINDOW + mapA + (long) code * BYTES_PER_CODE;
            for (int row = 0; row < ConsoleFont.HEIGHT; row++) {
                Intrinsics.writeByte(at + row, (byte) ConsoleFont.row(glyph, row));
            }
        }
        writeIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MAP_MASK, mapMask);
        writeIndexed(SEQUENCER_INDEX, SEQUENCER_DATA, MEMORY_MODE, memoryMode);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, READ_MAP_SELECT, readMap);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, GRAPHICS_MODE, graphicsMode);
        writeIndexed(GRAPHICS_INDEX, GRAPHICS_DATA, MISCELLANEOUS, miscellaneous);
    }

    private static int readIndexed(int indexPort, int dataPort, int index) {
        Intrinsics.outb(indexPort, index);
        return Intrinsics.inb(dataPort);
    }

    private static void writeIndexed(int indexPort, int dataPort, int index, int value) {
        Intrinsics.outb(indexPort, index);
        Intrinsics.outb(dataPort, value);
    }
}
