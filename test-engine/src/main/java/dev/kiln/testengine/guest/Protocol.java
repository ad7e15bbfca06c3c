package dev.kiln.testengine.guest;

import java.util.ArrayList;
import java.util.List;

/**
 * The line protocol between the test runner in the guest and {@code kiln:test} on the host, written to the
 * serial port. Used on both sides, so that the two agree by construction.
 *
 * <p>A record is one line: {@link #PREFIX}, the record kind, then fields, each preceded by a tab. Fields are
 * escaped ({@code \\}, {@code \t}, {@code \n}, {@code \r}), so a record never spans lines; the single field
 * {@code \0} stands for {@code null}. Everything the tests print goes through the runner's own
 * {@code System.out}/{@code System.err}, which turns it into {@code out}/{@code err} records, so any line
 * without the prefix was written past the runner: by the kernel (a panic, an uncaught exception) or before
 * the runner started.
 *
 * <pre>
 * plan    count                                   the number of tests known at build time
 * start   className  name  displayName            a test begins (className as Surefire reports it)
 * out     text                                    the running test printed text on System.out
 * err     text                                    ... on System.err
 * end     outcome  nanos  type  message  trace    the running test ended: passed, failure, error or skipped
 * done    count                                   every test ran; count = the number of start records
 * </pre>
 */
public final class Protocol {
    /** Starts every record; chosen so that no ordinary program output starts with it. */
    public static final String PREFIX = "##kiln-test\t";
    public static final String PLAN = "plan";
    public static final String START = "start";
    public static final String OUT = "out";
    public static final String ERR = "err";
    public static final String END = "end";
    public static final String DONE = "done";

    public static final String PASSED = "passed";
    public static final String FAILURE = "failure";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";

    private static final String NULL = "\\0";

    private Protocol() {
    }

    /** One record line, without the line end. */
    public static String record(String kind, String... fields) {
        StringBuilder line = new StringBuilder(PREFIX).append(kind);
        for (String field : fields) {
            line.append('\t').append(escape(field));
        }
        return line.toString();
    }

    /**
     * The kind and fields of a record line, or null if {@code line} is not a record. The record must start the
     * line: text before the prefix comes from code that wrote to the serial port past the runner without ending
     * its line; {@link #recordStart} finds such records.
     */
    public static String[] parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        int start = PREFIX.length();
        while (true) {
            int tab = line.indexOf('\t', start);
            String raw = tab < 0 ? line.substring(start) : line.substring(start, tab);
            fields.add(fields.isEmpty() ? raw : unescape(raw));
            if (tab < 0) {
                return fields.toArray(new String[0]);
            }
            start = tab + 1;
        }
    }

    /** Where a record starts in {@code line}, or -1 if there is none. */
    public static int recordStart(String line) {
        return line.indexOf(PREFIX);
    }

    public static String escape(String text) {
        if (text == null) {
            return NULL;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\t' -> escaped.append("\\t");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    public static String unescape(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                text.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
