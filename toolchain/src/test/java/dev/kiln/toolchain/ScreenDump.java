package dev.kiln.toolchain;

import kiln.kernel.drivers.ConsoleFont;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a QEMU screendump (binary PPM, P6) back as text with {@link ConsoleFont}, the font the kernel draws
 * with: the screen is cut into cells from the top left corner, each cell's lit pixels (any colour but black)
 * are compared with every glyph, and a cell that matches none reads as {@link #UNKNOWN} (the cursor, say).
 * The replacement box reads as U+FFFD. A VGA text mode's cell is 9 pixels wide (the 9th column is blank for
 * the characters Kiln draws), a framebuffer's 8.
 */
final class ScreenDump {
    static final char UNKNOWN = '?';
    private final int width, height;
    private final byte[] pixels;

    private ScreenDump(int width, int height, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    static ScreenDump read(Path ppm) throws IOException {
        byte[] file = Files.readAllBytes(ppm);
        int at = 0;
        String[] header = new String[4];
        for (int field = 0; field < 4; field++) {
            while (Character.isWhitespace(file[at])) {
                at++;
            }
            int start = at;
            while (!Character.isWhitespace(file[at])) {
                at++;
            }
            header[field] = new String(file, start, at - start, StandardCharsets.US_ASCII);
        }
        if (!header[0].equals("P6") || !header[3].equals("255")) {
            throw new IOException(ppm + " is not an 8-bit binary PPM: header " + String.join(" ", header));
        }
        int width = Integer.parseInt(header[1]);
        int height = Integer.parseInt(header[2]);
        byte[] pixels = new byte[width * height * 3];
        System.arraycopy(file, at + 1, pixels, 0, pixels.length);
        return new ScreenDump(width, height, pixels);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The screen's rows of {@code cellWidth} × 16 cells as text, trailing spaces removed. */
    List<String> lines(int cellWidth) {
        List<String> lines = new ArrayList<>();
        for (int top = 0; top + ConsoleFont.HEIGHT <= height; top += ConsoleFont.HEIGHT) {
            StringBuilder line = new StringBuilder();
            for (int left = 0; left + cellWidth <= width; left += cellWidth) {
                line.append(cell(left, top, cellWidth));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private char cell(int left, int top, int cellWidth) {
        int[] rows = new int[ConsoleFont.HEIGHT];
        for (int y = 0; y < ConsoleFont.HEIGHT; y++) {
            for (int x = 0; x < cellWidth; x++) {
                if (lit(left + x, top + y)) {
                    if (x >= ConsoleFont.WIDTH) {
                        return UNKNOWN;
                    }
                    rows[y] |= 0x80 >> x;
                }
            }
        }
        for (int glyph = 0; glyph < ConsoleFont.GLYPHS; glyph++) {
            int y = 0;
            while (y < ConsoleFont.HEIGHT && ConsoleFont.row(glyph, y) == rows[y]) {
                y++;
            }
            if (y == ConsoleFont.HEIGHT) {
                return glyph == ConsoleFont.REPLACEMENT ? '\uFFFD' : (char) (ConsoleFont.FIRST + glyph);
            }
        }
        return UNKNOWN;
    }

    private boolean lit(int x, int y) {
        int at = (y * width + x) * 3;
        return (pixels[at] | pixels[at + 1] | pixels[at + 2]) != 0;
    }
}
