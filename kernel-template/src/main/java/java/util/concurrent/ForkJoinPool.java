package java.util.concurrent;

import java.util.List;
import java.util.Objects;

/**
 * The pool that runs {@link ForkJoinTask}s: on Kiln, which runs Java on one core with no threads yet, it has
 * no workers and runs every task in the caller's thread as it is submitted (see {@link ForkJoinTask}). Its
 * parallelism is 1, what the JDK's common pool reports on a single-processor machine. Only the methods that
 * the JDK's streams and common callers use are here.
 */
public class ForkJoinPool extends AbstractExecutorService {
    private static final ForkJoinPool COMMON = new ForkJoinPool();

    private final int parallelism;
    private boolean shutdown;

    public ForkJoinPool() {
        this(1);
    }

    public ForkJoinPool(int parallelism) {
        if (parallelism <= 0) {
            throw new IllegalArgumentException();
        }
        this.parallelism = parallelism;
    }

    public static ForkJoinPool commonPool() {
        return COMMON;
    }

    public static int getCommonPoolParallelism() {
        return 1;
    }

    public int getParallelism() {
        return parallelism;
    }

    /** Something a thread waits for, which knows whether waiting is still needed (AQS's condition nodes). */
    public interface ManagedBlocker {
        /** Waits, perhaps not until the end; true when no more waiting is needed. */
        boolean block() throws InterruptedException;

        boolean isReleasable();
    }

    /**
     * Blocks until {@code blocker} is releasable, as the JDK's does for a thread that is not one of a pool's
     * workers (this pool has none, so no compensating worker is ever needed). AQS's condition waits come here.
     */
    public static void managedBlock(ManagedBlocker blocker) throws InterruptedException {
        Objects.requireNonNull(blocker);
        while (!blocker.isReleasable() && !blocker.block()) {
            // block() returned false: it wants to be asked again
        }
    }

    public <T> T invoke(ForkJoinTask<T> task) {
        return Objects.requireNonNull(task).invoke();
    }

    public void execute(ForkJoinTask<?> task) {
        Objects.requireNonNull(task).fork();
    }

    /** Runs the task now, in the caller; an exception it throws reaches the caller. */
    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task).run();
    }

    /** As the JDK, the common pool cannot be shut down. */
    @Override
    public void shutdown() {
        shutdown = this != COMMON;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    /** A shut-down pool has nothing left to run: every task ran when it was submitted. */
    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
