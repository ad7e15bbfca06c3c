package kiln.test.programs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A class with VarHandles of its own, made as the JDK makes them (static final fields set in the static
 * initializer, through a Lookup local, in a try): every access mode on int, long, reference, boolean, double
 * and array variables and a static field, the conversions of signature-polymorphic calls, the exceptions a
 * VarHandle throws, fences, field updaters, and threads racing on compare-and-set and get-and-add. Exception
 * messages are printed where HotSpot's hold nothing of the JVM's own (no module hashes, no helpful-NPE text).
 */
public class VarHandles {
    volatile int count;
    long total;
    volatile String name = "none";
    boolean flag;
    double level;
    final int fixed = 7;
    volatile Integer boxed;
    static int created;
    volatile long updated;

    static final VarHandle COUNT;
    static final VarHandle TOTAL;
    static final VarHandle NAME;
    static final VarHandle FLAG;
    static final VarHandle LEVEL;
    static final VarHandle FIXED;
    static final VarHandle BOXED;
    static final VarHandle CREATED;
    static final VarHandle INTS = MethodHandles.arrayElementVarHandle(int[].class);
    static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    static final VarHandle NUMBERS = MethodHandles.arrayElementVarHandle(Number[].class);
    static final AtomicIntegerFieldUpdater<VarHandles> COUNT_UPDATER =
            AtomicIntegerFieldUpdater.newUpdater(VarHandles.class, "count");
    static final AtomicLongFieldUpdater<VarHandles> UPDATED_UPDATER =
            AtomicLongFieldUpdater.newUpdater(VarHandles.class, "updated");
    static final AtomicReferenceFieldUpdater<VarHandles, String> NAME_UPDATER =
            AtomicReferenceFieldUpdater.newUpdater(VarHandles.class, String.class, "name");

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(VarHandles.class, "count", int.class);
            TOTAL = lookup.findVarHandle(VarHandles.class, "total", long.class);
            NAME = lookup.findVarHandle(VarHandles.class, "name", String.class);
            FLAG = lookup.findVarHandle(VarHandles.class, "flag", boolean.class);
            LEVEL = lookup.findVarHandle(VarHandles.class, "level", double.class);
            FIXED = lookup.findVarHandle(VarHandles.class, "fixed", int.class);
            BOXED = lookup.findVarHandle(VarHandles.class, "boxed", Integer.class);
            CREATED = lookup.findStaticVarHandle(VarHandles.class, "created", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    interface Action {
        void run() throws Throwable;
    }

    static void attempt(String what, Action action) {
        try {
            action.run();
            System.out.println(what + ": ok");
        } catch (NullPointerException | IllegalAccessException e) {
            System.out.println(what + ": " + e.getClass().getName());
        } catch (Throwable e) {
            System.out.println(what + ": " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        intModes();
        otherTypes();
        arrays();
        conversions();
        failures();
        updaters();
        races();
    }

    static void intModes() {
        VarHandles v = new VarHandles();
        COUNT.set(v, 1);
        System.out.println("get " + (int) COUNT.get(v));
        COUNT.setVolatile(v, 2);
        System.out.println("getVolatile " + (int) COUNT.getVolatile(v));
        COUNT.setRelease(v, 3);
        System.out.println("getAcquire " + (int) COUNT.getAcquire(v));
        COUNT.setOpaque(v, 4);
        System.out.println("getOpaque " + (int) COUNT.getOpaque(v));
        System.out.println("compareAndSet " + COUNT.compareAndSet(v, 4, 5) + " " + COUNT.compareAndSet(v, 4, 6) + " " + v.count);
        System.out.println("compareAndExchange " + (int) COUNT.compareAndExchange(v, 5, 6) + " "
                + (int) COUNT.compareAndExchangeAcquire(v, 6, 7) + " " + (int) COUNT.compareAndExchangeRelease(v, 0, 8)
                + " " + v.count);
        boolean weak = false;
        while (!weak) {
            weak = COUNT.weakCompareAndSetPlain(v, 7, 8);
        }
        weak = false;
        while (!weak) {
            weak = COUNT.weakCompareAndSet(v, 8, 9);
        }
        weak = false;
        while (!weak) {
            weak = COUNT.weakCompareAndSetAcquire(v, 9, 10);
        }
        weak = false;
        while (!weak) {
            weak = COUNT.weakCompareAndSetRelease(v, 10, 11);
        }
        System.out.println("weakCompareAndSet* " + v.count + " " + COUNT.weakCompareAndSet(v, 0, 1));
        System.out.println("getAndSet " + (int) COUNT.getAndSet(v, 12) + " " + (int) COUNT.getAndSetAcquire(v, 13) + " "
                + (int) COUNT.getAndSetRelease(v, 14) + " " + v.count);
        System.out.println("getAndAdd " + (int) COUNT.getAndAdd(v, 10) + " " + (int) COUNT.getAndAddAcquire(v, -4) + " "
                + (int) COUNT.getAndAddRelease(v, 100) + " " + v.count);
        System.out.println("getAndBitwiseOr " + (int) COUNT.getAndBitwiseOr(v, 0x100) + " "
                + (int) COUNT.getAndBitwiseOrAcquire(v, 0x200) + " " + (int) COUNT.getAndBitwiseOrRelease(v, 0x400) + " " + v.count);
        System.out.println("getAndBitwiseAnd " + (int) COUNT.getAndBitwiseAnd(v, 0x7ff) + " "
                + (int) COUNT.getAndBitwiseAndAcquire(v, 0x6ff) + " " + (int) COUNT.getAndBitwiseAndRelease(v, 0x2ff) + " " + v.count);
        System.out.println("getAndBitwiseXor " + (int) COUNT.getAndBitwiseXor(v, 0xff) + " "
                + (int) COUNT.getAndBitwiseXorAcquire(v, 0xf0) + " " + (int) COUNT.getAndBitwiseXorRelease(v, -1) + " " + v.count);
        COUNT.getAndAdd(v, 1); // a statement: the call site's descriptor returns void
        System.out.println("after a statement " + v.count);
        VarHandle.fullFence();
        VarHandle.acquireFence();
        VarHandle.releaseFence();
        VarHandle.loadLoadFence();
        VarHandle.storeStoreFence();
        System.out.println("fences passed");
    }

    static void otherTypes() {
        VarHandles v = new VarHandles();
        TOTAL.set(v, Long.MAX_VALUE - 1);
        System.out.println("long " + (long) TOTAL.getAndAdd(v, 1L) + " " + (long) TOTAL.getVolatile(v) + " "
                + TOTAL.compareAndSet(v, Long.MAX_VALUE, Long.MIN_VALUE) + " " + v.total + " "
                + (long) TOTAL.getAndBitwiseXor(v, -1L) + " " + v.total + " " + (long) TOTAL.compareAndExchangeRelease(v, Long.MAX_VALUE, 5L));
        System.out.println("reference " + (String) NAME.getAndSet(v, "first") + " " + NAME.compareAndSet(v, "first", "second")
                + " " + NAME.compareAndSet(v, "first", "third") + " " + (String) NAME.getAcquire(v) + " "
                + (String) NAME.compareAndExchange(v, "second", null) + " " + v.name);
        System.out.println("boolean " + (boolean) FLAG.getAndSet(v, true) + " " + (boolean) FLAG.getAndBitwiseXor(v, true) + " "
                + FLAG.compareAndSet(v, false, true) + " " + (boolean) FLAG.getAndBitwiseAnd(v, false) + " " + v.flag);
        LEVEL.setVolatile(v, 1.5);
        System.out.println("double " + (double) LEVEL.getAndAdd(v, 2.25) + " " + LEVEL.compareAndSet(v, 3.75, -0.0) + " "
                + (double) LEVEL.get(v) + " " + LEVEL.compareAndSet(v, 0.0, 1.0) + " " + (double) LEVEL.getOpaque(v));
        CREATED.set(10);
        System.out.println("static " + (int) CREATED.getAndAdd(5) + " " + CREATED.compareAndSet(15, 20) + " " + created + " "
                + (int) CREATED.getVolatile());
        System.out.println("final " + (int) FIXED.get(v) + " " + (int) FIXED.getVolatile(v));
    }

    static void arrays() {
        int[] ints = new int[4];
        INTS.setVolatile(ints, 2, 40);
        System.out.println("int[] " + (int) INTS.getAndAdd(ints, 2, 2) + " " + INTS.compareAndSet(ints, 2, 42, 50) + " "
                + (int) INTS.getAcquire(ints, 2) + " " + (int) INTS.getAndBitwiseOr(ints, 3, 6) + " " + ints[3] + " "
                + java.util.Arrays.toString(ints));
        long[] longs = {1, 2, 3};
        System.out.println("long[] " + (long) LONGS.getAndSet(longs, 0, 100L) + " " + (long) LONGS.compareAndExchange(longs, 2, 3L, 30L)
                + " " + java.util.Arrays.toString(longs));
        Number[] numbers = new Integer[2];
        NUMBERS.set(numbers, 0, 5);
        System.out.println("Number[] " + NUMBERS.compareAndSet(numbers, 0, numbers[0], 6) + " " + (Number) NUMBERS.get(numbers, 0)
                + " " + (Object) NUMBERS.getAndSet(numbers, 1, 9) + " " + java.util.Arrays.toString(numbers));
    }

    static void conversions() {
        VarHandles v = new VarHandles();
        COUNT.set(v, (short) 3); // short widened to int
        TOTAL.set(v, 'A'); // char widened to long
        Object boxedCount = COUNT.get(v); // int boxed to Object
        long widened = (long) COUNT.get(v); // int widened to long
        System.out.println("widen and box " + v.count + " " + v.total + " " + boxedCount + " " + widened);
        COUNT.set(v, (Object) Short.valueOf((short) 9)); // Object unboxed to int at run time, through a Short
        System.out.println("unbox widening " + v.count);
        COUNT.set(v, Integer.valueOf(11));
        BOXED.set(v, 12); // int boxed to the field's Integer
        int unboxed = (int) BOXED.get(v);
        System.out.println("box and unbox " + v.count + " " + v.boxed + " " + unboxed);
        Object receiver = v;
        System.out.println("receiver as Object " + (int) COUNT.get(receiver));
        Object anyName = NAME.get(v);
        System.out.println("reference as Object " + anyName);
    }

    static void failures() {
        VarHandles v = new VarHandles();
        attempt("null receiver", () -> COUNT.set((VarHandles) null, 1));
        attempt("wrong receiver", () -> COUNT.set((Object) "text", 1));
        attempt("long to int", () -> {
            int i = (int) TOTAL.get(v);
        });
        attempt("long argument", () -> COUNT.set(v, 1L));
        attempt("missing argument", () -> COUNT.set(v));
        attempt("int to Long", () -> {
            Long l = (Long) COUNT.get(v);
        });
        attempt("Long unboxed to int", () -> COUNT.set(v, (Object) Long.valueOf(1)));
        attempt("null unboxed", () -> COUNT.set(v, (Object) null));
        attempt("wrong value", () -> NAME.set(v, (Object) 5));
        attempt("getAndAdd on a reference", () -> NAME.getAndAdd(v, "x"));
        attempt("getAndAdd on a boolean", () -> FLAG.getAndAdd(v, true));
        attempt("bitwise on a double", () -> LEVEL.getAndBitwiseOr(v, 1.0));
        attempt("set a final field", () -> FIXED.set(v, 1));
        attempt("compareAndSet a final field", () -> FIXED.compareAndSet(v, 7, 1));
        attempt("index out of bounds", () -> INTS.getVolatile(new int[3], 3));
        attempt("negative index", () -> LONGS.set(new long[3], -1, 1L));
        attempt("null array", () -> INTS.getAndAdd((int[]) null, 0, 1));
        attempt("wrong array", () -> INTS.get((Object) new long[1], 0));
        attempt("array store", () -> NUMBERS.setVolatile(new Integer[1], 0, 1.5));
        attempt("array store on compareAndSet", () -> NUMBERS.compareAndSet(new Integer[1], 0, null, 2.5));
        attempt("value not a Number", () -> NUMBERS.set(new Number[1], 0, "text"));
        attempt("static with a receiver", () -> CREATED.get(v));
        attempt("missing field", () -> MethodHandles.lookup().findVarHandle(VarHandles.class, "absent", int.class));
        attempt("wrong field type", () -> MethodHandles.lookup().findVarHandle(VarHandles.class, "count", long.class));
        attempt("static field as instance", () -> MethodHandles.lookup().findVarHandle(VarHandles.class, "created", int.class));
        attempt("instance field as static", () -> MethodHandles.lookup().findStaticVarHandle(VarHandles.class, "count", int.class));
        attempt("not an array class", () -> MethodHandles.arrayElementVarHandle(String.class));
        attempt("a handle made and used in one method", () -> {
            VarHandle local = MethodHandles.lookup().findVarHandle(VarHandles.class, "count", int.class);
            local.set(v, 77);
            System.out.println("local handle " + (int) local.getAndAdd(v, 1) + " " + v.count);
        });
    }

    static void updaters() {
        VarHandles v = new VarHandles();
        System.out.println("int updater " + COUNT_UPDATER.incrementAndGet(v) + " " + COUNT_UPDATER.getAndAdd(v, 5) + " "
                + COUNT_UPDATER.compareAndSet(v, 6, 60) + " " + COUNT_UPDATER.updateAndGet(v, x -> x * 2) + " "
                + COUNT_UPDATER.getAndSet(v, 1) + " " + COUNT_UPDATER.get(v));
        UPDATED_UPDATER.lazySet(v, 40L);
        System.out.println("long updater " + UPDATED_UPDATER.addAndGet(v, 2) + " " + UPDATED_UPDATER.decrementAndGet(v) + " "
                + UPDATED_UPDATER.accumulateAndGet(v, 10, Long::sum) + " " + v.updated);
        System.out.println("reference updater " + NAME_UPDATER.getAndSet(v, "a") + " " + NAME_UPDATER.compareAndSet(v, "a", "b")
                + " " + NAME_UPDATER.getAndUpdate(v, s -> s + s) + " " + NAME_UPDATER.get(v));
        attempt("updater on null", () -> COUNT_UPDATER.get(null));
        @SuppressWarnings({"unchecked", "rawtypes"})
        AtomicReferenceFieldUpdater<VarHandles, Object> raw = (AtomicReferenceFieldUpdater) NAME_UPDATER;
        attempt("updater with a wrong value", () -> raw.set(v, 5));
        attempt("updater on a missing field", () -> AtomicIntegerFieldUpdater.newUpdater(VarHandles.class, "absent"));
        attempt("int updater on a long", () -> AtomicIntegerFieldUpdater.newUpdater(VarHandles.class, "updated"));
        attempt("updater on a plain field", () -> AtomicLongFieldUpdater.newUpdater(VarHandles.class, "total"));
        attempt("updater with a wrong value class", () -> AtomicReferenceFieldUpdater.newUpdater(VarHandles.class, Object.class, "name"));
        attempt("updater on a static field", () -> AtomicIntegerFieldUpdater.newUpdater(VarHandles.class, "created"));
    }

    /** Four threads race: no compare-and-set or get-and-add may lose an update. */
    static void races() throws InterruptedException {
        VarHandles v = new VarHandles();
        long[] cells = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    int seen;
                    do {
                        seen = (int) COUNT.getVolatile(v);
                    } while (!COUNT.weakCompareAndSet(v, seen, seen + 1));
                    TOTAL.getAndAdd(v, 2L);
                    LONGS.getAndAdd(cells, i & 1, 1L);
                    COUNT_UPDATER.getAndIncrement(v);
                    if (i % 1000 == 0) {
                        Thread.yield();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println("races " + v.count + " " + v.total + " " + cells[0] + " " + cells[1]);
    }
}
