package java.util;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;

/**
 * Kiln's Scanner: the JDK's behaviour for the methods console programs use (tokens separated by
 * whitespace, {@code nextLine}, {@code int}/{@code long}/{@code double}/{@code boolean} tokens), on a plain
 * {@code char[]} buffer.
 *
 * <p>Why not the JDK's: it scans a {@code java.nio.CharBuffer} with regular expressions built from the
 * default locale's {@code DecimalFormatSymbols}, which pulls in NIO ({@code Unsafe}, {@code ScopedMemoryAccess}),
 * the locale-provider machinery (reflection, {@code ServiceLoader}) and {@code Matcher.hitEnd}/{@code requireEnd},
 * which Kiln's regex engine does not have. Rejected: substituting those three (far more code than this class).
 *
 * <p>What differs from the JDK: the delimiter is always whitespace ({@code Character.isWhitespace}, the JDK's
 * default); numbers are read without locale group separators ({@code "1,000"} is not an int here) and in
 * radix 10; there is no {@code useDelimiter}, {@code findInLine}, {@code Readable}/{@code File} source or
 * {@code tokens()}; a program that calls them fails the build naming the method. As in the JDK, nothing is
 * consumed by {@code hasNext...}, an I/O error of the source ends the input ({@link #ioException()} answers it),
 * and a scan reads the source only as far as it must, so a token typed on the console is answered when its
 * line is complete.
 */
public final class Scanner implements Iterator<String>, Closeable {
    private final Reader source;
    private char[] buffer = new char[1024];
    /** Next unread char; {@code limit} is the end of what was read. */
    private int position;
    private int limit;
    private boolean sourceAtEnd;
    private boolean closed;
    private IOException lastException;
    /** Where the token {@link #peekToken} found last ends. */
    private int peekedEnd;

    public Scanner(InputStream source) {
        this(new InputStreamReader(Objects.requireNonNull(source, "source")));
    }

    public Scanner(String source) {
        this(new StringReader(source));
    }

    private Scanner(Reader source) {
        this.source = source;
    }

    @Override
    public boolean hasNext() {
        return tokenStart() >= 0;
    }

    @Override
    public String next() {
        String token = peekToken();
        if (token == null) {
            throw new NoSuchElementException();
        }
        position = peekedEnd;
        return token;
    }

    public boolean hasNextInt() {
        return parsed(TokenKind.INT) != null;
    }

    public int nextInt() {
        return ((Number) nextOfKind(TokenKind.INT)).intValue();
    }

    public boolean hasNextLong() {
        return parsed(TokenKind.LONG) != null;
    }

    public long nextLong() {
        return ((Number) nextOfKind(TokenKind.LONG)).longValue();
    }

    public boolean hasNextDouble() {
        return parsed(TokenKind.DOUBLE) != null;
    }

    public double nextDouble() {
        return ((Number) nextOfKind(TokenKind.DOUBLE)).doubleValue();
    }

    public boolean hasNextBoolean() {
        return parsed(TokenKind.BOOLEAN) != null;
    }

    public boolean nextBoolean() {
        return (Boolean) nextOfKind(TokenKind.BOOLEAN);
    }

    /** True if there is any input left, even an empty line. */
    public boolean hasNextLine() {
        ensureOpen();
        while (position == limit && fill()) {
            // read on until there is a char or the source ends
        }
        return position < limit;
    }

    /** The rest of the current line without its line separator ({@code \n}, {@code \r\n}, {@code \r}, U+2028, U+2029, U+0085). */
    public String nextLine() {
        ensureOpen();
        int i = position;
        while (true) {
            if (i == limit) {
                int consumed = i - position;
                if (!fill()) {
                    if (consumed == 0) {
                        throw new NoSuchElementException("No line found");
                    }
                    String line = new String(buffer, position, consumed);
                    position = limit;
                    return line;
                }
                i = position + consumed;
                continue;
            }
            if (buffer[i] == '\r' && i + 1 == limit) {
                int consumed = i - position;
                fill(); // a '\n' after the '\r' belongs to the same separator
                i = position + consumed;
            }
            char c = buffer[i];
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                String line = new String(buffer, position, i - position);
                position = c == '\r' && i + 1 < limit && buffer[i + 1] == '\n' ? i + 2 : i + 1;
                return line;
            }
            i++;
        }
    }

    /** The last IOException the source threw (which ended the input), or null. */
    public IOException ioException() {
        return lastException;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            source.close();
        } catch (IOException e) {
            lastException = e;
        }
    }

    @Override
    public void remove() {
        throw new UnsupportedOperationException();
    }

    /** The token types with a {@code hasNextX}/{@code nextX} pair. */
    private enum TokenKind {
        INT, LONG, DOUBLE, BOOLEAN;

        /**
         * The token's value, or null if it is not written as this kind; NumberFormatException if it is but
         * does not fit (an int with eleven digits).
         */
        Object parse(String token) {
            switch (this) {
                case INT: return isInteger(token) ? (Object) Integer.parseInt(token) : null;
                case LONG: return isInteger(token) ? (Object) Long.parseLong(token) : null;
                case DOUBLE: return isDecimal(token) ? (Object) Double.parseDouble(token) : null;
                default:
                    return token.equalsIgnoreCase("true") ? Boolean.TRUE
                            : token.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
        }

        /** [+-] digits, digits of any script (as Character.digit reads them). */
        private static boolean isInteger(String token) {
            int i = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
            if (i == token.length()) {
                return false;
            }
            for (; i < token.length(); i++) {
                if (Character.digit(token.charAt(i), 10) < 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The decimal forms the JDK's Scanner accepts, a subset of Double.parseDouble's: [+-] digits [. digits]
         * [e [+-] digits], NaN, Infinity; no hexadecimal, no {@code d}/{@code f} suffix.
         */
        private static boolean isDecimal(String token) {
            int i = token.startsWith("+") || token.startsWith("-") ? 1 : 0;
            String unsigned = token.substring(i);
            if (unsigned.equals("NaN") || unsigned.equals("Infinity")) {
                return true;
            }
            int mantissaStart = i;
            boolean dot = false;
            for (; i < token.length(); i++) {
                char c = token.charAt(i);
                if (c == '.' && !dot) {
                    dot = true;
                } else if (c < '0' || c > '9') {
                    break;
                }
            }
            if (i - mantissaStart - (dot ? 1 : 0) == 0) {
                return false;
            }
            if (i < token.length() && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
                i++;
                if (i < token.length() && (token.charAt(i) == '+' || token.charAt(i) == '-')) {
                    i++;
                }
                int exponentStart = i;
                while (i < token.length() && token.charAt(i) >= '0' && token.charAt(i) <= '9') {
                    i++;
                }
                if (i == exponentStart) {
                    return false;
                }
            }
            return i == token.length();
        }
    }

    private Object parsed(TokenKind kind) {
        String token = peekToken();
        try {
            return token == null ? null : kind.parse(token);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * As the JDK: no token is NoSuchElementException; a token of another kind InputMismatchException, with
     * the NumberFormatException's message if the number does not fit. The token is not consumed then.
     */
    private Object nextOfKind(TokenKind kind) {
        String token = peekToken();
        if (token == null) {
            throw new NoSuchElementException();
        }
        Object value;
        try {
            value = kind.parse(token);
        } catch (NumberFormatException e) {
            throw new InputMismatchException(e.getMessage());
        }
        if (value == null) {
            throw new InputMismatchException();
        }
        position = peekedEnd;
        return value;
    }

    /** The next token without consuming it, or null at the end of input; it ends at {@link #peekedEnd}. */
    private String peekToken() {
        int start = tokenStart();
        if (start < 0) {
            return null;
        }
        peekedEnd = tokenEnd(start);
        start = tokenStart(); // the buffer may have moved while tokenEnd read on
        return new String(buffer, start, peekedEnd - start);
    }

    /** Where the next token starts, reading on past whitespace as needed; -1 if the input ends first. */
    private int tokenStart() {
        ensureOpen();
        int i = position;
        while (true) {
            while (i < limit && Character.isWhitespace(buffer[i])) {
                i++;
            }
            if (i < limit) {
                return i;
            }
            int skipped = i - position;
            if (!fill()) {
                return -1;
            }
            i = position + skipped;
        }
    }

    /** Where the token at {@code start} ends: at whitespace or the end of input, reading on as needed. */
    private int tokenEnd(int start) {
        int i = start;
        while (true) {
            while (i < limit && !Character.isWhitespace(buffer[i])) {
                i++;
            }
            if (i < limit) {
                return i;
            }
            int scanned = i - position;
            if (!fill()) {
                return i;
            }
            i = position + scanned;
        }
    }

    /**
     * Reads more of the source after {@code limit}, first moving the unread chars to the front (so indexes
     * relative to {@code position} stay valid) and growing the buffer when it is full. False at the end of input.
     */
    private boolean fill() {
        if (sourceAtEnd) {
            return false;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        try {
            int n = source.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                sourceAtEnd = true;
                return false;
            }
            limit += n;
            return true;
        } catch (IOException e) {
            lastException = e;
            sourceAtEnd = true;
            return false;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Scanner closed");
        }
    }
}
