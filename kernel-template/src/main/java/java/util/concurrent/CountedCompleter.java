package java.util.concurrent;

/**
 * A {@link ForkJoinTask} that completes when its pending count drops to zero, then triggers its completer.
 * The protocol is the JDK's; with Kiln's {@link ForkJoinTask#fork()} running a task at once there is no
 * concurrency, so the count is a plain field.
 */
public abstract class CountedCompleter<T> extends ForkJoinTask<T> {
    private static final long serialVersionUID = 5232453752276485070L;

    final CountedCompleter<?> completer;
    private int pending;

    protected CountedCompleter(CountedCompleter<?> completer, int initialPendingCount) {
        this.completer = completer;
        this.pending = initialPendingCount;
    }

    protected CountedCompleter(CountedCompleter<?> completer) {
        this.completer = completer;
    }

    protected CountedCompleter() {
        this.completer = null;
    }

    public abstract void compute();

    public void onCompletion(CountedCompleter<?> caller) {
    }

    /** True to pass the exception on to this task's completer, as the JDK's default does. */
    public boolean onExceptionalCompletion(Throwable ex, CountedCompleter<?> caller) {
        return true;
    }

    public final CountedCompleter<?> getCompleter() {
        return completer;
    }

    public final int getPendingCount() {
        return pending;
    }

    public final void setPendingCount(int count) {
        pending = count;
    }

    public final void addToPendingCount(int delta) {
        pending += delta;
    }

    public final boolean compareAndSetPendingCount(int expected, int count) {
        if (pending != expected) {
            return false;
        }
        pending = count;
        return true;
    }

    public final int decrementPendingCountUnlessZero() {
        int count = pending;
        if (count != 0) {
            pending = count - 1;
        }
        return count;
    }

    public final CountedCompleter<?> getRoot() {
        CountedCompleter<?> task = this;
        while (task.completer != null) {
            task = task.completer;
        }
        return task;
    }

    /**
     * Walks up the completers: the first with a pending count above zero has it decremented and the walk
     * stops; each one at zero runs {@link #onCompletion} and passes on, and the root is marked complete.
     */
    public final void tryComplete() {
        CountedCompleter<?> task = this;
        CountedCompleter<?> caller = this;
        for (;;) {
            if (task.pending != 0) {
                task.pending--;
                return;
            }
            task.onCompletion(caller);
            CountedCompleter<?> parent = task.completer;
            if (parent == null) {
                task.quietlyComplete();
                return;
            }
            caller = task;
            task = parent;
        }
    }

    /** {@link #tryComplete()} without the {@link #onCompletion} calls. */
    public final void propagateCompletion() {
        CountedCompleter<?> task = this;
        for (;;) {
            if (task.pending != 0) {
                task.pending--;
                return;
            }
            CountedCompleter<?> parent = task.completer;
            if (parent == null) {
                task.quietlyComplete();
                return;
            }
            task = parent;
        }
    }

    @Override
    public void complete(T rawResult) {
        setRawResult(rawResult);
        onCompletion(this);
        quietlyComplete();
        if (completer != null) {
            completer.tryComplete();
        }
    }

    public final CountedCompleter<?> firstComplete() {
        if (pending == 0) {
            return this;
        }
        pending--;
        return null;
    }

    public final CountedCompleter<?> nextComplete() {
        if (completer != null) {
            return completer.firstComplete();
        }
        quietlyComplete();
        return null;
    }

    public final void quietlyCompleteRoot() {
        getRoot().quietlyComplete();
    }

    /** Nothing to help with: there are no other workers' queues (see {@link ForkJoinTask}). */
    public final void helpComplete(int maxTasks) {
    }

    @Override
    protected final boolean exec() {
        compute();
        return false;
    }

    @Override
    public T getRawResult() {
        return null;
    }

    @Override
    protected void setRawResult(T t) {
    }

    /**
     * As the JDK: while {@link #onExceptionalCompletion} agrees, the completer above fails with the same
     * exception, unless it is done already.
     */
    @Override
    void propagateException(Throwable ex) {
        CountedCompleter<?> task = this;
        CountedCompleter<?> caller = this;
        while (task.onExceptionalCompletion(ex, caller)) {
            CountedCompleter<?> parent = task.completer;
            if (parent == null || !parent.recordException(ex)) {
                return;
            }
            caller = task;
            task = parent;
        }
    }
}
