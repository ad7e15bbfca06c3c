package kiln.lib.atomic;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import jdk.internal.misc.Unsafe;

/**
 * What {@code AtomicIntegerFieldUpdater.newUpdater(C.class, "f")} returns in a Kiln image. The compiler resolves
 * the field at build time (it checks it exists, is accessible, {@code volatile int} and not static, and throws
 * the JDK's exceptions where not) and passes its offset here, so no reflection runs (docs/compiler.md
 * "VarHandles"). Each operation checks its object as the JDK's updater does ({@code ClassCastException} for an
 * object that is not a {@code checkedClass}, null included), then makes one Unsafe access with the JDK's
 * memory ordering: volatile get and set, release for {@code lazySet}.
 */
final class IntegerFieldUpdater<T> extends AtomicIntegerFieldUpdater<T> {
    private static final Unsafe U = Unsafe.getUnsafe();
    private final long offset;
    /** The class every object must be an instance of: the field's class, or the caller's for an inherited protected field. */
    private final Class<?> checkedClass;

    IntegerFieldUpdater(Class<?> checkedClass, long offset) {
        this.checkedClass = checkedClass;
        this.offset = offset;
    }

    private void check(T obj) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
    }

    @Override
    public boolean compareAndSet(T obj, int expect, int update) {
        check(obj);
        return U.compareAndSetInt(obj, offset, expect, update);
    }

    @Override
    public boolean weakCompareAndSet(T obj, int expect, int update) {
        check(obj);
        return U.compareAndSetInt(obj, offset, expect, update);
    }

    @Override
    public void set(T obj, int newValue) {
        check(obj);
        U.putIntVolatile(obj, offset, newValue);
    }

    @Override
    public void lazySet(T obj, int newValue) {
        check(obj);
        U.putIntRelease(obj, offset, newValue);
    }

    @Override
    public int get(T obj) {
        check(obj);
        return U.getIntVolatile(obj, offset);
    }

    @Override
    public int getAndSet(T obj, int newValue) {
        check(obj);
        return U.getAndSetInt(obj, offset, newValue);
    }

    @Override
    public int getAndAdd(T obj, int delta) {
        check(obj);
        return U.getAndAddInt(obj, offset, delta);
    }

    @Override
    public int getAndIncrement(T obj) {
        return getAndAdd(obj, 1);
    }

    @Override
    public int getAndDecrement(T obj) {
        return getAndAdd(obj, -1);
    }

    @Override
    public int incrementAndGet(T obj) {
        return getAndAdd(obj, 1) + 1;
    }

    @Override
    public int decrementAndGet(T obj) {
        return getAndAdd(obj, -1) - 1;
    }

    @Override
    public int addAndGet(T obj, int delta) {
        return getAndAdd(obj, delta) + delta;
    }
}
