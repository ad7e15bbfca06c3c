package dev.kiln.toolchain.programs;

import java.io.IOException;

/**
 * The screen console's boot test program: more numbered lines than a screen has rows (so it scrolls), a tab, a
 * line on System.err, a character outside the font, and the greeting; then it waits for a line on System.in, so
 * that the test can take a screendump before it exits with 0.
 */
public final class ScreenLines {
    /** More than the 25 rows of VGA text and the 50 of a 1280 × 800 framebuffer. */
    public static final int NUMBERED_LINES = 60;

    private ScreenLines() {
    }

    public static void main(String[] args) throws IOException {
        for (int i = 1; i <= NUMBERED_LINES; i++) {
            System.out.println("line " + i);
        }
        System.out.println("tab\there");
        System.err.println("on System.err");
        System.out.println("caf\u00e9");
        System.out.println("Hello from Kiln, " + 6 * 7);
        System.in.read();
    }
}
