package java.util.zip;

/**
 * The constants of the DEFLATE format (RFC 1951 §3.2.5 and §3.2.6) that Kiln's {@link Inflater} and
 * {@link Deflater} share: the base values and extra-bit counts of the length codes 257..285 and the distance codes
 * 0..29, the fixed Huffman code lengths, and the order the code-length code's lengths are sent in (§3.2.7).
 */
final class DeflateFormat {
    static final int END_OF_BLOCK = 256;
    static final int WINDOW_SIZE = 1 << 15;
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;

    static final int[] LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static final int[] LENGTH_EXTRA_BITS = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static final int[] DISTANCE_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
        4097, 6145, 8193, 12289, 16385, 24577};
    static final int[] DISTANCE_EXTRA_BITS = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private DeflateFormat() {
    }

    /** The buffer's remaining bytes, copied; its position moves to its limit (the ByteBuffer overloads). */
    static byte[] takeRemaining(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * The fixed literal/length code's lengths (§3.2.6): 8 bits for 0..143, 9 for 144..255, 7 for 256..279,
     * 8 for 280..287.
     */
    static int[] fixedLiteralLengths() {
        int[] lengths = new int[288];
        for (int symbol = 0; symbol < 288; symbol++) {
            lengths[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8;
        }
        return lengths;
    }

    /** The fixed distance code: all 30 (and the two unused) distance codes 5 bits long. */
    static int[] fixedDistanceLengths() {
        int[] lengths = new int[32];
        java.util.Arrays.fill(lengths, 5);
        return lengths;
    }
}
