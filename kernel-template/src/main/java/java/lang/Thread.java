package java.lang;

import kiln.runtime.LibrarySupport;

/**
 * A thread of execution: one tasklet each (kiln.kernel.sched, reached through {@link LibrarySupport}). The
 * thread that runs {@code main} is the boot path's tasklet; {@link #start()} spawns a tasklet that runs
 * {@link #run()} and ends the thread with it. An exception that escapes {@code run} goes to the thread's
 * handler, else the default handler, else is printed as HotSpot prints it ({@code Exception in thread "name" }
 * and the stack trace); the guest ends when the last non-daemon thread has ended. A priority is a hint (JLS
 * §17): a new thread takes its creator's, as in the JDK, and the scheduler lets runnable threads of higher
 * priority go first without starving the others (kiln.kernel.sched.Scheduler, "Priorities"). No thread groups.
 * No {@code Thread.Builder}, {@code ofVirtual}, {@code ofPlatform} or {@code startVirtualThread}: the JDK that
 * Kiln's class library builds against (17) has none, so no program compiled for it can call them.
 */
public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private static final Thread MAIN = new Thread(null, "main", 1);
    private static int threadInitNumber;
    private static long threadSeqNumber = 1;
    private static volatile UncaughtExceptionHandler defaultUncaughtExceptionHandler;

    private final Runnable target;
    /** The thread id; named as the JDK's field, which {@code LockSupport.getThreadId} reads through Unsafe. */
    private final long tid;
    private volatile String name;
    private int priority = NORM_PRIORITY;
    private boolean daemon;
    /** The tasklet once started (main's: attached at its first currentThread()). */
    private Object tasklet;
    /** The object a parked thread waits for ({@code LockSupport.setBlocker}, through Unsafe; the deadlock report). */
    private volatile Object parkBlocker;
    /**
     * ThreadLocalRandom's per-thread state, which the JDK's {@code ThreadLocalRandom} (and through its probe
     * {@code ConcurrentHashMap}'s counter cells) reads and writes through Unsafe under these names.
     */
    long threadLocalRandomSeed;
    int threadLocalRandomProbe;
    int threadLocalRandomSecondarySeed;
    /**
     * Fields the JDK's {@code ThreadLocalRandom} clears in a pool's innocuous worker threads; Kiln keeps no
     * inheritable thread locals or access-control contexts, so they stay null.
     */
    private Object inheritableThreadLocals;
    private Object inheritedAccessControlContext;
    /**
     * The system class loader (which finds the image's classes and packed resources) unless the program sets
     * another; HotSpot's threads inherit their creator's, which is the same loader unless a program sets one.
     */
    private ClassLoader contextClassLoader = ClassLoader.getSystemClassLoader();
    private UncaughtExceptionHandler uncaughtExceptionHandler;
    /** This thread's values of every ThreadLocal it has touched; created on first use. */
    private java.util.HashMap<ThreadLocal<?>, Object> threadLocals;

    private Thread(Runnable target, String name, long id) {
        this.target = target;
        this.name = name;
        this.tid = id;
    }

    public Thread() {
        this(null, "Thread-" + threadInitNumber++, ++threadSeqNumber);
        priority = currentThread().priority;
    }

    public Thread(Runnable target) {
        this(target, "Thread-" + threadInitNumber++, ++threadSeqNumber);
        priority = currentThread().priority;
    }

    public Thread(String name) {
        this(null, checkName(name), ++threadSeqNumber);
        priority = currentThread().priority;
    }

    public Thread(Runnable target, String name) {
        this(target, checkName(name), ++threadSeqNumber);
        priority = currentThread().priority;
    }

    /**
     * As {@link #Thread(Runnable, String)}: Kiln keeps no thread groups (see {@link #getThreadGroup}), and a
     * tasklet's stack starts small and grows on demand, so the group and the stack size are ignored
     * (the JDK's {@code Executors.defaultThreadFactory} calls this).
     */
    public Thread(ThreadGroup group, Runnable target, String name, long stackSize) {
        this(target, checkName(name), ++threadSeqNumber);
    }

    /**
     * As {@link #Thread(ThreadGroup, Runnable, String, long)}: Kiln keeps no inheritable thread locals, so there is
     * nothing for {@code inheritThreadLocals} to leave out ({@code LogManager}'s shutdown hook is made with this).
     */
    public Thread(ThreadGroup group, Runnable target, String name, long stackSize, boolean inheritThreadLocals) {
        this(group, target, name, stackSize);
    }

    private static String checkName(String name) {
        if (name == null) {
            throw new NullPointerException("'name' is null");
        }
        return name;
    }

    /**
     * The calling thread. A tasklet without a Thread yet gets one here: the boot path's is {@code main}, any other
     * (spawned by the kernel, not through Thread) a daemon thread named after the tasklet.
     */
    public static Thread currentThread() {
        Thread current = (Thread) LibrarySupport.currentThread();
        if (current == null) {
            String taskletName = LibrarySupport.currentTaskletName();
            current = taskletName.equals("main") && MAIN.tasklet == null ? MAIN : new Thread(null, taskletName, ++threadSeqNumber);
            current.daemon = current != MAIN;
            current.tasklet = LibrarySupport.currentTasklet();
            LibrarySupport.attachThread(current);
        }
        return current;
    }

    java.util.Map<ThreadLocal<?>, Object> threadLocals() {
        if (threadLocals == null) {
            threadLocals = new java.util.HashMap<>();
        }
        return threadLocals;
    }

    public static void yield() {
        LibrarySupport.yieldThread();
    }

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
        if (interrupted()) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    public synchronized void start() {
        if (tasklet != null || this == MAIN) {
            throw new IllegalThreadStateException();
        }
        tasklet = LibrarySupport.startThread(this, name, daemon, this::runThread);
        if (priority != NORM_PRIORITY) {
            LibrarySupport.setPriority(tasklet, priority);
        }
    }

    /** The body of this thread's tasklet. */
    private void runThread() {
        try {
            run();
        } catch (Throwable uncaught) {
            dispatchUncaughtException(uncaught);
        }
    }

    private void dispatchUncaughtException(Throwable uncaught) {
        UncaughtExceptionHandler handler = uncaughtExceptionHandler != null ? uncaughtExceptionHandler : defaultUncaughtExceptionHandler;
        if (handler != null) {
            handler.uncaughtException(this, uncaught);
        } else {
            LibrarySupport.reportUncaught(name, uncaught);
        }
    }

    @Override
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    public void interrupt() {
        if (this == currentThread() || tasklet != null) {
            LibrarySupport.interrupt(tasklet);
        }
    }

    public static boolean interrupted() {
        return LibrarySupport.interrupted(null, true);
    }

    public boolean isInterrupted() {
        return tasklet != null && LibrarySupport.interrupted(tasklet, false);
    }

    public ClassLoader getContextClassLoader() {
        return contextClassLoader;
    }

    public void setContextClassLoader(ClassLoader loader) {
        contextClassLoader = loader;
    }

    /** The states of {@link #getState}, as the JDK names them. */
    public enum State {
        NEW, RUNNABLE, BLOCKED, WAITING, TIMED_WAITING, TERMINATED
    }

    /** ThreadPoolExecutor checks that a thread its factory made is NEW. */
    public State getState() {
        if (tasklet == null) {
            return this == MAIN ? State.RUNNABLE : State.NEW; // main's tasklet is attached on first use
        }
        return State.values()[LibrarySupport.threadState(tasklet)];
    }

    public final boolean isAlive() {
        return this == MAIN || tasklet != null && LibrarySupport.isAlive(tasklet);
    }

    /** A thread that was never started has already "died" as far as join is concerned. */
    public final void join() throws InterruptedException {
        join(0);
    }

    public final void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (interrupted()) {
            throw new InterruptedException();
        }
        if (this == MAIN || tasklet == null) {
            return;
        }
        LibrarySupport.join(tasklet, millis * 1_000_000);
        if (interrupted()) {
            throw new InterruptedException();
        }
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        if (!isAlive() && tasklet != null) {
            return; // as in the JDK: an ended thread has no group, and its priority stays
        }
        priority = newPriority;
        if (tasklet != null) {
            LibrarySupport.setPriority(tasklet, newPriority);
        }
    }

    public final int getPriority() {
        return priority;
    }

    public final void setName(String name) {
        this.name = checkName(name);
        if (tasklet != null) {
            LibrarySupport.setName(tasklet, name);
        }
    }

    public final String getName() {
        return name;
    }

    public final void setDaemon(boolean on) {
        if (this == MAIN || tasklet != null) {
            throw new IllegalThreadStateException();
        }
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    /**
     * Kiln keeps no thread groups: null, which is HotSpot's answer for a thread that has ended; callers such as
     * {@code Executors.defaultThreadFactory} then pass null on, which the constructors ignore.
     */
    public final ThreadGroup getThreadGroup() {
        return null;
    }

    public long getId() {
        return tid;
    }

    /** Only the calling thread's own stack can be seen; another thread's is empty (the JDK allows that). */
    public StackTraceElement[] getStackTrace() {
        if (this != currentThread()) {
            return new StackTraceElement[0];
        }
        return new Throwable().getStackTrace(); // its first frame is this method, as in the JDK
    }

    public static boolean holdsLock(Object obj) {
        if (obj == null) {
            throw new NullPointerException();
        }
        return LibrarySupport.holdsLock(obj);
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

    public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
        return defaultUncaughtExceptionHandler;
    }

    public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler handler) {
        defaultUncaughtExceptionHandler = handler;
    }

    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }
}
