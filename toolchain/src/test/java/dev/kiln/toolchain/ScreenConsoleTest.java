package dev.kiln.toolchain;

import dev.kiln.image.ImageSpec;
import dev.kiln.image.ImageFormat;

import dev.kiln.toolchain.programs.ScreenLines;
import dev.kiln.qemu.Firmware;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import dev.kiln.qemu.RunningGuest;
import kiln.kernel.drivers.ConsoleFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * System.out and System.err on the screen: a program that prints more lines than the screen holds boots under
 * SeaBIOS (VGA text mode) and under OVMF (the GOP framebuffer); QEMU's screendump of each is decoded back to text
 * with the kernel's own font ({@link ScreenDump}), and must show the program's last lines, in order, with the tab
 * expanded and the non-ASCII character as the replacement box.
 */
class ScreenConsoleTest {
    @TempDir
    Path directory;

    /** The lines the screen must end with (the last numbered ones precede them). */
    private static final List<String> LAST_LINES = List.of("tab     here", "on System.err", "caf\uFFFD",
            "Hello from Kiln, 42");

    @Test
    void everyGlyphIsDistinctSoAScreenDecodesUnambiguously() {
        Set<String> glyphs = new HashSet<>();
        for (int glyph = 0; glyph < ConsoleFont.GLYPHS; glyph++) {
            StringBuilder rows = new StringBuilder();
            for (int row = 0; row < ConsoleFont.HEIGHT; row++) {
                rows.append(ConsoleFont.row(glyph, row)).append(',');
            }
            assertTrue(glyphs.add(rows.toString()), "glyph " + glyph + " looks like an earlier one");
        }
        assertEquals(0, ConsoleFont.row(ConsoleFont.glyphOf(' '), 8));
        assertEquals(ConsoleFont.REPLACEMENT, ConsoleFont.glyphOf(0xE9));
    }

    @Test
    void theIsoShowsTheOutputInVgaTextModeUnderSeaBios() throws Exception {
        ScreenDump screen = bootAndDump(ImageFormat.ISO, ImageKind.ISO, Firmware.BIOS);
        assertEquals(720, screen.width(), "80 columns of 9-pixel VGA text cells");
        assertEndsWithTheProgramsLines(screen.lines(9), 25);
    }

    @Test
    void theDiskShowsTheOutputOnTheFramebufferUnderOvmf() throws Exception {
        ScreenDump screen = bootAndDump(ImageFormat.DISK, ImageKind.DISK, Firmware.UEFI);
        List<String> lines = screen.lines(ConsoleFont.WIDTH);
        assertEndsWithTheProgramsLines(lines, screen.height() / ConsoleFont.HEIGHT);
    }

    private ScreenDump bootAndDump(ImageFormat format, ImageKind kind, Firmware firmware) throws Exception {
        Path image = directory.resolve("screen" + format.extension());
        KilnBuild.build(new BuildSpec(List.of(Path.of("target/test-classes")), ScreenLines.class.getName(),
                new ImageSpec(image, format, ImageSpec.DEFAULT_VOLUME_ID, Instant.EPOCH), Optional.empty(),
                Optional.empty(), Optional.empty(), false, warning -> { }));
        Path ppm = directory.resolve("screen.ppm");
        try (RunningGuest guest = Qemu.start(RunSpec.builder(image, kind).firmware(firmware)
                .timeout(Duration.ofSeconds(120)).serialLog(directory.resolve("serial.log")).build())) {
            // The kernel draws on the screen before it writes to the serial port: the greeting there means it
            // is on the screen too.
            guest.awaitOutput(LAST_LINES.get(LAST_LINES.size() - 1) + "\n");
            guest.screendump(ppm);
            guest.sendSerial("\n");
            RunResult result = guest.awaitExit();
            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe());
        }
        return ScreenDump.read(ppm);
    }

    /**
     * The decoded rows hold the program's last lines, in order, with consecutive numbered lines before them up
     * to the last one, and the first numbered line scrolled away.
     */
    private static void assertEndsWithTheProgramsLines(List<String> lines, int rows) {
        String screen = String.join("\n", lines);
        assertEquals(rows, lines.size(), screen);
        int greeting = lines.indexOf(LAST_LINES.get(LAST_LINES.size() - 1));
        assertTrue(greeting >= LAST_LINES.size(), "the greeting is not on the screen:\n" + screen);
        assertEquals(LAST_LINES, lines.subList(greeting - LAST_LINES.size() + 1, greeting + 1), screen);
        int numbered = greeting - LAST_LINES.size();
        assertEquals("line " + ScreenLines.NUMBERED_LINES, lines.get(numbered), screen);
        for (int row = numbered - 1; row >= 0 && lines.get(row).startsWith("line "); row--) {
            assertEquals("line " + (ScreenLines.NUMBERED_LINES - (numbered - row)), lines.get(row), screen);
        }
        assertFalse(lines.contains("line 1"), "line 1 should have scrolled off:\n" + screen);
    }
}
