package java.io;

/**
 * Prints text as UTF-8 bytes. Unlike the JDK's, it extends OutputStream directly rather than
 * FilterOutputStream and has no charset choice; printf/format run the JDK's java.util.Formatter. As in the JDK, it
 * never throws IOException: a failure sets the error flag that {@link #checkError()} reports.
 * Floating-point values are formatted by the JDK's own Float/Double.toString (FloatingDecimal).
 */
public class PrintStream extends OutputStream implements Appendable, Closeable {
    private final OutputStream out;
    private final boolean autoFlush;
    private boolean trouble;

    public PrintStream(OutputStream out) {
        this(out, false);
    }

    /** With {@code autoFlush}, flushes after println, after writing a byte array, and after a '\n' is written. */
    public PrintStream(OutputStream out, boolean autoFlush) {
        if (out == null) {
            throw new NullPointerException("Null output stream");
        }
        this.out = out;
        this.autoFlush = autoFlush;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            trouble = true;
        }
    }

    public boolean checkError() {
        flush();
        return trouble;
    }

    protected void setError() {
        trouble = true;
    }

    protected void clearError() {
        trouble = false;
    }

    public void write(int b) {
        try {
            out.write(b);
            if (b == '\n' && autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void write(byte[] buf, int off, int len) {
        try {
            out.write(buf, off, len);
            if (autoFlush) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    public void write(byte[] buf) throws IOException {
        write(buf, 0, buf.length);
    }

    public void writeBytes(byte[] buf) {
        write(buf, 0, buf.length);
    }

    private void writeText(String s) {
        byte[] bytes = s.getBytes();
        try {
            out.write(bytes, 0, bytes.length);
            if (autoFlush && s.indexOf('\n') >= 0) {
                out.flush();
            }
        } catch (IOException e) {
            trouble = true;
        }
    }

    private void newLine() {
        writeText("\n");
    }

    public void print(boolean b) {
        writeText(String.valueOf(b));
    }

    public void print(char c) {
        writeText(String.valueOf(c));
    }

    public void print(int i) {
        writeText(String.valueOf(i));
    }

    public void print(long l) {
        writeText(String.valueOf(l));
    }

    public void print(float f) {
        writeText(String.valueOf(f));
    }

    public void print(double d) {
        writeText(String.valueOf(d));
    }

    public void print(char[] s) {
        writeText(new String(s));
    }

    public void print(String s) {
        writeText(String.valueOf(s));
    }

    public void print(Object obj) {
        writeText(String.valueOf(obj));
    }

    public void println() {
        newLine();
    }

    public void println(boolean x) {
        print(x);
        newLine();
    }

    public void println(char x) {
        print(x);
        newLine();
    }

    public void println(int x) {
        print(x);
        newLine();
    }

    public void println(long x) {
        print(x);
        newLine();
    }

    public void println(float x) {
        print(x);
        newLine();
    }

    public void println(double x) {
        print(x);
        newLine();
    }

    public void println(char[] x) {
        print(x);
        newLine();
    }

    public void println(String x) {
        print(x);
        newLine();
    }

    public void println(Object x) {
        print(String.valueOf(x));
        newLine();
    }

    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    public PrintStream printf(java.util.Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    public PrintStream format(String format, Object... args) {
        return format(java.util.Locale.getDefault(java.util.Locale.Category.FORMAT), format, args);
    }

    /**
     * The JDK's Formatter writing into this stream as it goes (so the text before a bad specifier is printed, as
     * on the JDK), under this stream's lock so that concurrent lines do not interleave.
     */
    public PrintStream format(java.util.Locale l, String format, Object... args) {
        synchronized (this) {
            new java.util.Formatter((Appendable) this, l).format(l, format, args);
        }
        return this;
    }

    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    public PrintStream append(CharSequence csq, int start, int end) {
        if (csq == null) {
            csq = "null";
        }
        return append(csq.subSequence(start, end));
    }

    public PrintStream append(char c) {
        print(c);
        return this;
    }
}
