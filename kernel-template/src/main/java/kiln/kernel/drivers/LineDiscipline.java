package kiln.kernel.drivers;

import java.util.function.IntConsumer;

/**
 * Canonical input, as a terminal's line discipline does it (POSIX.1-2017 "General Terminal Interface",
 * §11.1.6 "Canonical Mode Input Processing"), reduced to what a console needs: typed bytes are collected
 * into a line and echoed; the program gets nothing until the line is complete, then reads it whole or in
 * parts; only then is the next line edited.
 *
 * <table>
 *   <caption>Bytes with a meaning</caption>
 *   <tr><th>byte</th><th>effect</th></tr>
 *   <tr><td>{@code '\r'} or {@code '\n'} (Enter)</td><td>completes the line, which ends in {@code '\n'};
 *       a {@code '\n'} right after a {@code '\r'} is the same line end (a terminal's CR LF) and is skipped</td></tr>
 *   <tr><td>0x08 (Backspace) or 0x7F (DEL, what terminals send for Backspace)</td><td>erases the last
 *       character (all bytes of a UTF-8 sequence) and echoes {@code "\b \b"}; nothing at the line start</td></tr>
 *   <tr><td>0x04 (Ctrl-D, POSIX EOF)</td><td>completes the line without a line end; at the start of a line
 *       it is end of input: that read answers -1, and reading then goes on with the next line</td></tr>
 *   <tr><td>other control bytes except Tab (Escape, the first bytes of a terminal's arrow keys, ...)</td><td>
 *       ignored</td></tr>
 * </table>
 * A line holds at most {@value #MAX_LINE} bytes; further bytes are ignored until it is completed (Linux's
 * n_tty does the same). Echo goes to the console as each byte is processed, that is while the program
 * waits for input.
 *
 * <p>Rejected: processing and echoing in the interrupt handler, as Unix ttys do: echo would wait for the
 * UART transmitter inside the handler, and a handler must not wait. Here the handler only stores the byte
 * ({@link InputRing}) and the reader does the rest.
 */
final class LineDiscipline {
    static final int MAX_LINE = 4096;
    private static final int BACKSPACE = 0x08, DELETE = 0x7F, END_OF_TRANSMISSION = 0x04;

    private final IntConsumer echo;
    private final byte[] line = new byte[MAX_LINE];
    /** Bytes in {@link #line}: being edited while {@link #complete} is false, being read while it is true. */
    private int length;
    private int readPosition;
    private boolean complete;
    private boolean endOfInput;
    private boolean afterCarriageReturn;

    /** @param echo receives the bytes to show for what was typed */
    LineDiscipline(IntConsumer echo) {
        this.echo = echo;
    }

    /** True when a completed line (or end of input) is waiting to be read: feed no more bytes until it is. */
    boolean readable() {
        return complete || endOfInput;
    }

    /** Processes one byte typed or received. Must not be called while {@link #readable()}. */
    void accept(int b) {
        boolean lineEndPair = afterCarriageReturn && b == '\n';
        afterCarriageReturn = b == '\r';
        if (lineEndPair) {
            return;
        }
        if (b == '\r' || b == '\n') {
            store('\n');
            echo.accept('\n');
            complete = true;
        } else if (b == BACKSPACE || b == DELETE) {
            eraseCharacter();
        } else if (b == END_OF_TRANSMISSION) {
            if (length == 0) {
                endOfInput = true;
            } else {
                complete = true;
            }
        } else if ((b >= ' ' || b == '\t') && length < MAX_LINE - 1) { // keep room for the line end
            store(b);
            echo.accept(b);
        }
    }

    private void store(int b) {
        line[length++] = (byte) b;
    }

    private void eraseCharacter() {
        if (length == 0) {
            return;
        }
        do {
            length--;
        } while (length > 0 && (line[length] & 0xC0) == 0x80); // a UTF-8 continuation byte: erase its lead too
        echo.accept('\b');
        echo.accept(' ');
        echo.accept('\b');
    }

    /**
     * Copies up to {@code count} bytes of the completed line into {@code into[offset...]}; answers how many,
     * or -1 for end of input. Only while {@link #readable()}.
     */
    int read(byte[] into, int offset, int count) {
        if (endOfInput) {
            endOfInput = false;
            return -1;
        }
        int n = Math.min(count, length - readPosition);
        System.arraycopy(line, readPosition, into, offset, n);
        readPosition += n;
        if (readPosition == length) {
            length = 0;
            readPosition = 0;
            complete = false;
        }
        return n;
    }

    /** Bytes of the completed line not read yet (0 while a line is being edited). */
    int available() {
        return complete ? length - readPosition : 0;
    }
}
