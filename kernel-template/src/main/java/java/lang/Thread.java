package java.lang;

import kiln.runtime.LibrarySupport;

/**
 * A thread of execution. Kiln runs one thread, "main", and cannot start others yet: {@link #start()}
 * throws {@link UnsupportedOperationException}. Tasklets (docs/compiler.md "What grows from here") will
 * replace this class with real threads. Until then {@link #sleep} idles the CPU until the deadline (the kernel's
 * timer wakes it; see kiln.kernel.time.Timer), {@link #yield()} has nobody to yield to, and nothing can
 * interrupt the main thread except itself.
 */
public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private static final Thread MAIN = new Thread(null, "main", 1);
    private static int threadInitNumber;
    private static long threadSeqNumber = 1;

    private final Runnable target;
    private final long id;
    private volatile String name;
    private int priority = NORM_PRIORITY;
    private boolean daemon;
    private boolean interrupted;
    private UncaughtExceptionHandler uncaughtExceptionHandler;

    private Thread(Runnable target, String name, long id) {
        this.target = target;
        this.name = name;
        this.id = id;
    }

    public Thread() {
        this(null, "Thread-" + threadInitNumber++, ++threadSeqNumber);
    }

    public Thread(Runnable target) {
        this(target, "Thread-" + threadInitNumber++, ++threadSeqNumber);
    }

    public Thread(String name) {
        this(null, checkName(name), ++threadSeqNumber);
    }

    public Thread(Runnable target, String name) {
        this(target, checkName(name), ++threadSeqNumber);
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new NullPointerException("'name' is null");
        }
        return name;
    }

    public static Thread currentThread() {
        return MAIN;
    }

    public static void yield() {}

    public static void onSpinWait() {
        LibrarySupport.onSpinWait();
    }

    public static void sleep(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        sleepNanos(millis * 1_000_000);
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        sleepNanos(millis * 1_000_000 + nanos);
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
        LibrarySupport.sleep(nanos);
    }

    /** Only {@code main} exists, and it is already running. */
    public void start() {
        throw new UnsupportedOperationException("Kiln cannot start threads yet (one thread, \"main\"; tasklets will "
                + "add more): " + this);
    }

    @Override
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    public void interrupt() {
        interrupted = true;
    }

    public static boolean interrupted() {
        boolean was = MAIN.interrupted;
        MAIN.interrupted = false;
        return was;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public final boolean isAlive() {
        return this == MAIN;
    }

    /** A thread that was never started has already "died" as far as join is concerned. */
    public final void join() throws InterruptedException {
        join(0);
    }

    public final void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (this == MAIN && millis == 0) {
            throw new UnsupportedOperationException("Kiln: the main thread joining itself would wait forever");
        }
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        priority = newPriority;
    }

    public final int getPriority() {
        return priority;
    }

    public final void setName(String name) {
        this.name = checkName(name);
    }

    public final String getName() {
        return name;
    }

    public final void setDaemon(boolean on) {
        if (this == MAIN) {
            throw new IllegalThreadStateException();
        }
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public long getId() {
        return id;
    }

    public StackTraceElement[] getStackTrace() {
        if (this != MAIN) {
            return new StackTraceElement[0];
        }
        return new Throwable().getStackTrace(); // its first frame is this method, as in the JDK
    }

    /** Kiln has one thread and tracks no monitor owners: every lock the caller asks about is its own. */
    public static boolean holdsLock(Object obj) {
        if (obj == null) {
            throw new NullPointerException();
        }
        return true;
    }

    /** As the JDK's, but without a thread group (Kiln has none): {@code Thread[main,5,main]}. */
    @Override
    public String toString() {
        return "Thread[" + getName() + "," + getPriority() + "," + "main" + "]";
    }

    public UncaughtExceptionHandler getUncaughtExceptionHandler() {
        return uncaughtExceptionHandler;
    }

    public void setUncaughtExceptionHandler(UncaughtExceptionHandler handler) {
        uncaughtExceptionHandler = handler;
    }

    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }
}
