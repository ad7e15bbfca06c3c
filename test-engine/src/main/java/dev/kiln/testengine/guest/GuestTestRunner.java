package dev.kiln.testengine.guest;

import org.opentest4j.TestAbortedException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs a test plan in the guest with JUnit Jupiter's semantics and reports over the serial port in the
 * {@link Protocol}. The plan was discovered at build time ({@code dev.kiln.testengine.TestDiscovery}) and is
 * handed over as text lines; every call it makes goes through the generated {@link TestCalls} tables.
 *
 * <p>Semantics kept from Jupiter (JUnit 5 User Guide §2.3–2.16): a new instance of the test class for every
 * test unless {@code @TestInstance(PER_CLASS)}; for a {@code @Nested} class, the enclosing instances first
 * (the enclosing class's shared instance if it is PER_CLASS, else new ones); {@code @BeforeEach} methods from
 * the outermost class inwards, {@code @AfterEach} from the innermost outwards, and always, even after a
 * failure; the first exception is the test's result, later ones are added to it as suppressed;
 * {@code @BeforeAll}/{@code @AfterAll} once around a class's tests and nested classes; after a failed
 * {@code @BeforeAll} none of the class's tests runs, and the failure is reported as Surefire reports it, as a
 * test case with an empty name (so is a failed {@code @AfterAll}); an aborted assumption skips. {@code @Timeout} is checked
 * when the test returns (Jupiter's {@code SAME_THREAD} mode, which also cannot stop code that ignores
 * interrupts); a test that never returns is ended by the guest-wide timeout on the host.
 *
 * <p>Plan lines (fields separated by tabs, escaped as in {@link Protocol}):
 * <pre>
 * class        id  className  enclosingId|-1  perClass  constructorCall  disabledReason
 * before-all   classId  call           (likewise after-all, before-each, after-each)
 * test         classId  name  displayName  call  disabledReason  timeoutNanos  timeoutText  source
 * row          literal...              (one argument list of the test above)
 * </pre>
 * A call is {@code table:number}; {@code source} is {@code none}, {@code repeat:n}, {@code rows} or
 * {@code factory:table:number}. Literals: {@code i:} int, {@code j:} long, {@code s:} short, {@code b:} byte,
 * {@code c:} char, {@code z:} boolean, {@code f:} float, {@code d:} double, {@code t:} String,
 * {@code e:table:number} an enum constant, {@code n:} null.
 */
public final class GuestTestRunner {
    private final TestCalls[] tables;
    private final PrintStream serial;
    private final RecordingStream out;
    private final RecordingStream err;
    private final List<ClassNode> classes = new ArrayList<>();
    private int started;

    private GuestTestRunner(TestCalls[] tables, PrintStream serial) {
        this.tables = tables;
        this.serial = serial;
        this.out = new RecordingStream(serial, Protocol.OUT);
        this.err = new RecordingStream(serial, Protocol.ERR);
    }

    /** The generated main class calls this with its plan and call tables. */
    public static void run(String[] plan, TestCalls[] tables) {
        PrintStream serial = System.out;
        GuestTestRunner runner = new GuestTestRunner(tables, serial);
        int planned = runner.read(plan);
        serial.println(Protocol.record(Protocol.PLAN, Integer.toString(planned)));
        System.setOut(new PrintStream(runner.out, true));
        System.setErr(new PrintStream(runner.err, true));
        try {
            for (ClassNode node : runner.classes) {
                if (node.enclosing == null) {
                    runner.runClass(node);
                }
            }
        } finally {
            runner.sendPendingOutput();
            System.setOut(serial);
            System.setErr(serial);
        }
        serial.println(Protocol.record(Protocol.DONE, Integer.toString(runner.started)));
    }

    // ---- the plan ------------------------------------------------------------------------------------------

    private static final class ClassNode {
        String name;
        ClassNode enclosing;
        boolean perClass;
        String constructor;
        String disabledReason;
        final List<String> beforeAll = new ArrayList<>();
        final List<String> afterAll = new ArrayList<>();
        final List<String> beforeEach = new ArrayList<>();
        final List<String> afterEach = new ArrayList<>();
        final List<TestNode> tests = new ArrayList<>();
        final List<ClassNode> nested = new ArrayList<>();
        Object sharedInstance;
    }

    private static final class TestNode {
        ClassNode owner;
        String name;
        String displayName;
        String call;
        String disabledReason;
        long timeoutNanos;
        String timeoutText;
        String source;
        final List<String[]> rows = new ArrayList<>();
    }

    /** Reads the plan; returns how many test invocations it names (factories count once: their size is unknown). */
    private int read(String[] plan) {
        List<ClassNode> byId = new ArrayList<>();
        TestNode last = null;
        int planned = 0;
        for (String line : plan) {
            String[] f = line.split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = Protocol.unescape(f[i]);
            }
            switch (f[0]) {
                case "class" -> {
                    ClassNode node = new ClassNode();
                    node.name = f[2];
                    int enclosing = Integer.parseInt(f[3]);
                    node.enclosing = enclosing < 0 ? null : byId.get(enclosing);
                    node.perClass = Boolean.parseBoolean(f[4]);
                    node.constructor = f[5];
                    node.disabledReason = f[6];
                    if (node.enclosing != null) {
                        node.enclosing.nested.add(node);
                    }
                    byId.add(node);
                    classes.add(node);
                }
                case "before-all" -> byId.get(Integer.parseInt(f[1])).beforeAll.add(f[2]);
                case "after-all" -> byId.get(Integer.parseInt(f[1])).afterAll.add(f[2]);
                case "before-each" -> byId.get(Integer.parseInt(f[1])).beforeEach.add(f[2]);
                case "after-each" -> byId.get(Integer.parseInt(f[1])).afterEach.add(f[2]);
                case "test" -> {
                    last = new TestNode();
                    last.owner = byId.get(Integer.parseInt(f[1]));
                    last.name = f[2];
                    last.displayName = f[3];
                    last.call = f[4];
                    last.disabledReason = f[5];
                    last.timeoutNanos = Long.parseLong(f[6]);
                    last.timeoutText = f[7];
                    last.source = f[8];
                    last.owner.tests.add(last);
                    planned += last.source.startsWith("repeat:") ? Integer.parseInt(last.source.substring(7)) : 1;
                }
                case "row" -> {
                    String[] row = new String[f.length - 1];
                    System.arraycopy(f, 1, row, 0, row.length);
                    last.rows.add(row);
                    planned += last.rows.size() == 1 ? 0 : 1;
                }
                default -> throw new IllegalStateException("unknown plan line: " + line);
            }
        }
        return planned;
    }

    // ---- running ---------------------------------------------------------------------------------------------

    /**
     * A class: its shared instance (PER_CLASS), {@code @BeforeAll}, its tests, its nested classes, {@code @AfterAll}.
     * When the instance or a {@code @BeforeAll} fails, none of the tests runs, {@code @AfterAll} still does, and
     * the failure is reported as Surefire reports a failed class: one test case with an empty name.
     */
    private void runClass(ClassNode node) {
        if (node.disabledReason != null) {
            skipAll(node, node.disabledReason);
            return;
        }
        Throwable classFailure = null;
        try {
            if (node.perClass) {
                node.sharedInstance = construct(node);
            }
            for (String call : node.beforeAll) {
                call(call, node.sharedInstance, null);
            }
        } catch (Throwable failure) {
            classFailure = failure;
        }
        if (classFailure == null) {
            for (TestNode test : node.tests) {
                runTest(test);
            }
            for (ClassNode nested : node.nested) {
                runClass(nested);
            }
        }
        if (node.sharedInstance != null || !node.perClass) {
            for (String call : node.afterAll) {
                try {
                    call(call, node.sharedInstance, null);
                } catch (Throwable failure) {
                    classFailure = classFailure == null ? failure : withSuppressed(classFailure, failure);
                }
            }
        }
        if (classFailure != null) {
            start(node.name, "", node.name);
            end(classFailure, 0);
        }
        node.sharedInstance = null;
    }

    private void skipAll(ClassNode node, String reason) {
        for (TestNode test : node.tests) {
            for (String name : invocationNames(test)) {
                start(node.name, name, test.displayName);
                sendEnd(Protocol.SKIPPED, 0, null, reason, null);
            }
        }
        for (ClassNode nested : node.nested) {
            skipAll(nested, reason);
        }
    }

    /** The names a test is reported under before it runs (a factory's rows are unknown: the plain name). */
    private static List<String> invocationNames(TestNode test) {
        List<String> names = new ArrayList<>();
        if (test.source.startsWith("repeat:")) {
            int count = Integer.parseInt(test.source.substring(7));
            for (int i = 1; i <= count; i++) {
                names.add(test.name + "[" + i + "]");
            }
        } else if (test.source.equals("rows")) {
            for (int i = 1; i <= test.rows.size(); i++) {
                names.add(test.name + "[" + i + "]");
            }
        } else {
            names.add(test.name);
        }
        return names;
    }

    private void runTest(TestNode test) {
        if (test.disabledReason != null) {
            for (String name : invocationNames(test)) {
                start(test.owner.name, name, test.displayName);
                sendEnd(Protocol.SKIPPED, 0, null, test.disabledReason, null);
            }
            return;
        }
        if (test.source.startsWith("repeat:")) {
            int count = Integer.parseInt(test.source.substring(7));
            int failures = 0;
            for (int i = 1; i <= count; i++) {
                boolean passed = invoke(test, test.name + "[" + i + "]",
                        new Object[] {new Repetition(i, count, failures)});
                failures += passed ? 0 : 1;
            }
        } else if (test.source.equals("rows")) {
            for (int i = 0; i < test.rows.size(); i++) {
                invoke(test, test.name + "[" + (i + 1) + "]", arguments(test.rows.get(i)));
            }
        } else if (test.source.startsWith("factory:")) {
            String[] factory = test.source.split(":");
            Object[][] rows;
            try {
                rows = (Object[][]) call(factory[1] + ":" + factory[2], null, null);
            } catch (Throwable failure) {
                // JUnit reports a failing argument source on the test method's container; Surefire shows it
                // under the method's plain name.
                start(test.owner.name, test.name, test.displayName);
                end(failure, 0);
                return;
            }
            for (int i = 0; i < rows.length; i++) {
                invoke(test, test.name + "[" + (i + 1) + "]", rows[i]);
            }
        } else {
            invoke(test, test.name, new Object[0]);
        }
    }

    /** One invocation of a test method with its lifecycle around it; true if it passed. */
    private boolean invoke(TestNode test, String name, Object[] arguments) {
        start(test.owner.name, name, test.displayName);
        long begin = System.nanoTime();
        ClassNode node = test.owner;
        List<ClassNode> chain = new ArrayList<>();
        for (ClassNode c = node; c != null; c = c.enclosing) {
            chain.add(0, c);
        }
        Object[] instances = new Object[chain.size()];
        Throwable failure = null;
        int readyLevels = 0;
        try {
            for (int level = 0; level < chain.size(); level++) {
                ClassNode c = chain.get(level);
                instances[level] = c.perClass ? c.sharedInstance : constructWith(c, level == 0 ? null : instances[level - 1]);
                readyLevels = level + 1;
            }
            for (int level = 0; level < chain.size(); level++) {
                for (String call : chain.get(level).beforeEach) {
                    call(call, instances[level], null);
                }
            }
            call(test.call, instances[chain.size() - 1], arguments);
        } catch (Throwable thrown) {
            failure = thrown;
        }
        for (int level = readyLevels - 1; level >= 0; level--) {
            for (String call : chain.get(level).afterEach) {
                try {
                    call(call, instances[level], null);
                } catch (Throwable thrown) {
                    failure = failure == null ? thrown : withSuppressed(failure, thrown);
                }
            }
        }
        long elapsed = System.nanoTime() - begin;
        if (failure == null && test.timeoutNanos > 0 && elapsed > test.timeoutNanos) {
            failure = new TimeoutException(test.name + " timed out after " + test.timeoutText);
        }
        end(failure, elapsed);
        return failure == null;
    }

    private Object construct(ClassNode node) throws Throwable {
        if (node.enclosing == null) {
            return constructWith(node, null);
        }
        Object enclosing = node.enclosing.perClass ? node.enclosing.sharedInstance : construct(node.enclosing);
        return constructWith(node, enclosing);
    }

    private Object constructWith(ClassNode node, Object enclosingInstance) throws Throwable {
        return call(node.constructor, enclosingInstance, null);
    }

    private Object call(String call, Object target, Object[] arguments) throws Throwable {
        int colon = call.indexOf(':');
        TestCalls table = tables[Integer.parseInt(call.substring(0, colon))];
        return table.call(Integer.parseInt(call.substring(colon + 1)), target, arguments == null ? new Object[0] : arguments);
    }

    private Object[] arguments(String[] literals) {
        Object[] values = new Object[literals.length];
        for (int i = 0; i < literals.length; i++) {
            values[i] = literal(literals[i]);
        }
        return values;
    }

    private Object literal(String literal) {
        String text = literal.substring(2);
        return switch (literal.charAt(0)) {
            case 'i' -> Integer.valueOf(Integer.parseInt(text));
            case 'j' -> Long.valueOf(Long.parseLong(text));
            case 's' -> Short.valueOf(Short.parseShort(text));
            case 'b' -> Byte.valueOf(Byte.parseByte(text));
            case 'c' -> Character.valueOf(text.charAt(0));
            case 'z' -> Boolean.valueOf(Boolean.parseBoolean(text));
            case 'f' -> Float.valueOf(Float.parseFloat(text));
            case 'd' -> Double.valueOf(Double.parseDouble(text));
            case 't' -> text;
            case 'e' -> {
                try {
                    yield call(text, null, null);
                } catch (Throwable unreachable) {
                    throw new IllegalStateException("reading an enum constant failed", unreachable);
                }
            }
            case 'n' -> null;
            default -> throw new IllegalStateException("unknown literal " + literal);
        };
    }

    private static Throwable withSuppressed(Throwable first, Throwable later) {
        if (first != later) {
            first.addSuppressed(later);
        }
        return first;
    }

    // ---- reporting -------------------------------------------------------------------------------------------

    private void start(String className, String name, String displayName) {
        sendPendingOutput();
        started++;
        serial.println(Protocol.record(Protocol.START, className, name, displayName));
    }

    private void end(Throwable failure, long nanos) {
        sendPendingOutput();
        if (failure == null) {
            sendEnd(Protocol.PASSED, nanos, null, null, null);
            return;
        }
        String outcome = failure instanceof TestAbortedException ? Protocol.SKIPPED
                : failure instanceof AssertionError ? Protocol.FAILURE : Protocol.ERROR;
        sendEnd(outcome, nanos, failure.getClass().getName(), failure.getMessage(), stackTrace(failure));
    }

    private void sendEnd(String outcome, long nanos, String type, String message, String trace) {
        serial.println(Protocol.record(Protocol.END, outcome, Long.toString(nanos), type, message, trace));
    }

    private void sendPendingOutput() {
        out.sendPending();
        err.sendPending();
    }

    private static String stackTrace(Throwable failure) {
        TextBuffer text = new TextBuffer();
        PrintStream printer = new PrintStream(text, true);
        failure.printStackTrace(printer);
        printer.flush();
        return text.toString();
    }
}
