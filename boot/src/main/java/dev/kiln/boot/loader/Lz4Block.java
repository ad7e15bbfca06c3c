package dev.kiln.boot.loader;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Compresses the flat kernel in the LZ4 block format, which both loaders decode ({@link Lz4Decoder}) on the way to
 * the kernel's entry. Under a BIOS the loader reads the kernel through INT 13h, which SeaBIOS serves by programmed
 * I/O, one {@code in} per 16-bit word, and under QEMU's TCG that is the dearest part of a Kiln boot (docs/boot.md,
 * "Boot time"): hello's 370 KB took longer to read than the whole kernel takes to start. Stored in LZ4 form it is a
 * quarter of that, and decoding it costs far less than reading the difference.
 *
 * <h2>The format</h2>
 * LZ4's block format (github.com/lz4/lz4, doc/lz4_Block_format.md), so that an independent tool ({@code lz4 -d},
 * through the legacy frame its test wraps the block in) checks this encoder. A block is a series of sequences:
 * <pre>
 *   token: bits 7-4 literal length (15: more bytes follow), bits 3-0 match length - 4 (15: more bytes follow)
 *   [more literal length: bytes of 255, then one below 255, all added]
 *   literals
 *   match offset: u16 little-endian, 1..65535 bytes back from the current output position
 *   [more match length: as for literals]
 * </pre>
 * The last sequence has literals only and ends the block. As the format asks, the last 5 bytes are always
 * literals and no match starts in the last 12, so every LZ4 decoder accepts the output; Kiln's decoder copies four
 * bytes at a time and relies on neither.
 *
 * <h2>The encoder</h2>
 * Hash chains: every position is entered in a chain of earlier positions whose next four bytes hash alike, and the
 * longest match among the last {@link #CHAIN_DEPTH} of them within 64 KiB is taken, unless the next position has a
 * longer one (lazy matching by one byte). Deterministic, so images stay byte-identical.
 * <i>Rejected</i>: DEFLATE (gzip: 82 KB, 16 KB less to read, but Huffman decoding is several times the code in
 * the loader, and bit by bit under TCG it would cost more than the reads it saves); LZMA (64 KB, far slower still);
 * a one-entry hash table, as LZ4's fast mode (130 KB: a third more to read).
 */
public final class Lz4Block {
    static final int MIN_MATCH = 4;
    static final int MAX_OFFSET = 65535;
    /** The format's end rules: the last 5 bytes are literals, and the last match starts at least 12 bytes before the end. */
    private static final int LAST_LITERALS = 5;
    private static final int MATCH_FIND_LIMIT = 12;
    private static final int HASH_BITS = 16;
    /** Candidates compared per position: beyond 64 hello's kernel shrinks by less than 1 %. */
    private static final int CHAIN_DEPTH = 64;
    private static final int LENGTH_MORE = 15;

    /** The LZ4 block that decodes to {@code input}. */
    public static byte[] compress(byte[] input) {
        return new Lz4Block(input).compress();
    }

    private final byte[] input;
    private final int[] head = new int[1 << HASH_BITS];
    private final int[] previous;
    private final ByteArrayOutputStream out;
    /** The last search's result. */
    private int foundLength;
    private int foundOffset;

    private Lz4Block(byte[] input) {
        this.input = input;
        Arrays.fill(head, -1);
        previous = new int[input.length];
        out = new ByteArrayOutputStream(input.length / 2 + 16);
    }

    private byte[] compress() {
        int length = input.length;
        int anchor = 0;
        int position = 0;
        while (position + MATCH_FIND_LIMIT < length) {
            search(position);
            insert(position);
            if (foundLength < MIN_MATCH) {
                position++;
                continue;
            }
            int matchLength = foundLength;
            int offset = foundOffset;
            // Lazy by one byte: a longer match at the next position wins, and this byte becomes a literal.
            while (position + 1 + MATCH_FIND_LIMIT < length) {
                search(position + 1);
                if (foundLength <= matchLength) {
                    break;
                }
                position++;
                insert(position);
                matchLength = foundLength;
                offset = foundOffset;
            }
            writeSequence(anchor, position - anchor, offset, matchLength);
            int end = position + matchLength;
            for (position++; position < end; position++) {
                if (position + MIN_MATCH <= length) {
                    insert(position);
                }
            }
            anchor = end;
        }
        int literals = length - anchor;
        out.write(Math.min(literals, LENGTH_MORE) << 4);
        writeMore(literals);
        out.write(input, anchor, literals);
        return out.toByteArray();
    }

    /** The longest match for {@code position} among its chain's last {@link #CHAIN_DEPTH} entries within reach. */
    private void search(int position) {
        foundLength = 0;
        foundOffset = 0;
        int limit = input.length - LAST_LITERALS;
        int candidate = head[hash(position)];
        for (int depth = 0; depth < CHAIN_DEPTH && candidate >= 0 && position - candidate <= MAX_OFFSET; depth++) {
            int matched = 0;
            while (position + matched < limit && input[candidate + matched] == input[position + matched]) {
                matched++;
            }
            if (matched > foundLength) {
                foundLength = matched;
                foundOffset = position - candidate;
            }
            candidate = previous[candidate];
        }
    }

    private void insert(int position) {
        int hash = hash(position);
        previous[position] = head[hash];
        head[hash] = position;
    }

    /**
     * The bytes an image stores for a block of {@code compressedBytes}: the block, then zeros, since the decoder may
     * read {@link Lz4Decoder#OVERSHOOT} bytes past it; a multiple of 4, which the BIOS loader moves as dwords.
     */
    public static long storedLength(long compressedBytes) {
        return (compressedBytes + Lz4Decoder.OVERSHOOT + 3) & -4L;
    }

    /** {@code block} padded to {@link #storedLength}. */
    public static byte[] stored(byte[] block) {
        return Arrays.copyOf(block, Math.toIntExact(storedLength(block.length)));
    }

    private void writeSequence(int from, int literals, int offset, int matchLength) {
        int extra = matchLength - MIN_MATCH;
        out.write(Math.min(literals, LENGTH_MORE) << 4 | Math.min(extra, LENGTH_MORE));
        writeMore(literals);
        out.write(input, from, literals);
        out.write(offset & 0xFF);
        out.write(offset >>> 8);
        writeMore(extra);
    }

    /** A length's part beyond the token's 15, in bytes of 255 and a last one below 255; nothing below 15. */
    private void writeMore(int value) {
        if (value < LENGTH_MORE) {
            return;
        }
        int rest = value - LENGTH_MORE;
        for (; rest >= 255; rest -= 255) {
            out.write(255);
        }
        out.write(rest);
    }

    /** Knuth's multiplicative hash of the four bytes at {@code position}. */
    private int hash(int position) {
        int word = (input[position] & 0xFF) | (input[position + 1] & 0xFF) << 8 | (input[position + 2] & 0xFF) << 16
                | (input[position + 3] & 0xFF) << 24;
        return (word * 0x9E3779B1) >>> (32 - HASH_BITS);
    }
}
