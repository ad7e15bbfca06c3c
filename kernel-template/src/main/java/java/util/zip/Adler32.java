package java.util.zip;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Kiln's {@code Adler32}, with the JDK's API: the Adler-32 checksum of RFC 1950 §9 (two sums modulo 65521, the
 * largest prime below 2^16; {@code s1} starts at 1, {@code s2} at 0, the value is {@code s2 << 16 | s1}). The sums
 * are reduced once per {@link #MAX_BYTES_BEFORE_REDUCING} bytes, the most that cannot overflow an {@code int}.
 *
 * <p>Kiln substitutes the class because the JDK's computes in natives of HotSpot's {@code libzip} (see
 * {@link CRC32}). Zlib-wrapped streams ({@link Deflater}, {@link Inflater}) use it for their trailer.
 */
public class Adler32 implements Checksum {
    private static final int MODULUS = 65521;
    /** Largest n with 255 n (n + 1) / 2 + (n + 1) (MODULUS - 1) below 2^31: the sums stay positive ints. */
    private static final int MAX_BYTES_BEFORE_REDUCING = 3800;

    private int sum1 = 1;
    private int sum2;

    public Adler32() {
    }

    @Override
    public void update(int b) {
        sum1 = (sum1 + (b & 0xff)) % MODULUS;
        sum2 = (sum2 + sum1) % MODULUS;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        Objects.requireNonNull(b);
        if (off < 0 || len < 0 || off > b.length - len) {
            throw new ArrayIndexOutOfBoundsException();
        }
        int s1 = sum1;
        int s2 = sum2;
        int end = off + len;
        while (off < end) {
            int chunkEnd = Math.min(end, off + MAX_BYTES_BEFORE_REDUCING);
            for (; off < chunkEnd; off++) {
                s1 += b[off] & 0xff;
                s2 += s1;
            }
            s1 %= MODULUS;
            s2 %= MODULUS;
        }
        sum1 = s1;
        sum2 = s2;
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
        sum1 = 1;
        sum2 = 0;
    }

    @Override
    public long getValue() {
        return ((long) sum2 << 16) | sum1;
    }
}
