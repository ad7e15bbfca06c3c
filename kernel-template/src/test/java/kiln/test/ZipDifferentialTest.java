package kiln.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Inflater;
import kiln.test.programs.ZipStreams;
import kiln.test.programs.ZipStreamsEmit;
import org.junit.jupiter.api.Test;

/**
 * Kiln's java.util.zip (Inflater, Deflater, Adler32, written for Kiln in kernel-template): the ZipStreams program
 * prints the same as on HotSpot natively on the hosted target and in a QEMU guest, and what Kiln's Deflater
 * writes, HotSpot's zlib inflates back to the input.
 */
class ZipDifferentialTest {
    private static final String PROGRAM = "kiln.test.programs.ZipStreams";

    @Test
    void hostedSameAsHotSpot() throws Exception {
        KilnRunner.assertSameAsHotSpot(PROGRAM, KilnRunner.onLinux(PROGRAM));
    }

    @Test
    void inQemuSameAsHotSpot() throws Exception {
        KilnRunner.assertSameAsHotSpot(PROGRAM, KilnRunner.onKiln(PROGRAM));
    }

    @Test
    void hotSpotInflatesWhatKilnDeflates() throws Exception {
        KilnRunner.Outcome emitted = KilnRunner.onLinux("kiln.test.programs.ZipStreamsEmit");
        assertEquals(0, emitted.status(), emitted.output());
        List<String> lines = emitted.output().lines().toList();
        byte[][] samples = ZipStreams.samples();
        assertEquals(samples.length * ZipStreamsEmit.LEVELS.length * 2, lines.size(), emitted.output());
        int line = 0;
        for (int s = 0; s < samples.length; s++) {
            byte[] sample = samples[s];
            for (int level : ZipStreamsEmit.LEVELS) {
                for (boolean nowrap : new boolean[] {false, true}) {
                    byte[] compressed = HexFormat.of().parseHex(lines.get(line++));
                    String what = "sample of " + sample.length + " bytes, level " + level + ", nowrap " + nowrap;
                    assertArrayEquals(sample, inflateOnHotSpot(compressed, nowrap), what);
                    if (level != 0 && (s == ZipStreams.TEXT_SAMPLE || s == ZipStreams.REPEATS_SAMPLE)) {
                        assertTrue(compressed.length < sample.length, what + " compressed to " + compressed.length);
                    }
                }
            }
        }
    }

    private static byte[] inflateOnHotSpot(byte[] compressed, boolean nowrap) throws Exception {
        Inflater inflater = new Inflater(nowrap);
        // A raw stream gets one byte past its end, as the JDK's Inflater documents zlib may need.
        inflater.setInput(nowrap ? java.util.Arrays.copyOf(compressed, compressed.length + 1) : compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new AssertionError("stream ends early after " + out.size() + " bytes");
            }
            out.write(buffer, 0, n);
        }
        assertEquals(nowrap ? 1 : 0, inflater.getRemaining(), "bytes after the stream");
        inflater.end();
        return out.toByteArray();
    }
}
