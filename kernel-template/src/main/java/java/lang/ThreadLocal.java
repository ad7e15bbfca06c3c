package java.lang;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A per-thread variable: each Thread keeps the values of its thread-locals in a map of its own (as the JDK's
 * ThreadLocalMap), keyed by the ThreadLocal's identity.
 */
public class ThreadLocal<T> {
    public ThreadLocal() {}

    protected T initialValue() {
        return null;
    }

    public static <S> ThreadLocal<S> withInitial(Supplier<? extends S> supplier) {
        return new SuppliedThreadLocal<>(supplier);
    }

    @SuppressWarnings("unchecked")
    public T get() {
        Map<ThreadLocal<?>, Object> values = Thread.currentThread().threadLocals();
        if (values.containsKey(this)) {
            return (T) values.get(this);
        }
        T value = initialValue();
        values.put(this, value);
        return value;
    }

    public void set(T value) {
        Thread.currentThread().threadLocals().put(this, value);
    }

    public void remove() {
        Thread.currentThread().threadLocals().remove(this);
    }

    /**
     * Kiln's, not the JDK's API: forgets every thread-local value of {@code thread}, for
     * {@code jdk.internal.misc.InnocuousThread.eraseThreadLocals} (the JDK's reaches into {@code Thread} through
     * {@code Unsafe}). Applications compile against the JDK's class library and cannot see it.
     */
    public static void eraseValuesOf(Thread thread) {
        thread.threadLocals().clear();
    }

    static final class SuppliedThreadLocal<T> extends ThreadLocal<T> {
        private final Supplier<? extends T> supplier;

        SuppliedThreadLocal(Supplier<? extends T> supplier) {
            this.supplier = Objects.requireNonNull(supplier);
        }

        @Override
        protected T initialValue() {
            return supplier.get();
        }
    }
}
