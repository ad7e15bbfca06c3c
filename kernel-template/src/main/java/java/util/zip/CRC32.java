package java.util.zip;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Kiln's {@code CRC32}, with the JDK's API: CRC-32 as ISO 3309 / ITU-T V.42 and zlib's {@code crc32()} compute it
 * (the reflected polynomial 0xEDB88320, the register preset to all ones and inverted at the end), one table lookup
 * per byte (Sarwate's method). {@code sun.util.calendar.ZoneInfo} checksums its transitions with it.
 *
 * <p>Kiln substitutes the class because the JDK's computes in natives of HotSpot's {@code libzip}, and its static
 * initializer loads that library through {@code ZipUtils}, which brings in {@code java.nio}'s buffers and their
 * natives. <i>Rejected</i>: patching the three natives (the static initializer would still load the library);
 * slicing-by-8 (8 KB of tables for the small checksums an image needs).
 */
public class CRC32 implements Checksum {
    private static final int POLYNOMIAL = 0xEDB88320;
    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 1) != 0 ? POLYNOMIAL ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    /** The register, inverted: the checksum of what was read so far. */
    private int crc;

    public CRC32() {
    }

    @Override
    public void update(int b) {
        int c = ~crc;
        crc = ~(TABLE[(c ^ b) & 0xff] ^ (c >>> 8));
    }

    @Override
    public void update(byte[] b, int off, int len) {
        Objects.requireNonNull(b);
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new ArrayIndexOutOfBoundsException();
        }
        int c = ~crc;
        for (int i = off; i < off + len; i++) {
            c = TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
        }
        crc = ~c;
    }

    /** The buffer's remaining bytes; its position moves to its limit. */
    @Override
    public void update(ByteBuffer buffer) {
        while (buffer.hasRemaining()) {
            update(buffer.get());
        }
    }

    @Override
    public void reset() {
        crc = 0;
    }

    @Override
    public long getValue() {
        return crc & 0xffffffffL;
    }
}
