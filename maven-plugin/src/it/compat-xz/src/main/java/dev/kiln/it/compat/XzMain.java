package dev.kiln.it.compat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.tukaani.xz.CorruptedInputException;
import org.tukaani.xz.DeltaOptions;
import org.tukaani.xz.FilterOptions;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.SeekableInputStream;
import org.tukaani.xz.SeekableXZInputStream;
import org.tukaani.xz.SingleXZInputStream;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.X86Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZFormatException;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * XZ for Java in memory: text and binary data through {@link XZOutputStream} at several presets, with each of the
 * format's integrity checks (CRC32, CRC64 and SHA-256, the last through {@code java.security.MessageDigest}) and
 * filter chains (delta, x86 BCJ), read back and compared; two streams concatenated; the legacy {@code .lzma} format;
 * random access through {@link SeekableXZInputStream} over a byte array; and the errors of damaged input: a flipped
 * byte (the check fails), a truncated stream, and data that is not xz at all. XZ for Java is pure Java, so the
 * compressed sizes must be the same bytes as on HotSpot and are printed.
 */
public class XzMain {
    public static void main(String[] args) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            text.append("record ").append(i).append(": the quick brown fox jumps over ").append(i % 17).append(" lazy dogs\n");
        }
        byte[] textData = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] binaryData = new byte[40_000];
        long seed = 12345;
        for (int i = 0; i < binaryData.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            binaryData[i] = (byte) (i % 4 == 0 ? seed >>> 59 : i / 64);
        }
        System.out.println("text " + textData.length + " bytes, binary " + binaryData.length + " bytes");

        for (int check : new int[] {XZ.CHECK_NONE, XZ.CHECK_CRC32, XZ.CHECK_CRC64, XZ.CHECK_SHA256}) {
            roundTrip("preset 1 check " + check, compress(textData, new FilterOptions[] {new LZMA2Options(1)}, check),
                    textData);
        }
        for (int preset : new int[] {0, 3}) {
            roundTrip("preset " + preset, compress(textData, new FilterOptions[] {new LZMA2Options(preset)},
                    XZ.CHECK_CRC64), textData);
        }
        LZMA2Options tuned = new LZMA2Options();
        tuned.setDictSize(1 << 16);
        tuned.setLcLp(3, 0);
        tuned.setPb(0);
        tuned.setMode(LZMA2Options.MODE_FAST);
        tuned.setNiceLen(32);
        tuned.setMatchFinder(LZMA2Options.MF_HC4);
        roundTrip("tuned", compress(binaryData, new FilterOptions[] {tuned}, XZ.CHECK_CRC64), binaryData);
        roundTrip("delta 4", compress(binaryData,
                new FilterOptions[] {new DeltaOptions(4), new LZMA2Options(3)}, XZ.CHECK_CRC32), binaryData);
        roundTrip("x86", compress(binaryData,
                new FilterOptions[] {new X86Options(), new LZMA2Options(3)}, XZ.CHECK_CRC32), binaryData);

        byte[] first = compress("first stream\n".getBytes(StandardCharsets.UTF_8),
                new FilterOptions[] {new LZMA2Options(1)}, XZ.CHECK_CRC32);
        byte[] second = compress("second stream\n".getBytes(StandardCharsets.UTF_8),
                new FilterOptions[] {new LZMA2Options(1)}, XZ.CHECK_SHA256);
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        System.out.print("concatenated: " + new String(readAll(new XZInputStream(new ByteArrayInputStream(both))),
                StandardCharsets.UTF_8));
        SingleXZInputStream single = new SingleXZInputStream(new ByteArrayInputStream(both));
        System.out.print("single stream: " + new String(readAll(single), StandardCharsets.UTF_8));
        System.out.println("single stream check: " + single.getCheckName());

        ByteArrayOutputStream lzma = new ByteArrayOutputStream();
        try (LZMAOutputStream out = new LZMAOutputStream(lzma, new LZMA2Options(2), textData.length)) {
            out.write(textData);
        }
        byte[] lzmaRead = readAll(new LZMAInputStream(new ByteArrayInputStream(lzma.toByteArray())));
        System.out.println(".lzma: " + lzma.size() + " bytes, read back equal " + Arrays.equals(lzmaRead, textData));

        seeks(textData);
        damaged(textData);
    }

    private static byte[] compress(byte[] data, FilterOptions[] filters, int check) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bytes, filters, check)) {
            // In pieces, as a stream is written: the encoder buffers across writes.
            for (int offset = 0; offset < data.length; offset += 7001) {
                out.write(data, offset, Math.min(7001, data.length - offset));
            }
        }
        return bytes.toByteArray();
    }

    private static void roundTrip(String label, byte[] xz, byte[] original) throws IOException {
        byte[] back = readAll(new XZInputStream(new ByteArrayInputStream(xz)));
        System.out.println(label + ": " + xz.length + " bytes, read back equal " + Arrays.equals(back, original));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) != -1; ) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** Blocks of 16 KiB, so that a seek decompresses from the block that holds the position, not from the start. */
    private static void seeks(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options(1), XZ.CHECK_CRC64)) {
            for (int offset = 0; offset < data.length; offset += 16384) {
                out.write(data, offset, Math.min(16384, data.length - offset));
                out.endBlock();
            }
        }
        SeekableXZInputStream in = new SeekableXZInputStream(new ByteArraySeekable(bytes.toByteArray()));
        System.out.println("seekable: " + in.length() + " bytes in " + in.getBlockCount() + " blocks, "
                + in.getStreamCount() + " stream");
        for (long position : new long[] {50_000, 5, 75_000, 16_384}) {
            in.seek(position);
            byte[] piece = new byte[30];
            int n = in.read(piece);
            System.out.println("  at " + position + " (block " + in.getBlockNumber(position) + "): "
                    + new String(piece, 0, n, StandardCharsets.UTF_8).replace('\n', '|'));
        }
        in.close();
    }

    private static void damaged(byte[] data) throws IOException {
        byte[] xz = compress(data, new FilterOptions[] {new LZMA2Options(1)}, XZ.CHECK_SHA256);
        byte[] flipped = xz.clone();
        flipped[xz.length / 2] ^= 0x40;
        tryRead("flipped byte", flipped);
        tryRead("truncated", Arrays.copyOf(xz, xz.length - 20));
        tryRead("not xz", "plain text, not compressed".getBytes(StandardCharsets.UTF_8));
        byte[] badCheck = xz.clone();
        badCheck[xz.length - 13 - 32] ^= 1; // a byte of the SHA-256 check after the block's data
        tryRead("bad check", badCheck);
        try {
            new LZMA2Options(10);
        } catch (UnsupportedOptionsException e) {
            System.out.println("preset 10: " + e.getMessage());
        }
    }

    private static void tryRead(String label, byte[] bytes) {
        try {
            byte[] back = readAll(new XZInputStream(new ByteArrayInputStream(bytes)));
            System.out.println(label + ": read " + back.length + " bytes");
        } catch (CorruptedInputException | XZFormatException e) {
            System.out.println(label + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (IOException e) {
            System.out.println(label + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** XZ for Java's random access needs a {@link SeekableInputStream}; it ships one over files only. */
    private static final class ByteArraySeekable extends SeekableInputStream {
        private final byte[] bytes;
        private int position;

        ByteArraySeekable(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void seek(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
        }
    }
}
