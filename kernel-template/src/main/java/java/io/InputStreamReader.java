package java.io;

/**
 * Kiln's InputStreamReader: UTF-8 only (Kiln's one charset, as in {@link String}), decoded by String's own
 * decoder, so malformed input becomes U+FFFD exactly as {@code new String(bytes)} does.
 *
 * <p>Why not the JDK's: it decodes through {@code sun.nio.cs.StreamDecoder}, which pulls in NIO buffers
 * ({@code Unsafe}, {@code ScopedMemoryAccess}) and the charset registry ({@code Charset.forName}, class
 * loaders, {@code ServiceLoader}): about thirty methods Kiln cannot compile, for one decoder.
 * The constructors that take a {@code Charset} or {@code CharsetDecoder} are left out for the same reason.
 *
 * <p>A read answers as soon as it has decoded at least one char: it reads the stream once per call, so a
 * line typed on the console reaches a {@link BufferedReader} without waiting for more. Bytes of a UTF-8
 * sequence cut by the end of a read wait for the next one; at end of stream they decode as U+FFFD.
 */
public class InputStreamReader extends Reader {
    private static final String ENCODING = "UTF8"; // what the JDK's getEncoding() answers for UTF-8
    private static final int BUFFER_SIZE = 8192;

    private final InputStream in;
    private final byte[] bytes = new byte[BUFFER_SIZE];
    /** Bytes read but not decoded yet: an incomplete sequence at the end of the last read. */
    private int pendingBytes;
    /** Chars decoded but not returned yet, from {@code decoded[decodedPosition]}. */
    private char[] decoded = new char[0];
    private int decodedPosition;
    private boolean closed;

    public InputStreamReader(InputStream in) {
        super(in);
        this.in = in;
    }

    /** Only UTF-8 (any spelling Java accepts: "UTF-8", "utf8", ...). */
    public InputStreamReader(InputStream in, String charsetName) throws UnsupportedEncodingException {
        this(in);
        if (charsetName == null) {
            throw new NullPointerException("charsetName");
        }
        String name = charsetName.toUpperCase();
        if (!name.equals("UTF-8") && !name.equals("UTF8")) {
            throw new UnsupportedEncodingException(charsetName + " (Kiln reads UTF-8 only)");
        }
    }

    /** The historical name of the charset, as the JDK answers it; null once closed. */
    public String getEncoding() {
        return closed ? null : ENCODING;
    }

    @Override
    public int read(char[] into, int offset, int length) throws IOException {
        synchronized (lock) {
            ensureOpen();
            if ((offset | length) < 0 || length > into.length - offset) {
                throw new IndexOutOfBoundsException("Range [" + offset + ", " + offset + " + " + length
                        + ") out of bounds for length " + into.length);
            }
            if (length == 0) {
                return 0;
            }
            while (decodedPosition == decoded.length) {
                if (!decodeMore()) {
                    return -1;
                }
            }
            int n = Math.min(length, decoded.length - decodedPosition);
            System.arraycopy(decoded, decodedPosition, into, offset, n);
            decodedPosition += n;
            return n;
        }
    }

    /** Reads the stream once and decodes what it can; false at end of stream with nothing left to decode. */
    private boolean decodeMore() throws IOException {
        int n = in.read(bytes, pendingBytes, bytes.length - pendingBytes);
        if (n < 0) {
            if (pendingBytes == 0) {
                return false;
            }
            decode(pendingBytes, pendingBytes); // an incomplete sequence at the very end: U+FFFD
            return true;
        }
        int available = pendingBytes + n;
        decode(available - incompleteTail(available), available);
        return true;
    }

    /**
     * Decodes {@code bytes[0, count)} into {@link #decoded} and moves {@code bytes[count, available)}, an
     * incomplete sequence, to the front for the next read.
     */
    private void decode(int count, int available) {
        decoded = new String(bytes, 0, count).toCharArray();
        decodedPosition = 0;
        pendingBytes = available - count;
        System.arraycopy(bytes, count, bytes, 0, pendingBytes);
    }

    /**
     * How many bytes at the end of {@code bytes[0, count)} start a UTF-8 sequence that needs more bytes:
     * the last lead byte among the final three, if it announces a longer sequence (RFC 3629 §3).
     */
    private int incompleteTail(int count) {
        for (int back = 1; back <= 3 && back <= count; back++) {
            int b = bytes[count - back] & 0xFF;
            if ((b & 0xC0) != 0x80) { // not a continuation byte: the lead of the last sequence
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? back : 0;
            }
        }
        return 0;
    }

    /** True if a read would answer without waiting: chars are decoded, or the stream has bytes ready. */
    @Override
    public boolean ready() throws IOException {
        synchronized (lock) {
            ensureOpen();
            return decodedPosition < decoded.length || in.available() > 0;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                in.close();
            }
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
    }
}
