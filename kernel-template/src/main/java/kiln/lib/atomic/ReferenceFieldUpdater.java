package kiln.lib.atomic;

import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import jdk.internal.misc.Unsafe;

/**
 * What {@code AtomicReferenceFieldUpdater.newUpdater(C.class, V.class, "f")} returns in a Kiln image: as
 * {@link IntegerFieldUpdater}, for a {@code volatile} reference field whose type the compiler checked to be
 * exactly {@code V}; each new value must be null or a {@code V} (ClassCastException otherwise, as in the JDK).
 */
final class ReferenceFieldUpdater<T, V> extends AtomicReferenceFieldUpdater<T, V> {
    private static final Unsafe U = Unsafe.getUnsafe();
    private final long offset;
    private final Class<?> checkedClass;
    private final Class<V> valueClass;

    ReferenceFieldUpdater(Class<V> valueClass, Class<?> checkedClass, long offset) {
        this.valueClass = valueClass;
        this.checkedClass = checkedClass;
        this.offset = offset;
    }

    @Override
    public boolean compareAndSet(T obj, V expect, V update) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
        FieldUpdaterChecks.checkValue(valueClass, update);
        return U.compareAndSetReference(obj, offset, expect, update);
    }

    @Override
    public boolean weakCompareAndSet(T obj, V expect, V update) {
        return compareAndSet(obj, expect, update);
    }

    @Override
    public void set(T obj, V newValue) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
        FieldUpdaterChecks.checkValue(valueClass, newValue);
        U.putReferenceVolatile(obj, offset, newValue);
    }

    @Override
    public void lazySet(T obj, V newValue) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
        FieldUpdaterChecks.checkValue(valueClass, newValue);
        U.putReferenceRelease(obj, offset, newValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(T obj) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
        return (V) U.getReferenceVolatile(obj, offset);
    }

    @Override
    @SuppressWarnings("unchecked")
    public V getAndSet(T obj, V newValue) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
        FieldUpdaterChecks.checkValue(valueClass, newValue);
        return (V) U.getAndSetReference(obj, offset, newValue);
    }
}
