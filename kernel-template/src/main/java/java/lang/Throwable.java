package java.lang;

import java.io.PrintStream;
import kiln.runtime.Exceptions;

/**
 * The superclass of everything {@code throw} accepts. The stack trace is kept as the return addresses of
 * the frames (see {@link Exceptions#backtrace}) and turned into method names only when printed, which
 * keeps creating an exception cheap. Traces print as {@code at pkg.Class.method}: there are no line
 * numbers yet.
 */
public class Throwable implements java.io.Serializable {
    private String detailMessage;
    /** {@code this} means "not set yet", so that {@link #initCause} can still be called once. */
    private Throwable cause = this;
    private long[] backtrace;
    private Throwable[] suppressed;
    private boolean stackTraceWritable = true;
    private boolean suppressionEnabled = true;

    public Throwable() {
        fillInStackTrace();
    }

    public Throwable(String message) {
        fillInStackTrace();
        detailMessage = message;
    }

    public Throwable(String message, Throwable cause) {
        fillInStackTrace();
        detailMessage = message;
        this.cause = cause;
    }

    public Throwable(Throwable cause) {
        fillInStackTrace();
        detailMessage = cause == null ? null : cause.toString();
        this.cause = cause;
    }

    protected Throwable(String message, Throwable cause, boolean enableSuppression, boolean writableStackTrace) {
        if (writableStackTrace) {
            fillInStackTrace();
        } else {
            stackTraceWritable = false;
        }
        detailMessage = message;
        this.cause = cause;
        suppressionEnabled = enableSuppression;
    }

    public String getMessage() {
        return detailMessage;
    }

    public String getLocalizedMessage() {
        return getMessage();
    }

    public Throwable getCause() {
        return cause == this ? null : cause;
    }

    public Throwable initCause(Throwable cause) {
        if (this.cause != this) {
            throw new IllegalStateException("Can't overwrite cause with " + (cause == null ? "a null" : cause.toString()), this);
        }
        if (cause == this) {
            throw new IllegalArgumentException("Self-causation not permitted", this);
        }
        this.cause = cause;
        return this;
    }

    public String toString() {
        String name = getClass().getName();
        String message = getLocalizedMessage();
        return message != null ? name + ": " + message : name;
    }

    public Throwable fillInStackTrace() {
        if (stackTraceWritable) {
            backtrace = Exceptions.backtrace(this);
        }
        return this;
    }

    /** Elements with class, method, source file and line, from the compiler's method and line tables. */
    public StackTraceElement[] getStackTrace() {
        long[] trace = trace();
        StackTraceElement[] elements = new StackTraceElement[trace.length];
        for (int i = 0; i < trace.length; i++) {
            String method = Exceptions.methodAt(trace[i]);
            int dot = method.lastIndexOf('.');
            elements[i] = new StackTraceElement(dot < 0 ? "" : method.substring(0, dot), method.substring(dot + 1),
                    Exceptions.sourceFileAt(trace[i]), Exceptions.lineAt(trace[i]));
        }
        return elements;
    }

    public final void addSuppressed(Throwable exception) {
        if (exception == this) {
            throw new IllegalArgumentException("Self-suppression not permitted", exception);
        }
        if (exception == null) {
            throw new NullPointerException("Cannot suppress a null exception.");
        }
        if (!suppressionEnabled) {
            return;
        }
        int count = suppressed == null ? 0 : suppressed.length;
        Throwable[] more = new Throwable[count + 1];
        if (count > 0) {
            System.arraycopy(suppressed, 0, more, 0, count);
        }
        more[count] = exception;
        suppressed = more;
    }

    public final Throwable[] getSuppressed() {
        return suppressed == null ? new Throwable[0] : suppressed.clone();
    }

    public void printStackTrace() {
        printStackTrace(System.err);
    }

    /**
     * HotSpot's format: this throwable and its frames, then each suppressed exception indented by a tab and
     * the cause chain, each of them without the outermost frames it shares with the trace that encloses it
     * ("... n more").
     */
    public void printStackTrace(PrintStream s) {
        printStackTrace(new StreamLines(s));
    }

    /** As {@link #printStackTrace(PrintStream)}, line by line through the writer's println. */
    public void printStackTrace(java.io.PrintWriter s) {
        printStackTrace(new WriterLines(s));
    }

    private void printStackTrace(Lines s) {
        Seen seen = new Seen();
        seen.add(this);
        s.println(String.valueOf(this));
        long[] trace = trace();
        for (long frame : trace) {
            s.println("\tat " + Exceptions.frameAt(frame));
        }
        printRelated(s, trace, "", seen);
    }

    private void printRelated(Lines s, long[] trace, String prefix, Seen seen) {
        if (suppressed != null) {
            for (Throwable t : suppressed) {
                t.printEnclosedTrace(s, trace, "Suppressed: ", prefix + "\t", seen);
            }
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedTrace(s, trace, "Caused by: ", prefix, seen);
        }
    }

    private void printEnclosedTrace(Lines s, long[] enclosingTrace, String caption, String prefix, Seen seen) {
        if (!seen.add(this)) {
            s.println(prefix + caption + "[CIRCULAR REFERENCE: " + this + "]");
            return;
        }
        long[] trace = trace();
        int unique = trace.length;
        for (int e = enclosingTrace.length; unique > 0 && e > 0 && trace[unique - 1] == enclosingTrace[e - 1]; e--) {
            unique--;
        }
        s.println(prefix + caption + this);
        for (int i = 0; i < unique; i++) {
            s.println(prefix + "\tat " + Exceptions.frameAt(trace[i]));
        }
        if (unique < trace.length) {
            s.println(prefix + "\t... " + (trace.length - unique) + " more");
        }
        printRelated(s, trace, prefix, seen);
    }

    private long[] trace() {
        return backtrace == null ? new long[0] : backtrace;
    }

    /** Where a trace is printed: each line through the destination's own println, which flushes it if it autoflushes. */
    private abstract static class Lines {
        abstract void println(String line);
    }

    private static final class StreamLines extends Lines {
        private final PrintStream stream;

        StreamLines(PrintStream stream) {
            this.stream = stream;
        }

        @Override
        void println(String line) {
            stream.println(line);
        }
    }

    private static final class WriterLines extends Lines {
        private final java.io.PrintWriter writer;

        WriterLines(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        void println(String line) {
            writer.println(line);
        }
    }

    /** Throwables already printed, by identity: a cause chain may loop. */
    private static final class Seen {
        private Throwable[] items = new Throwable[4];
        private int count;

        /** False if {@code t} was already there. */
        boolean add(Throwable t) {
            for (int i = 0; i < count; i++) {
                if (items[i] == t) {
                    return false;
                }
            }
            if (count == items.length) {
                Throwable[] more = new Throwable[count * 2];
                System.arraycopy(items, 0, more, 0, count);
                items = more;
            }
            items[count++] = t;
            return true;
        }
    }
}
