package java.util.zip;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Kiln's {@code Deflater}, with the JDK's API: a DEFLATE compressor (RFC 1951) writing raw streams
 * ({@code nowrap}) or zlib streams (RFC 1950), written for Kiln from the RFCs because the JDK's compresses in
 * zlib natives. Its output is a valid stream any inflater reads, but not byte for byte what zlib writes.
 *
 * <p>Design: greedy LZ77 over a 64 KB buffer (32 KB of history, up to 32 KB of input not yet compressed), with
 * the candidates for each 3-byte prefix found through a hash table of chain heads and a chain of earlier
 * positions with the same hash; matches are coded with the fixed Huffman codes (§3.2.6), one block per 32 KB of
 * input or per flush, stored instead (§3.2.4) when the fixed codes would make it larger (incompressible data).
 * Levels map to three chain lengths (1-3: 8 candidates, 4-6 and the default: 32, 7-9: 256);
 * level 0 writes stored blocks (§3.2.4); the {@link #HUFFMAN_ONLY} strategy codes literals only and
 * {@link #FILTERED} behaves as the default strategy. {@link #SYNC_FLUSH} ends the current block and writes an
 * empty stored block, so the output so far decodes completely; {@link #FULL_FLUSH} also forgets the history, so
 * decoding can restart there. Compressed output waits in a queue that {@code deflate} drains into the caller's
 * array; input is taken only while that queue is under 32 KB, so memory stays bounded.
 * <i>Rejected</i>: dynamic Huffman codes (about a tenth smaller on text, but a second pass over each block and the
 * code-length encoding: left for later); lazy matching as zlib does at levels 4-9 (a few percent smaller).
 */
public class Deflater {
    public static final int DEFLATED = 8;
    public static final int NO_COMPRESSION = 0;
    public static final int BEST_SPEED = 1;
    public static final int BEST_COMPRESSION = 9;
    public static final int DEFAULT_COMPRESSION = -1;
    public static final int FILTERED = 1;
    public static final int HUFFMAN_ONLY = 2;
    public static final int DEFAULT_STRATEGY = 0;
    public static final int NO_FLUSH = 0;
    public static final int SYNC_FLUSH = 2;
    public static final int FULL_FLUSH = 3;

    private static final int WINDOW = DeflateFormat.WINDOW_SIZE;
    private static final int HASH_BITS = 15;
    private static final int NO_POSITION = -1;
    private static final int OUTPUT_HIGH_WATER = 1 << 15;

    private final boolean nowrap;
    private int level;
    private int strategy;
    private boolean ended;

    private byte[] input = new byte[0];
    private int inputOffset;
    private int inputLength;

    /** History (before {@link #blockStart}) and input not yet compressed ({@link #blockStart}..{@link #dataEnd}). */
    private final byte[] data = new byte[2 * WINDOW];
    private int blockStart;
    private int dataEnd;
    /** Matches may not reach before this position (after a full flush or at the start). */
    private int historyStart;
    private final int[] chainHead = new int[1 << HASH_BITS];
    private final int[] previousWithSameHash = new int[2 * WINDOW];
    /** The current block after LZ77, before coding: per symbol 0 and a literal, or a match's length and distance. */
    private final int[] matchLengths = new int[WINDOW];
    private final int[] literalsOrDistances = new int[WINDOW];

    private byte[] output = new byte[1 << 12];
    private int outputStart;
    private int outputEnd;
    private long bitBuffer;
    private int bitCount;

    private boolean headerWritten;
    private boolean dictionarySet;
    private int dictionaryId;
    private final Adler32 inputChecksum = new Adler32();
    private boolean finishRequested;
    private boolean finalBlockWritten;
    private boolean inputSinceFlush;
    private long bytesRead;
    private long bytesWritten;

    public Deflater(int level, boolean nowrap) {
        this.nowrap = nowrap;
        setLevel(level);
        reset();
    }

    public Deflater(int level) {
        this(level, false);
    }

    public Deflater() {
        this(DEFAULT_COMPRESSION, false);
    }

    public void setInput(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        input = b;
        inputOffset = off;
        inputLength = len;
    }

    public void setInput(byte[] b) {
        setInput(b, 0, b.length);
    }

    /** The buffer's remaining bytes, copied; its position moves to its limit. */
    public void setInput(ByteBuffer buffer) {
        setInput(DeflateFormat.takeRemaining(buffer));
    }

    /** A preset dictionary (RFC 1950 §2.2 FDICT): history that the first matches may refer to. */
    public void setDictionary(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (headerWritten || bytesRead > 0) {
            throw new IllegalArgumentException("stream error");
        }
        int kept = Math.min(len, WINDOW);
        System.arraycopy(b, off + len - kept, data, 0, kept);
        dataEnd = kept;
        for (int position = 0; position + DeflateFormat.MIN_MATCH <= kept; position++) {
            insertHash(position);
        }
        blockStart = kept;
        Adler32 check = new Adler32();
        check.update(b, off, len);
        dictionaryId = (int) check.getValue();
        dictionarySet = true;
    }

    public void setDictionary(byte[] b) {
        setDictionary(b, 0, b.length);
    }

    public void setDictionary(ByteBuffer buffer) {
        setDictionary(DeflateFormat.takeRemaining(buffer));
    }

    public void setStrategy(int strategy) {
        if (strategy != DEFAULT_STRATEGY && strategy != FILTERED && strategy != HUFFMAN_ONLY) {
            throw new IllegalArgumentException();
        }
        this.strategy = strategy;
    }

    public void setLevel(int level) {
        if ((level < 0 || level > 9) && level != DEFAULT_COMPRESSION) {
            throw new IllegalArgumentException("invalid compression level");
        }
        this.level = level;
    }

    public boolean needsInput() {
        return inputLength <= 0;
    }

    public void finish() {
        finishRequested = true;
    }

    public boolean finished() {
        return finalBlockWritten && outputStart == outputEnd;
    }

    public int deflate(byte[] b, int off, int len) {
        return deflate(b, off, len, NO_FLUSH);
    }

    public int deflate(byte[] b) {
        return deflate(b, 0, b.length, NO_FLUSH);
    }

    public int deflate(ByteBuffer output) {
        return deflate(output, NO_FLUSH);
    }

    public int deflate(ByteBuffer output, int flush) {
        byte[] bytes = new byte[output.remaining()];
        int count = deflate(bytes, 0, bytes.length, flush);
        output.put(bytes, 0, count);
        return count;
    }

    /** Compresses what input it can and copies queued output into {@code b[off, off + len)}; returns its count. */
    public int deflate(byte[] b, int off, int len, int flush) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (flush != NO_FLUSH && flush != SYNC_FLUSH && flush != FULL_FLUSH) {
            throw new IllegalArgumentException();
        }
        if (!headerWritten) {
            writeZlibHeader();
        }
        while (inputLength > 0 && outputEnd - outputStart < OUTPUT_HIGH_WATER) {
            if (dataEnd - blockStart == WINDOW) {
                compressBlock(false);
            }
            if (dataEnd == data.length) {
                slideWindow();
            }
            int count = Math.min(inputLength, Math.min(data.length - dataEnd, WINDOW - (dataEnd - blockStart)));
            System.arraycopy(input, inputOffset, data, dataEnd, count);
            inputChecksum.update(input, inputOffset, count);
            dataEnd += count;
            inputOffset += count;
            inputLength -= count;
            bytesRead += count;
            inputSinceFlush = true;
        }
        if (inputLength == 0 && finishRequested && !finalBlockWritten) {
            compressBlock(true);
            padToByte();
            if (!nowrap) {
                putBigEndian((int) inputChecksum.getValue());
            }
            finalBlockWritten = true;
        } else if (inputLength == 0 && flush != NO_FLUSH && inputSinceFlush && !finalBlockWritten) {
            if (dataEnd > blockStart) {
                compressBlock(false);
            }
            writeStoredBlock(false, 0, 0);
            if (flush == FULL_FLUSH) {
                Arrays.fill(chainHead, NO_POSITION);
                historyStart = blockStart;
            }
            inputSinceFlush = false;
        }
        int count = Math.min(len, outputEnd - outputStart);
        System.arraycopy(output, outputStart, b, off, count);
        outputStart += count;
        bytesWritten += count;
        return count;
    }

    public int getAdler() {
        ensureOpen();
        return (int) inputChecksum.getValue();
    }

    public int getTotalIn() {
        return (int) getBytesRead();
    }

    public long getBytesRead() {
        return bytesRead;
    }

    public int getTotalOut() {
        return (int) getBytesWritten();
    }

    public long getBytesWritten() {
        return bytesWritten;
    }

    public void reset() {
        ensureOpen();
        inputLength = 0;
        blockStart = 0;
        dataEnd = 0;
        historyStart = 0;
        Arrays.fill(chainHead, NO_POSITION);
        outputStart = 0;
        outputEnd = 0;
        bitBuffer = 0;
        bitCount = 0;
        headerWritten = nowrap;
        dictionarySet = false;
        inputChecksum.reset();
        finishRequested = false;
        finalBlockWritten = false;
        inputSinceFlush = false;
        bytesRead = 0;
        bytesWritten = 0;
    }

    public void end() {
        ended = true;
        input = null;
    }

    private void ensureOpen() {
        if (ended) {
            throw new NullPointerException("Deflater has been closed");
        }
    }

    // ---- LZ77 ----

    private int maxChainLength() {
        if (strategy == HUFFMAN_ONLY) {
            return 0;
        }
        int effective = level == DEFAULT_COMPRESSION ? 6 : level;
        return effective <= 3 ? 8 : effective <= 6 ? 32 : 256;
    }

    private int hashAt(int position) {
        int prefix = (data[position] & 0xff) << 16 | (data[position + 1] & 0xff) << 8 | (data[position + 2] & 0xff);
        return (prefix * 0x9E3779B1) >>> (32 - HASH_BITS);
    }

    private void insertHash(int position) {
        int hash = hashAt(position);
        previousWithSameHash[position] = chainHead[hash];
        chainHead[hash] = position;
    }

    /** Keeps the last 32 KB: positions in the hash chains move down with the bytes; older ones are forgotten. */
    private void slideWindow() {
        System.arraycopy(data, WINDOW, data, 0, WINDOW);
        for (int i = 0; i < chainHead.length; i++) {
            chainHead[i] = chainHead[i] >= WINDOW ? chainHead[i] - WINDOW : NO_POSITION;
        }
        for (int i = 0; i < WINDOW; i++) {
            int previous = previousWithSameHash[i + WINDOW];
            previousWithSameHash[i] = previous >= WINDOW ? previous - WINDOW : NO_POSITION;
        }
        blockStart -= WINDOW;
        dataEnd -= WINDOW;
        historyStart = Math.max(0, historyStart - WINDOW);
    }

    /** One block for {@code data[blockStart, dataEnd)}: stored at level 0, else LZ77 with the fixed codes. */
    private void compressBlock(boolean last) {
        if (level == NO_COMPRESSION) {
            int position = blockStart;
            do {
                int length = Math.min(0xffff, dataEnd - position);
                writeStoredBlock(last && position + length == dataEnd, position, length);
                position += length;
            } while (position < dataEnd);
            blockStart = dataEnd;
            return;
        }
        int maxChain = maxChainLength();
        int symbolCount = 0;
        int position = blockStart;
        while (position < dataEnd) {
            int bestLength = 0;
            int bestDistance = 0;
            if (position + DeflateFormat.MIN_MATCH <= dataEnd) {
                int limit = Math.min(DeflateFormat.MAX_MATCH, dataEnd - position);
                int candidate = chainHead[hashAt(position)];
                for (int tries = 0; tries < maxChain && candidate >= historyStart && candidate != NO_POSITION
                        && position - candidate <= WINDOW; tries++) {
                    int length = 0;
                    while (length < limit && data[candidate + length] == data[position + length]) {
                        length++;
                    }
                    if (length > bestLength) {
                        bestLength = length;
                        bestDistance = position - candidate;
                        if (length == limit) {
                            break;
                        }
                    }
                    candidate = previousWithSameHash[candidate];
                }
            }
            if (bestLength >= DeflateFormat.MIN_MATCH) {
                matchLengths[symbolCount] = bestLength;
                literalsOrDistances[symbolCount++] = bestDistance;
                for (int end = position + bestLength; position < end; position++) {
                    if (position + DeflateFormat.MIN_MATCH <= dataEnd) {
                        insertHash(position);
                    }
                }
            } else {
                matchLengths[symbolCount] = 0;
                literalsOrDistances[symbolCount++] = data[position] & 0xff;
                if (position + DeflateFormat.MIN_MATCH <= dataEnd) {
                    insertHash(position);
                }
                position++;
            }
        }
        if (fixedCodeBits(symbolCount) >= storedBits(dataEnd - blockStart)) {
            writeStoredBlock(last, blockStart, dataEnd - blockStart);
        } else {
            putBits(last ? 1 : 0, 1);
            putBits(1, 2);
            for (int i = 0; i < symbolCount; i++) {
                if (matchLengths[i] == 0) {
                    writeLiteralOrLength(literalsOrDistances[i]);
                } else {
                    writeMatch(matchLengths[i], literalsOrDistances[i]);
                }
            }
            writeLiteralOrLength(DeflateFormat.END_OF_BLOCK);
        }
        blockStart = dataEnd;
    }

    /** The block's size with the fixed codes: header, each literal or match with its extra bits, end of block. */
    private int fixedCodeBits(int symbolCount) {
        int bits = 3 + 7;
        for (int i = 0; i < symbolCount; i++) {
            if (matchLengths[i] == 0) {
                bits += literalsOrDistances[i] < 144 ? 8 : 9;
            } else {
                int lengthCode = lengthCode(matchLengths[i]);
                int distanceCode = distanceCode(literalsOrDistances[i]);
                bits += (lengthCode < 280 - 257 ? 7 : 8) + DeflateFormat.LENGTH_EXTRA_BITS[lengthCode]
                        + 5 + DeflateFormat.DISTANCE_EXTRA_BITS[distanceCode];
            }
        }
        return bits;
    }

    /** A stored block's size at most: header, padding, LEN and NLEN, the bytes (one block: at most 32 KB). */
    private static int storedBits(int length) {
        return 3 + 7 + 32 + 8 * length;
    }

    // ---- the fixed codes (RFC 1951 §3.2.6); Huffman codes are packed most significant bit first (§3.1.1) ----

    private void writeLiteralOrLength(int symbol) {
        if (symbol < 144) {
            putHuffman(0x30 + symbol, 8);
        } else if (symbol < 256) {
            putHuffman(0x190 + symbol - 144, 9);
        } else if (symbol < 280) {
            putHuffman(symbol - 256, 7);
        } else {
            putHuffman(0xc0 + symbol - 280, 8);
        }
    }

    private void writeMatch(int length, int distance) {
        int lengthCode = lengthCode(length);
        writeLiteralOrLength(257 + lengthCode);
        putBits(length - DeflateFormat.LENGTH_BASE[lengthCode], DeflateFormat.LENGTH_EXTRA_BITS[lengthCode]);
        int distanceCode = distanceCode(distance);
        putHuffman(distanceCode, 5);
        putBits(distance - DeflateFormat.DISTANCE_BASE[distanceCode], DeflateFormat.DISTANCE_EXTRA_BITS[distanceCode]);
    }

    /** Which of the codes 257..285 (as 0..28) stands for the match length (§3.2.5). */
    private static int lengthCode(int length) {
        int code = DeflateFormat.LENGTH_BASE.length - 1;
        while (DeflateFormat.LENGTH_BASE[code] > length) {
            code--;
        }
        return code;
    }

    private static int distanceCode(int distance) {
        int code = DeflateFormat.DISTANCE_BASE.length - 1;
        while (DeflateFormat.DISTANCE_BASE[code] > distance) {
            code--;
        }
        return code;
    }

    /** RFC 1951 §3.2.4: BFINAL, BTYPE 00, padding to a byte, LEN and its complement NLEN, the bytes. */
    private void writeStoredBlock(boolean last, int from, int length) {
        putBits(last ? 1 : 0, 1);
        putBits(0, 2);
        padToByte();
        putBits(length, 16);
        putBits(~length & 0xffff, 16);
        for (int i = from; i < from + length; i++) {
            putBits(data[i] & 0xff, 8);
        }
    }

    /**
     * RFC 1950 §2.2: CMF = 0x78 (method 8, 32 KB window), FLG = FLEVEL (which of zlib's speed classes the level
     * is in) | FDICT, with FCHECK making CMF·256 + FLG a multiple of 31; then DICTID when a dictionary is set.
     */
    private void writeZlibHeader() {
        headerWritten = true;
        int effective = level == DEFAULT_COMPRESSION ? 6 : level;
        int compressionClass = strategy == HUFFMAN_ONLY || effective < 2 ? 0 : effective < 6 ? 1 : effective == 6 ? 2 : 3;
        int cmf = 0x78;
        int flg = compressionClass << 6 | (dictionarySet ? 0x20 : 0);
        flg += 31 - (cmf * 256 + flg) % 31;
        putBits(cmf, 8);
        putBits(flg, 8);
        if (dictionarySet) {
            putBigEndian(dictionaryId);
        }
    }

    private void putBigEndian(int value) {
        putBits(Integer.reverseBytes(value) & 0xffff, 16);
        putBits(Integer.reverseBytes(value) >>> 16, 16);
    }

    private void putHuffman(int code, int length) {
        putBits(Integer.reverse(code) >>> (32 - length), length);
    }

    private void putBits(int value, int count) {
        bitBuffer |= (long) value << bitCount;
        bitCount += count;
        while (bitCount >= 8) {
            putByte((int) bitBuffer);
            bitBuffer >>>= 8;
            bitCount -= 8;
        }
    }

    private void padToByte() {
        if (bitCount > 0) {
            putBits(0, 8 - bitCount);
        }
    }

    private void putByte(int value) {
        if (outputEnd == output.length) {
            if (outputStart > output.length / 2) {
                System.arraycopy(output, outputStart, output, 0, outputEnd - outputStart);
                outputEnd -= outputStart;
                outputStart = 0;
            } else {
                output = Arrays.copyOf(output, output.length * 2);
            }
        }
        output[outputEnd++] = (byte) value;
    }
}
