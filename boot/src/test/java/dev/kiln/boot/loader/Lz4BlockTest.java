package dev.kiln.boot.loader;

import dev.kiln.qemu.junit.ExternalTools;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel compressor against an independent decoder: the {@code lz4} tool decodes each block, wrapped in LZ4's
 * legacy frame (magic 0x184C2102, then the block's u32 length and the block, up to 8 MiB of output a block), back to
 * the input. The loaders' own decoder is checked by every boot test, which boots a compressed kernel.
 */
class Lz4BlockTest {
    private static final int LEGACY_FRAME_MAGIC = 0x184C2102;

    @TempDir
    Path directory;

    @Test
    void theLz4ToolDecodesEveryBlockBackToItsInput() throws Exception {
        Random random = new Random(12);
        byte[] noise = new byte[70_000];
        random.nextBytes(noise);
        byte[] text = "Kiln turns a Maven project into a bootable image; ".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        byte[] mixed = new byte[300_000]; // runs, zeros, far repeats (beyond the 64 KiB window) and short overlaps
        for (int i = 0; i < mixed.length; i++) {
            mixed[i] = (byte) (i % 100_000 < 20_000 ? 0 : i % 7 == 0 ? random.nextInt(4) : (i * 31 / 1000));
        }
        for (byte[] input : List.of(new byte[0], new byte[] {1, 2, 3}, new byte[13], noise, text, mixed)) {
            assertArrayEquals(input, decodeWithTheLz4Tool(Lz4Block.compress(input)), "input of " + input.length + " bytes");
        }
    }

    @Test
    void repetitiveDataShrinksAndTheStoredFormIsPaddedForTheDecoder() {
        byte[] zeros = new byte[1 << 20];
        byte[] block = Lz4Block.compress(zeros);
        assertTrue(block.length < 5000, "1 MiB of zeros took " + block.length + " bytes");
        byte[] stored = Lz4Block.stored(block);
        assertEquals(0, stored.length % 4);
        assertTrue(stored.length >= block.length + Lz4Decoder.OVERSHOOT, "room for the decoder's overshoot");
        assertArrayEquals(block, Arrays.copyOf(stored, block.length));
    }

    private byte[] decodeWithTheLz4Tool(byte[] block) throws Exception {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        writeIntLe(frame, LEGACY_FRAME_MAGIC);
        writeIntLe(frame, block.length);
        frame.write(block);
        Path compressed = Files.write(directory.resolve("block.lz4"), frame.toByteArray());
        Path decoded = directory.resolve("block.out");
        ExternalTools.check("lz4", "-d", "-f", compressed.toString(), decoded.toString());
        return Files.readAllBytes(decoded);
    }

    private static void writeIntLe(ByteArrayOutputStream out, int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }
}
