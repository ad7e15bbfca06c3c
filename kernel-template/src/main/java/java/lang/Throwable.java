package java.lang;

import java.io.PrintStream;
import kiln.runtime.Exceptions;

/**
 * The superclass of everything {@code throw} accepts. The stack trace is kept as the return addresses of
 * the frames (see {@link Exceptions#backtrace}) and turned into method names only when printed, which
 * keeps creating an exception cheap. {@link #setStackTrace} replaces them with the elements it is given (jsoup's
 * {@code ValidationException} drops its validator's frames that way); printing then writes those elements.
 */
public class Throwable implements java.io.Serializable {
    private String detailMessage;
    /** {@code this} means "not set yet", so that {@link #initCause} can still be called once. */
    private Throwable cause = this;
    private long[] backtrace;
    /** Set by {@link #setStackTrace}: when not null, the trace, instead of {@link #backtrace}. */
    private StackTraceElement[] assignedStackTrace;
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
            assignedStackTrace = null;
        }
        return this;
    }

    /** Elements with class, method, source file and line, from the compiler's method and line tables. */
    public StackTraceElement[] getStackTrace() {
        if (assignedStackTrace != null) {
            return assignedStackTrace.clone();
        }
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

    /**
     * Replaces the trace with a copy of {@code stackTrace}, which must hold no null (NullPointerException naming
     * the index, as on the JDK); ignored when the constructor made the trace not writable.
     */
    public void setStackTrace(StackTraceElement[] stackTrace) {
        StackTraceElement[] copy = stackTrace.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                throw new NullPointerException("stackTrace[" + i + "]");
            }
        }
        if (stackTraceWritable) {
            assignedStackTrace = copy;
        }
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
        for (int i = 0, depth = depth(); i < depth; i++) {
            s.println("\tat " + frame(i));
        }
        printRelated(s, "", seen);
    }

    private void printRelated(Lines s, String prefix, Seen seen) {
        if (suppressed != null) {
            for (Throwable t : suppressed) {
                t.printEnclosedTrace(s, this, "Suppressed: ", prefix + "\t", seen);
            }
        }
        Throwable ourCause = getCause();
        if (ourCause != null) {
            ourCause.printEnclosedTrace(s, this, "Caused by: ", prefix, seen);
        }
    }

    private void printEnclosedTrace(Lines s, Throwable enclosing, String caption, String prefix, Seen seen) {
        if (!seen.add(this)) {
            s.println(prefix + caption + "[CIRCULAR REFERENCE: " + this + "]");
            return;
        }
        int depth = depth();
        int unique = depth;
        for (int e = enclosing.depth(); unique > 0 && e > 0 && frame(unique - 1).equals(enclosing.frame(e - 1)); e--) {
            unique--;
        }
        s.println(prefix + caption + this);
        for (int i = 0; i < unique; i++) {
            s.println(prefix + "\tat " + frame(i));
        }
        if (unique < depth) {
            s.println(prefix + "\t... " + (depth - unique) + " more");
        }
        printRelated(s, prefix, seen);
    }

    private long[] trace() {
        return backtrace == null ? new long[0] : backtrace;
    }

    /** How many frames the trace has: the assigned elements, or the recorded return addresses. */
    private int depth() {
        return assignedStackTrace != null ? assignedStackTrace.length : trace().length;
    }

    /**
     * Frame {@code i} as printed, "pkg.Class.method(File.java:12)": an assigned element's own text, or a recorded
     * return address looked up. Enclosed traces compare these texts, as HotSpot compares elements; they are made
     * one at a time, so printing a deep trace holds no copy of it.
     */
    private String frame(int i) {
        return assignedStackTrace != null ? assignedStackTrace[i].toString() : Exceptions.frameAt(backtrace[i]);
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
