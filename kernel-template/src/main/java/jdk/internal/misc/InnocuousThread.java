package jdk.internal.misc;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's thread for system work that must not inherit anything from its creator (the Cleaner's thread,
 * {@code jdk.internal.ref.CleanerImpl}). The JDK's class builds one in a dedicated thread group with no context
 * class loader and no access-control context, through {@code Unsafe} field offsets of {@code Thread}; Kiln's
 * threads have none of those things, so here it is a daemon thread with the JDK's names and factory methods,
 * whose {@code run} runs its task once, on its own thread only, and whose thread-local values can be erased
 * (the Cleaner does that before each cleaning action).
 */
public final class InnocuousThread extends Thread {
    private static final AtomicInteger threadNumber = new AtomicInteger(1);
    private volatile boolean hasRun;

    private InnocuousThread(Runnable target, String name) {
        super(target, name);
        setDaemon(true);
    }

    private static String newName() {
        return "InnocuousThread-" + threadNumber.getAndIncrement();
    }

    public static Thread newThread(Runnable target) {
        return newThread(newName(), target);
    }

    public static Thread newThread(String name, Runnable target) {
        return newThread(name, target, -1);
    }

    /** {@code priority} below zero keeps the default. */
    public static Thread newThread(String name, Runnable target, int priority) {
        Thread thread = new InnocuousThread(target, name);
        if (priority >= 0) {
            thread.setPriority(priority);
        }
        return thread;
    }

    public static Thread newSystemThread(Runnable target) {
        return newThread(target);
    }

    public static Thread newSystemThread(String name, Runnable target) {
        return newThread(name, target);
    }

    public static Thread newSystemThread(String name, Runnable target, int priority) {
        return newThread(name, target, priority);
    }

    /** As the JDK's: an innocuous thread takes no handler of its own. */
    @Override
    public void setUncaughtExceptionHandler(UncaughtExceptionHandler handler) {
    }

    public void eraseThreadLocals() {
        ThreadLocal.eraseValuesOf(this);
    }

    /** Runs the task once, and only on this thread, as the JDK's does. */
    @Override
    public void run() {
        if (Thread.currentThread() == this && !hasRun) {
            hasRun = true;
            super.run();
        }
    }
}
