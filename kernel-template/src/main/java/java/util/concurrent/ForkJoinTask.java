package java.util.concurrent;

import java.io.Serializable;

/**
 * A task that runs in a {@link ForkJoinPool}. Kiln runs Java on one core with no threads yet, so there are
 * no worker threads and no work queues: {@link #fork()} runs the task at once in the caller, which is one of
 * the schedules the JDK's pool may choose, and {@link #join()} finds the task already done. This keeps the
 * JDK's parallel streams working (sequentially) without its pool, whose code needs VarHandles, Unsafe and
 * parking. The results, exceptions and cancellation follow the JDK's contract.
 */
public abstract class ForkJoinTask<V> implements Future<V>, Serializable {
    private static final long serialVersionUID = -7721805057305804111L;

    private static final int NOT_DONE = 0;
    private static final int NORMAL = 1;
    private static final int CANCELLED = 2;
    private static final int EXCEPTIONAL = 3;

    private int status;
    private Throwable exception;

    public ForkJoinTask() {
    }

    public abstract V getRawResult();

    protected abstract void setRawResult(V value);

    /** Runs the task's computation; true if the task is complete when it returns. */
    protected abstract boolean exec();

    /** Runs the task now (see the class comment) and returns it, as the JDK does, for chaining. */
    public final ForkJoinTask<V> fork() {
        doExec();
        return this;
    }

    public final V join() {
        quietlyJoin();
        return reportResult();
    }

    public final V invoke() {
        doExec();
        return reportResult();
    }

    public static void invokeAll(ForkJoinTask<?> t1, ForkJoinTask<?> t2) {
        t2.fork();
        t1.invoke();
        t2.join();
    }

    public static void invokeAll(ForkJoinTask<?>... tasks) {
        for (ForkJoinTask<?> task : tasks) {
            task.fork();
        }
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (status == NOT_DONE) {
            status = CANCELLED;
        }
        return status == CANCELLED;
    }

    @Override
    public final boolean isDone() {
        return status != NOT_DONE;
    }

    @Override
    public final boolean isCancelled() {
        return status == CANCELLED;
    }

    public final boolean isCompletedAbnormally() {
        return status == CANCELLED || status == EXCEPTIONAL;
    }

    public final boolean isCompletedNormally() {
        return status == NORMAL;
    }

    public final Throwable getException() {
        if (status == CANCELLED) {
            return new CancellationException();
        }
        return status == EXCEPTIONAL ? exception : null;
    }

    public void completeExceptionally(Throwable ex) {
        completeWith(ex instanceof RuntimeException || ex instanceof Error ? ex : new RuntimeException(ex));
    }

    public void complete(V value) {
        try {
            setRawResult(value);
        } catch (Throwable t) {
            completeWith(t);
            return;
        }
        status = NORMAL;
    }

    public final void quietlyComplete() {
        status = NORMAL;
    }

    @Override
    public final V get() throws InterruptedException, ExecutionException {
        quietlyJoin();
        if (status == CANCELLED) {
            throw new CancellationException();
        }
        if (status == EXCEPTIONAL) {
            throw new ExecutionException(exception);
        }
        return getRawResult();
    }

    /** Never waits: the task is done once {@link #quietlyJoin()} returns (see the class comment). */
    @Override
    public final V get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException {
        return get();
    }

    /** Runs the task if nobody has yet: a task that was never forked is done by whoever joins it. */
    public final void quietlyJoin() {
        if (status == NOT_DONE) {
            doExec();
        }
    }

    public final void quietlyInvoke() {
        doExec();
    }

    public void reinitialize() {
        status = NOT_DONE;
        exception = null;
    }

    /** Null: no code runs in a pool's worker thread on Kiln. */
    public static ForkJoinPool getPool() {
        return null;
    }

    public static boolean inForkJoinPool() {
        return false;
    }

    /** False: a forked task has already run (see the class comment). */
    public boolean tryUnfork() {
        return false;
    }

    /** Runs {@link #exec()} unless the task is done, recording its normal or exceptional completion. */
    final void doExec() {
        if (status != NOT_DONE) {
            return;
        }
        boolean completed;
        try {
            completed = exec();
        } catch (Throwable t) {
            completeWith(t);
            return;
        }
        if (completed) {
            status = NORMAL;
        }
    }

    /** Records {@code ex} as the outcome unless the task is done already. */
    final void completeWith(Throwable ex) {
        if (recordException(ex)) {
            propagateException(ex);
        }
    }

    /** Makes {@code ex} the outcome; false if the task is done already. */
    final boolean recordException(Throwable ex) {
        if (status != NOT_DONE) {
            return false;
        }
        status = EXCEPTIONAL;
        exception = ex;
        return true;
    }

    /** Passes an exceptional completion on to the tasks that wait for this one; only completers have any. */
    void propagateException(Throwable ex) {
    }

    /**
     * The result, or the task's exception rethrown. The JDK may throw a new exception of the same class
     * whose cause is the original when the task failed in another thread; here every task ran in the caller's
     * thread, where the JDK rethrows the original too.
     */
    private V reportResult() {
        if (status == CANCELLED) {
            throw new CancellationException();
        }
        if (status == EXCEPTIONAL) {
            throw ForkJoinTask.<RuntimeException>sneakyThrow(exception);
        }
        return getRawResult();
    }

    /** Throws a checked exception without declaring it, as the JDK does for a task's exceptions. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
