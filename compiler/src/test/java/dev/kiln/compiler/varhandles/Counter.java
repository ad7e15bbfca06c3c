package dev.kiln.compiler.varhandles;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/** The JDK's pattern: static final VarHandles set in a try in the static initializer, through a Lookup local. */
public class Counter {
    volatile int count;
    long total;
    volatile String name;
    static int instances;
    final int fixed = 1;
    private volatile int secret;

    static final VarHandle COUNT;
    static final VarHandle TOTAL;
    static final VarHandle NAME;
    static final VarHandle INSTANCES;
    static final VarHandle FIXED;
    static final VarHandle ELEMENTS = MethodHandles.arrayElementVarHandle(long[].class);
    static final VarHandle MISSING;
    static final VarHandle NEVER_SET = null;
    static final AtomicIntegerFieldUpdater<Counter> COUNT_UPDATER = AtomicIntegerFieldUpdater.newUpdater(Counter.class, "count");
    static final AtomicReferenceFieldUpdater<Counter, String> NAME_UPDATER =
            AtomicReferenceFieldUpdater.newUpdater(Counter.class, String.class, "name");

    static {
        VarHandle missing = null;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(Counter.class, "count", int.class);
            TOTAL = lookup.findVarHandle(Counter.class, "total", long.class);
            NAME = lookup.findVarHandle(Counter.class, "name", String.class);
            INSTANCES = lookup.findStaticVarHandle(Counter.class, "instances", int.class);
            FIXED = lookup.findVarHandle(Counter.class, "fixed", int.class);
            try {
                missing = lookup.findVarHandle(Counter.class, "absent", int.class);
            } catch (NoSuchFieldException e) {
                // stays null
            }
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        MISSING = missing;
    }

    boolean claim() {
        return COUNT.compareAndSet(this, 0, 1);
    }

    long addToTotal(int delta) {
        return (long) TOTAL.getAndAdd(this, delta); // int widened to long
    }

    int totalAsInt() {
        return (int) TOTAL.get(this); // long to int: WrongMethodTypeException
    }

    Object boxedCount() {
        return COUNT.getVolatile(this);
    }

    String swapName(String next) {
        return (String) NAME.getAndSet(this, next);
    }

    static int countInstance() {
        return (int) INSTANCES.getAndAdd(1);
    }

    void setFixed() {
        FIXED.set(this, 2);
    }

    static void bump(long[] array, int i) {
        ELEMENTS.getAndAdd(array, i, 1L);
    }

    void useMissing() {
        MISSING.set(this, 1);
    }

    void useNeverSet() {
        NEVER_SET.set(this, 1);
    }

    /** Null on one path, a handle on the other: not one known VarHandle. */
    void eitherHandle(boolean useCount) {
        (useCount ? COUNT : NEVER_SET).set(this, 1);
    }

    static void fence() {
        VarHandle.fullFence();
        VarHandle.releaseFence();
    }

    int incrementWithUpdater() {
        return COUNT_UPDATER.incrementAndGet(this);
    }
}
