package java.lang;

import kiln.runtime.LibrarySupport;

/**
 * Kiln's {@code Runtime}: the JDK's declares its processor count and memory figures as natives of HotSpot, and
 * {@code ConcurrentHashMap}, {@code ForkJoinPool} and the executors size themselves by
 * {@link #availableProcessors}. There is no process to {@code exec} and no native library to load, so those
 * members are absent and a program that uses them fails to build, naming them.
 *
 * <p>Shutdown hooks run as the JDK's {@code ApplicationShutdownHooks} runs them: all started at once, then
 * joined, when the program exits ({@link #exit}, {@code System.exit}) or when its last non-daemon thread ends
 * (the kernel's start path calls {@link #runShutdownHooks}); {@link #halt} skips them. Rejected: keeping the
 * JDK's {@code Shutdown}/{@code ApplicationShutdownHooks} pair, whose slots for the console and
 * {@code DeleteOnExitHook} and whose native {@code beforeHalt}/{@code halt0} have nothing to serve in a guest.
 */
public class Runtime {
    private static final Runtime CURRENT = new Runtime();
    /** Null until a hook is registered. */
    private static ShutdownHooks shutdownHooks;
    /** Set when the hooks start (JDK: "Shutdown in progress" for any later change). */
    private static boolean hooksStarted;

    private Runtime() {
    }

    public static Runtime getRuntime() {
        return CURRENT;
    }

    /** The processors that run Java tasklets (kiln.kernel.sched). */
    public int availableProcessors() {
        return LibrarySupport.availableProcessors();
    }

    public void gc() {
        LibrarySupport.collectGarbage();
    }

    public void exit(int status) {
        runShutdownHooks();
        LibrarySupport.exit(status);
    }

    /** As the JDK: the thread runs (started, not run) when the program exits. */
    public void addShutdownHook(Thread hook) {
        java.util.Objects.requireNonNull(hook);
        synchronized (Runtime.class) {
            if (hooksStarted) {
                throw new IllegalStateException("Shutdown in progress");
            }
            if (hook.isAlive()) {
                throw new IllegalArgumentException("Hook already running");
            }
            if (shutdownHooks == null) {
                shutdownHooks = new ShutdownHooks();
            }
            if (shutdownHooks.indexOf(hook) >= 0) {
                throw new IllegalArgumentException("Hook previously registered");
            }
            shutdownHooks.add(hook);
        }
    }

    public boolean removeShutdownHook(Thread hook) {
        java.util.Objects.requireNonNull(hook);
        synchronized (Runtime.class) {
            if (hooksStarted) {
                throw new IllegalStateException("Shutdown in progress");
            }
            return shutdownHooks != null && shutdownHooks.remove(hook);
        }
    }

    /**
     * Starts every registered hook, then waits for each to end; the second and later calls do nothing. Kiln's own
     * (not in the JDK's API): the kernel calls it when the last non-daemon thread has ended.
     */
    public static void runShutdownHooks() {
        Runnable hooks;
        synchronized (Runtime.class) {
            hooks = hooksStarted ? null : shutdownHooks;
            hooksStarted = true;
        }
        if (hooks != null) {
            hooks.run();
        }
    }

    /**
     * The registered hooks, in registration order. Made by the first {@link #addShutdownHook} and run through
     * {@code Runnable}, so that a program that registers none does not carry the code that starts threads.
     */
    private static final class ShutdownHooks extends java.util.ArrayList<Thread> implements Runnable {
        @Override
        public void run() {
            for (Thread hook : this) {
                hook.start();
            }
            boolean interrupted = false;
            for (Thread hook : this) {
                while (hook.isAlive()) {
                    try {
                        hook.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the program at once: no shutdown hook runs (and Kiln runs no finalizers). */
    public void halt(int status) {
        LibrarySupport.exit(status);
    }
}
