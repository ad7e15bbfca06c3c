package java.util.zip;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Kiln's {@code Inflater}, with the JDK's API: a DEFLATE decoder (RFC 1951) for raw streams ({@code nowrap}) and
 * zlib streams (RFC 1950: two header bytes, an optional preset-dictionary id, an Adler-32 trailer), written for
 * Kiln from the RFCs because the JDK's inflates in zlib natives. The error messages of
 * {@link DataFormatException} are zlib's, since the JDK passes zlib's through.
 *
 * <p>Design: a resumable state machine. Input handed to {@link #setInput} is appended to an internal buffer
 * (the JDK keeps a reference instead; every JDK caller only sets input once {@link #needsInput()} is true, where
 * the two are the same). Each step that reads bits (a block header with its whole dynamic code description, one
 * literal, one length with its distance, a stored block's lengths, the trailer) first records a checkpoint of
 * the bit reader; when the input runs out mid-step the reader goes back to it and {@code inflate} returns, so a
 * later call decodes the step again from its start with more input. The last 32 KB of output are kept in a
 * circular window for back-references across calls; a match longer than the caller's space left is finished in
 * the next call. Huffman codes are canonical (§3.2.2) and decoded one bit at a time from per-length counts.
 * <i>Rejected</i>: lookup tables indexed by several bits (faster, but more code and state for the sizes an image
 * inflates); decoding into a copy of the whole output (unbounded memory for a stream).
 */
public class Inflater {
    private enum State { ZLIB_HEADER, DICTIONARY_ID, BLOCK_HEADER, STORED, CODES, TRAILER, DONE }

    private final boolean nowrap;
    private State state;
    private boolean ended;

    private byte[] input = new byte[0];
    private int inputPosition;
    private int inputEnd;
    private long bitBuffer;
    private int bitCount;
    private int checkpointPosition;
    private long checkpointBits;
    private int checkpointBitCount;
    /** Set when the decoder stopped for want of input; cleared by {@link #setInput}. */
    private boolean starved;
    private long bytesAppended;

    private final byte[] window = new byte[DeflateFormat.WINDOW_SIZE];
    private int windowPosition;
    private int windowFill;

    private boolean lastBlock;
    private int storedRemaining;
    private HuffmanCode literalCode;
    private HuffmanCode distanceCode;
    private int matchRemaining;
    private int matchDistance;

    private boolean needsDictionary;
    private int dictionaryId;
    private final Adler32 outputChecksum = new Adler32();
    private long bytesWritten;

    public Inflater(boolean nowrap) {
        this.nowrap = nowrap;
        reset();
    }

    public Inflater() {
        this(false);
    }

    public void setInput(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        int kept = inputEnd - inputPosition;
        if (kept + len > input.length) {
            input = Arrays.copyOfRange(input, inputPosition, inputPosition + Math.max(kept + len, 2 * input.length));
        } else {
            System.arraycopy(input, inputPosition, input, 0, kept);
        }
        checkpointPosition -= inputPosition;
        inputPosition = 0;
        System.arraycopy(b, off, input, kept, len);
        inputEnd = kept + len;
        bytesAppended += len;
        starved = false;
    }

    public void setInput(byte[] b) {
        setInput(b, 0, b.length);
    }

    /** The buffer's remaining bytes; its position moves to its limit. */
    public void setInput(ByteBuffer buffer) {
        setInput(DeflateFormat.takeRemaining(buffer));
    }

    public void setDictionary(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        if (!nowrap) {
            if (!needsDictionary) {
                throw new IllegalArgumentException("stream error");
            }
            Adler32 check = new Adler32();
            check.update(b, off, len);
            if ((int) check.getValue() != dictionaryId) {
                throw new IllegalArgumentException("incorrect data check");
            }
        }
        for (int i = off; i < off + len; i++) {
            toWindow(b[i]);
        }
        needsDictionary = false;
    }

    public void setDictionary(byte[] b) {
        setDictionary(b, 0, b.length);
    }

    public void setDictionary(ByteBuffer buffer) {
        setDictionary(DeflateFormat.takeRemaining(buffer));
    }

    public int getRemaining() {
        return inputEnd - inputPosition + bitCount / 8;
    }

    public boolean needsInput() {
        if (state == State.DONE) {
            return getRemaining() == 0;
        }
        return starved || inputEnd == inputPosition;
    }

    public boolean needsDictionary() {
        return needsDictionary;
    }

    public boolean finished() {
        return state == State.DONE;
    }

    public int inflate(byte[] b) throws DataFormatException {
        return inflate(b, 0, b.length);
    }

    public int inflate(ByteBuffer output) throws DataFormatException {
        byte[] bytes = new byte[output.remaining()];
        int count = inflate(bytes);
        output.put(bytes, 0, count);
        return count;
    }

    /** Decodes into {@code b[off, off + len)}; returns how many bytes it wrote (0 when it needs input or a dictionary). */
    public int inflate(byte[] b, int off, int len) throws DataFormatException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        int written = 0;
        while (written < len && !needsDictionary && !starved) {
            switch (state) {
                case ZLIB_HEADER -> readZlibHeader();
                case DICTIONARY_ID -> readDictionaryId();
                case BLOCK_HEADER -> readBlockHeader();
                case STORED -> written += copyStored(b, off + written, len - written);
                case CODES -> written += decodeCodes(b, off + written, len - written);
                case TRAILER -> readTrailer();
                case DONE -> {
                    bytesWritten += written;
                    return written;
                }
            }
        }
        if (state == State.BLOCK_HEADER && lastBlock) {
            finishBlocks();
        }
        bytesWritten += written;
        return written;
    }

    public int getAdler() {
        ensureOpen();
        return needsDictionary ? dictionaryId : (int) outputChecksum.getValue();
    }

    public int getTotalIn() {
        return (int) getBytesRead();
    }

    public long getBytesRead() {
        return bytesAppended - getRemaining();
    }

    public int getTotalOut() {
        return (int) getBytesWritten();
    }

    public long getBytesWritten() {
        return bytesWritten;
    }

    public void reset() {
        ensureOpen();
        state = nowrap ? State.BLOCK_HEADER : State.ZLIB_HEADER;
        inputPosition = 0;
        inputEnd = 0;
        bitBuffer = 0;
        bitCount = 0;
        starved = false;
        bytesAppended = 0;
        windowPosition = 0;
        windowFill = 0;
        lastBlock = false;
        matchRemaining = 0;
        needsDictionary = false;
        outputChecksum.reset();
        bytesWritten = 0;
    }

    public void end() {
        ended = true;
        input = null;
    }

    private void ensureOpen() {
        if (ended) {
            throw new NullPointerException("Inflater has been closed");
        }
    }

    // ---- the bit reader (RFC 1951 §3.1.1: bits are packed from each byte's least significant bit) ----

    private void checkpoint() {
        checkpointPosition = inputPosition;
        checkpointBits = bitBuffer;
        checkpointBitCount = bitCount;
    }

    /** Back to the checkpoint: the step is decoded again once more input arrives. */
    private void starve() {
        inputPosition = checkpointPosition;
        bitBuffer = checkpointBits;
        bitCount = checkpointBitCount;
        starved = true;
    }

    /** At least {@code count} (at most 32) bits in the bit buffer, or false when the input has too few. */
    private boolean fill(int count) {
        while (bitCount < count) {
            if (inputPosition == inputEnd) {
                return false;
            }
            bitBuffer |= (long) (input[inputPosition++] & 0xff) << bitCount;
            bitCount += 8;
        }
        return true;
    }

    /** Takes {@code count} bits after a successful {@link #fill}. */
    private int take(int count) {
        int value = (int) (bitBuffer & ((1L << count) - 1));
        bitBuffer >>>= count;
        bitCount -= count;
        return value;
    }

    private void alignToByte() {
        take(bitCount % 8);
    }

    // ---- the steps ----

    /** RFC 1950 §2.2: CMF (method 8, window size) and FLG (FCHECK makes CMF·256 + FLG a multiple of 31, FDICT). */
    private void readZlibHeader() throws DataFormatException {
        checkpoint();
        if (!fill(16)) {
            starve();
            return;
        }
        int cmf = take(8);
        int flg = take(8);
        if ((cmf * 256 + flg) % 31 != 0) {
            throw new DataFormatException("incorrect header check");
        }
        if ((cmf & 0x0f) != 8) {
            throw new DataFormatException("unknown compression method");
        }
        if ((cmf >>> 4) + 8 > 15) {
            throw new DataFormatException("invalid window size");
        }
        state = (flg & 0x20) != 0 ? State.DICTIONARY_ID : State.BLOCK_HEADER;
    }

    /** RFC 1950 §2.2: DICTID, the Adler-32 of the preset dictionary, most significant byte first. */
    private void readDictionaryId() {
        checkpoint();
        if (!fill(32)) {
            starve();
            return;
        }
        dictionaryId = Integer.reverseBytes(take(32));
        needsDictionary = true;
        state = State.BLOCK_HEADER;
    }

    /** RFC 1951 §3.2.3: BFINAL and BTYPE, then the stored lengths (§3.2.4) or the dynamic codes (§3.2.7). */
    private void readBlockHeader() throws DataFormatException {
        if (lastBlock) {
            finishBlocks();
            return;
        }
        checkpoint();
        if (!fill(3)) {
            starve();
            return;
        }
        boolean last = take(1) == 1;
        int type = take(2);
        switch (type) {
            case 0 -> {
                alignToByte();
                if (!fill(32)) {
                    starve();
                    return;
                }
                int length = take(16);
                int complement = take(16);
                if (length != (~complement & 0xffff)) {
                    throw new DataFormatException("invalid stored block lengths");
                }
                storedRemaining = length;
                state = State.STORED;
            }
            case 1 -> {
                literalCode = FixedCodes.LITERALS;
                distanceCode = FixedCodes.DISTANCES;
                state = State.CODES;
            }
            case 2 -> {
                if (!readDynamicCodes()) {
                    starve();
                    return;
                }
                state = State.CODES;
            }
            default -> throw new DataFormatException("invalid block type");
        }
        lastBlock = last;
    }

    private void finishBlocks() {
        alignToByte();
        state = nowrap ? State.DONE : State.TRAILER;
    }

    /** RFC 1951 §3.2.7; false when the input ends inside the description. */
    private boolean readDynamicCodes() throws DataFormatException {
        if (!fill(14)) {
            return false;
        }
        int literalCount = take(5) + 257;
        int distanceCount = take(5) + 1;
        int codeLengthCount = take(4) + 4;
        if (literalCount > 286 || distanceCount > 30) {
            throw new DataFormatException("too many length or distance symbols");
        }
        int[] codeLengthLengths = new int[19];
        for (int i = 0; i < codeLengthCount; i++) {
            if (!fill(3)) {
                return false;
            }
            codeLengthLengths[DeflateFormat.CODE_LENGTH_ORDER[i]] = take(3);
        }
        HuffmanCode codeLengthCode = new HuffmanCode(codeLengthLengths, 19);
        if (codeLengthCode.unusedCodes != 0) {
            throw new DataFormatException("invalid code lengths set");
        }
        int[] lengths = new int[literalCount + distanceCount];
        int index = 0;
        while (index < lengths.length) {
            int symbol = codeLengthCode.decode(this);
            if (symbol == HuffmanCode.NEED_INPUT) {
                return false;
            }
            if (symbol < 16) {
                lengths[index++] = symbol;
                continue;
            }
            int repeated = 0;
            int times;
            if (symbol == 16) {
                if (index == 0) {
                    throw new DataFormatException("invalid bit length repeat");
                }
                repeated = lengths[index - 1];
                if (!fill(2)) {
                    return false;
                }
                times = 3 + take(2);
            } else if (symbol == 17) {
                if (!fill(3)) {
                    return false;
                }
                times = 3 + take(3);
            } else {
                if (!fill(7)) {
                    return false;
                }
                times = 11 + take(7);
            }
            if (index + times > lengths.length) {
                throw new DataFormatException("invalid bit length repeat");
            }
            Arrays.fill(lengths, index, index + times, repeated);
            index += times;
        }
        if (lengths[DeflateFormat.END_OF_BLOCK] == 0) {
            throw new DataFormatException("invalid code -- missing end-of-block");
        }
        HuffmanCode literals = new HuffmanCode(lengths, literalCount);
        if (literals.unusedCodes < 0 || (literals.unusedCodes > 0 && literals.usedSymbols != 1)) {
            throw new DataFormatException("invalid literal/lengths set");
        }
        HuffmanCode distances = new HuffmanCode(Arrays.copyOfRange(lengths, literalCount, lengths.length), distanceCount);
        if (distances.unusedCodes < 0 || (distances.unusedCodes > 0 && distances.usedSymbols > 1)) {
            throw new DataFormatException("invalid distances set");
        }
        literalCode = literals;
        distanceCode = distances;
        return true;
    }

    private int copyStored(byte[] b, int off, int len) {
        int count = Math.min(Math.min(storedRemaining, len), inputEnd - inputPosition);
        for (int i = 0; i < count; i++) {
            byte value = input[inputPosition++];
            b[off + i] = value;
            toWindow(value);
        }
        outputChecksum.update(b, off, count);
        storedRemaining -= count;
        if (storedRemaining == 0) {
            state = State.BLOCK_HEADER;
        } else if (count < len) {
            starved = true;
        }
        return count;
    }

    /** Literals and matches (§3.2.5) until the end-of-block code, the caller's space ends or the input does. */
    private int decodeCodes(byte[] b, int off, int len) throws DataFormatException {
        int written = 0;
        while (written < len) {
            if (matchRemaining > 0) {
                byte value = window[(windowPosition - matchDistance) & (DeflateFormat.WINDOW_SIZE - 1)];
                b[off + written++] = value;
                toWindow(value);
                matchRemaining--;
                continue;
            }
            checkpoint();
            int symbol = literalCode.decode(this);
            if (symbol == HuffmanCode.NEED_INPUT) {
                starve();
                break;
            }
            if (symbol < 256) {
                b[off + written++] = (byte) symbol;
                toWindow((byte) symbol);
                continue;
            }
            if (symbol == DeflateFormat.END_OF_BLOCK) {
                state = State.BLOCK_HEADER;
                break;
            }
            int lengthCode = symbol - 257;
            if (lengthCode >= DeflateFormat.LENGTH_BASE.length) {
                throw new DataFormatException("invalid literal/length code");
            }
            int lengthExtra = DeflateFormat.LENGTH_EXTRA_BITS[lengthCode];
            if (!fill(lengthExtra)) {
                starve();
                break;
            }
            int length = DeflateFormat.LENGTH_BASE[lengthCode] + take(lengthExtra);
            int distanceSymbol = distanceCode.decode(this);
            if (distanceSymbol == HuffmanCode.NEED_INPUT) {
                starve();
                break;
            }
            if (distanceSymbol >= DeflateFormat.DISTANCE_BASE.length) {
                throw new DataFormatException("invalid distance code");
            }
            int distanceExtra = DeflateFormat.DISTANCE_EXTRA_BITS[distanceSymbol];
            if (!fill(distanceExtra)) {
                starve();
                break;
            }
            int distance = DeflateFormat.DISTANCE_BASE[distanceSymbol] + take(distanceExtra);
            if (distance > windowFill) {
                throw new DataFormatException("invalid distance too far back");
            }
            matchRemaining = length;
            matchDistance = distance;
        }
        outputChecksum.update(b, off, written);
        return written;
    }

    /** RFC 1950 §2.2: ADLER32 of the uncompressed data, most significant byte first. */
    private void readTrailer() throws DataFormatException {
        checkpoint();
        if (!fill(32)) {
            starve();
            return;
        }
        int expected = Integer.reverseBytes(take(32));
        if (expected != (int) outputChecksum.getValue()) {
            throw new DataFormatException("incorrect data check");
        }
        state = State.DONE;
    }

    private void toWindow(byte value) {
        window[windowPosition] = value;
        windowPosition = (windowPosition + 1) & (DeflateFormat.WINDOW_SIZE - 1);
        if (windowFill < DeflateFormat.WINDOW_SIZE) {
            windowFill++;
        }
    }

    /**
     * A canonical Huffman code (RFC 1951 §3.2.2) as the number of codes of each length and the symbols in code
     * order; decoding walks the lengths, one bit at a time, keeping the first code of the current length.
     */
    private static final class HuffmanCode {
        static final int NEED_INPUT = -1;
        private static final int MAX_BITS = 15;

        final int[] countOfLength = new int[MAX_BITS + 1];
        final int[] symbolsInCodeOrder;
        /** Codes left unassigned: 0 for a complete code, negative when the lengths over-subscribe it. */
        final int unusedCodes;
        final int usedSymbols;

        HuffmanCode(int[] lengths, int symbolCount) {
            int used = 0;
            for (int symbol = 0; symbol < symbolCount; symbol++) {
                countOfLength[lengths[symbol]]++;
                if (lengths[symbol] != 0) {
                    used++;
                }
            }
            usedSymbols = used;
            int left = 1;
            for (int length = 1; length <= MAX_BITS; length++) {
                left = left * 2 - countOfLength[length];
                if (left < 0) {
                    break;
                }
            }
            unusedCodes = used == 0 ? 0 : left;
            int[] firstIndex = new int[MAX_BITS + 2];
            for (int length = 1; length <= MAX_BITS; length++) {
                firstIndex[length + 1] = firstIndex[length] + countOfLength[length];
            }
            symbolsInCodeOrder = new int[Math.max(used, 1)];
            for (int symbol = 0; symbol < symbolCount; symbol++) {
                if (lengths[symbol] != 0) {
                    symbolsInCodeOrder[firstIndex[lengths[symbol]]++] = symbol;
                }
            }
        }

        int decode(Inflater reader) throws DataFormatException {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int length = 1; length <= MAX_BITS; length++) {
                if (!reader.fill(1)) {
                    return NEED_INPUT;
                }
                code |= reader.take(1);
                int count = countOfLength[length];
                if (code - first < count) {
                    return symbolsInCodeOrder[index + code - first];
                }
                index += count;
                first = (first + count) << 1;
                code <<= 1;
            }
            throw new DataFormatException(this == FixedCodes.DISTANCES ? "invalid distance code" : "invalid code");
        }
    }

    private static final class FixedCodes {
        static final HuffmanCode LITERALS = new HuffmanCode(DeflateFormat.fixedLiteralLengths(), 288);
        static final HuffmanCode DISTANCES = new HuffmanCode(DeflateFormat.fixedDistanceLengths(), 32);
    }
}
