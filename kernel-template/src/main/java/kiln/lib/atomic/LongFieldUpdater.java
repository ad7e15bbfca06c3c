package kiln.lib.atomic;

import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import jdk.internal.misc.Unsafe;

/**
 * What {@code AtomicLongFieldUpdater.newUpdater(C.class, "f")} returns in a Kiln image. The compiler resolves
 * the field at build time (it checks it exists, is accessible, {@code volatile long} and not static, and throws
 * the JDK's exceptions where not) and passes its offset here, so no reflection runs (docs/compiler.md
 * "VarHandles"). Each operation checks its object as the JDK's updater does ({@code ClassCastException} for an
 * object that is not a {@code checkedClass}, null included), then makes one Unsafe access with the JDK's
 * memory ordering: volatile get and set, release for {@code lazySet}.
 */
final class LongFieldUpdater<T> extends AtomicLongFieldUpdater<T> {
    private static final Unsafe U = Unsafe.getUnsafe();
    private final long offset;
    /** The class every object must be an instance of: the field's class, or the caller's for an inherited protected field. */
    private final Class<?> checkedClass;

    LongFieldUpdater(Class<?> checkedClass, long offset) {
        this.checkedClass = checkedClass;
        this.offset = offset;
    }

    private void check(T obj) {
        FieldUpdaterChecks.checkObject(checkedClass, obj);
    }

    @Override
    public boolean compareAndSet(T obj, long expect, long update) {
        check(obj);
        return U.compareAndSetLong(obj, offset, expect, update);
    }

    @Override
    public boolean weakCompareAndSet(T obj, long expect, long update) {
        check(obj);
        return U.compareAndSetLong(obj, offset, expect, update);
    }

    @Override
    public void set(T obj, long newValue) {
        check(obj);
        U.putLongVolatile(obj, offset, newValue);
    }

    @Override
    public void lazySet(T obj, long newValue) {
        check(obj);
        U.putLongRelease(obj, offset, newValue);
    }

    @Override
    public long get(T obj) {
        check(obj);
        return U.getLongVolatile(obj, offset);
    }

    @Override
    public long getAndSet(T obj, long newValue) {
        check(obj);
        return U.getAndSetLong(obj, offset, newValue);
    }

    @Override
    public long getAndAdd(T obj, long delta) {
        check(obj);
        return U.getAndAddLong(obj, offset, delta);
    }

    @Override
    public long getAndIncrement(T obj) {
        return getAndAdd(obj, 1);
    }

    @Override
    public long getAndDecrement(T obj) {
        return getAndAdd(obj, -1);
    }

    @Override
    public long incrementAndGet(T obj) {
        return getAndAdd(obj, 1) + 1;
    }

    @Override
    public long decrementAndGet(T obj) {
        return getAndAdd(obj, -1) - 1;
    }

    @Override
    public long addAndGet(T obj, long delta) {
        return getAndAdd(obj, delta) + delta;
    }
}
