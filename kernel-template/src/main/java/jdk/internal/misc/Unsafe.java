package jdk.internal.misc;

import kiln.runtime.LibrarySupport;

/**
 * Kiln's {@code jdk.internal.misc.Unsafe}: the JDK 17 API that {@code java.util.concurrent}, its atomics and
 * the VarHandles Kiln lowers at build time (docs/compiler.md "The class library") call, on Kiln's object layout
 * and scheduler. The JDK's own class is all natives of HotSpot.
 *
 * <h2>Offsets are build-time constants</h2>
 * A field's offset is fixed when the compiler lays out its class (docs/abi.md "Objects"), so the compiler
 * replaces {@code objectFieldOffset(X.class, "name")} with two literal arguments, the JDK's pattern in static
 * initializers, by the offset itself (and {@code arrayBaseOffset}/{@code arrayIndexScale} of a class literal by
 * theirs). A field it cannot find is a build error. Only a call with other arguments reaches the method bodies
 * below, which throw an exception naming the field and the fix: Kiln keeps no field table at run time.
 * <i>Rejected</i>: a run-time table of every field's name and offset (it costs image space for every field of
 * the closed world, for a pattern the JDK uses with constants only).
 *
 * <h2>Memory order on x86-64</h2>
 * The accesses are those of {@link LibrarySupport} (its "Memory operations" comment): plain loads are already
 * acquire loads and plain stores release stores (SDM Vol. 3A §9.2.2), so the plain, opaque, acquire and release
 * variants are one plain access; a volatile store is an XCHG or a store followed by MFENCE; compare-and-set,
 * get-and-add and get-and-set are LOCK-prefixed instructions, atomic across processors, never "atomic because
 * one core runs". A strong compare-and-set serves every weak one (the weak contract only permits spurious
 * failure). {@code boolean}, {@code byte}, {@code short} and {@code char} are compared and set through the
 * aligned 4-byte word that holds them (x86-64 has narrow CMPXCHG too, but one int form keeps the compiler's
 * intrinsics few); {@code float} and {@code double} through their raw bits, as the JDK specifies. The bitwise
 * operations and the get-and-add/get-and-set of the other types are compare-and-set loops.
 *
 * <h2>Parking</h2>
 * {@link #park} and {@link #unpark} are the scheduler's (through {@link LibrarySupport#park}): a tasklet parks
 * until an unpark, its permit, an interrupt ({@code Thread.interrupt} wakes it, as on HotSpot) or its deadline.
 * The thread's {@code parkBlocker}, which {@code LockSupport} sets, is what the deadlock report names.
 */
public final class Unsafe {
    private static final Unsafe THE_ONE = new Unsafe();

    public static final int INVALID_FIELD_OFFSET = -1;
    public static final int ADDRESS_SIZE = 8;
    /** docs/abi.md "Objects": every array's elements start at +24, after the header and the length. */
    public static final int ARRAY_BOOLEAN_BASE_OFFSET = 24;
    public static final int ARRAY_BYTE_BASE_OFFSET = 24;
    public static final int ARRAY_SHORT_BASE_OFFSET = 24;
    public static final int ARRAY_CHAR_BASE_OFFSET = 24;
    public static final int ARRAY_INT_BASE_OFFSET = 24;
    public static final int ARRAY_LONG_BASE_OFFSET = 24;
    public static final int ARRAY_FLOAT_BASE_OFFSET = 24;
    public static final int ARRAY_DOUBLE_BASE_OFFSET = 24;
    public static final int ARRAY_OBJECT_BASE_OFFSET = 24;
    public static final int ARRAY_BOOLEAN_INDEX_SCALE = 1;
    public static final int ARRAY_BYTE_INDEX_SCALE = 1;
    public static final int ARRAY_SHORT_INDEX_SCALE = 2;
    public static final int ARRAY_CHAR_INDEX_SCALE = 2;
    public static final int ARRAY_INT_INDEX_SCALE = 4;
    public static final int ARRAY_LONG_INDEX_SCALE = 8;
    public static final int ARRAY_FLOAT_INDEX_SCALE = 4;
    public static final int ARRAY_DOUBLE_INDEX_SCALE = 8;
    public static final int ARRAY_OBJECT_INDEX_SCALE = 8;

    /** Thread's own fields (folded at build time, see above): the tasklet under a started thread, its blocker. */
    private static final long THREAD_TASKLET = THE_ONE.objectFieldOffset(Thread.class, "tasklet");
    private static final long THREAD_PARK_BLOCKER = THE_ONE.objectFieldOffset(Thread.class, "parkBlocker");

    private Unsafe() {}

    public static Unsafe getUnsafe() {
        return THE_ONE;
    }

    // ---- offsets ----

    /** Reached only with non-constant arguments: the compiler folds {@code objectFieldOffset(X.class, "f")}. */
    public long objectFieldOffset(Class<?> c, String name) {
        throw new UnsupportedOperationException("Unsafe.objectFieldOffset(" + c.getName() + ".class, \"" + name
                + "\") with arguments that are not constants: Kiln fixes field offsets at build time and keeps no"
                + " field table at run time; pass a class literal and a string literal (U.objectFieldOffset("
                + c.getSimpleName() + ".class, \"" + name + "\")) or use a VarHandle or field updater made from constants");
    }

    public long objectFieldOffset(java.lang.reflect.Field f) {
        throw new UnsupportedOperationException("Unsafe.objectFieldOffset(Field " + f.getName()
                + "): Kiln fixes field offsets at build time and keeps no field table at run time; use"
                + " U.objectFieldOffset(TheClass.class, \"" + f.getName() + "\") with literal arguments, or a VarHandle");
    }

    public int arrayBaseOffset(Class<?> arrayClass) {
        requireArrayClass(arrayClass);
        return ARRAY_INT_BASE_OFFSET;
    }

    public int arrayIndexScale(Class<?> arrayClass) {
        requireArrayClass(arrayClass);
        return arrayClass.elementSize();
    }

    private static void requireArrayClass(Class<?> c) {
        if (!c.isArray()) {
            throw new IllegalArgumentException(c.getName() + " is not an array class");
        }
    }

    public int addressSize() {
        return ADDRESS_SIZE;
    }

    public int pageSize() {
        return 4096;
    }

    public boolean isBigEndian() {
        return false;
    }

    public boolean unalignedAccess() {
        return true;
    }

    // ---- fences: x86-64 orders everything but a store before a later load (SDM Vol. 3A §9.2.2) ----

    /** No instruction: x86-64 never reorders a load with a later load or store. */
    public void loadFence() {
    }

    /** No instruction: x86-64 never reorders a store with a later store. */
    public void storeFence() {
    }

    /** MFENCE: the one reordering x86-64 does (a store with a later load) is the one this forbids. */
    public void fullFence() {
        LibrarySupport.fullFence();
    }

    public void acquireFence() {
        loadFence();
    }

    public void releaseFence() {
        storeFence();
    }

    public void loadLoadFence() {
        loadFence();
    }

    public void storeStoreFence() {
        storeFence();
    }

    // ---- parking ----

    /**
     * Parks the calling thread until {@link #unpark}, an interrupt, or the deadline ({@code time} milliseconds
     * since the epoch if {@code isAbsolute}, else {@code time} nanoseconds from now, 0 for none). May return
     * spuriously.
     */
    public void park(boolean isAbsolute, long time) {
        Object blocker = getReference(Thread.currentThread(), THREAD_PARK_BLOCKER);
        LibrarySupport.park(isAbsolute, time, blocker);
    }

    /** Unparks {@code thread}; a thread that has not started yet has no tasklet to unpark, as on HotSpot. */
    public void unpark(Object thread) {
        Object tasklet = thread == null ? null : getReference(thread, THREAD_TASKLET);
        if (tasklet != null) {
            LibrarySupport.unpark(tasklet);
        }
    }

    // ---- read-modify-write through compare-and-set ----

    /** The operations of the get-and-update loops below (x86-64's LOCK XADD covers only int and long adds). */
    private static final int ADD = 0, SET = 1, OR = 2, AND = 3, XOR = 4;

    private static int apply(int operation, int current, int operand) {
        switch (operation) {
            case ADD: return current + operand;
            case SET: return operand;
            case OR: return current | operand;
            case AND: return current & operand;
            default: return current ^ operand;
        }
    }

    private static long apply(int operation, long current, long operand) {
        switch (operation) {
            case OR: return current | operand;
            case AND: return current & operand;
            default: return current ^ operand;
        }
    }

    private int getAndUpdateInt(Object o, long offset, int operation, int operand) {
        while (true) {
            int current = getIntVolatile(o, offset);
            if (compareAndSetInt(o, offset, current, apply(operation, current, operand))) {
                return current;
            }
        }
    }

    private long getAndUpdateLong(Object o, long offset, int operation, long operand) {
        while (true) {
            long current = getLongVolatile(o, offset);
            if (compareAndSetLong(o, offset, current, apply(operation, current, operand))) {
                return current;
            }
        }
    }

    /*
     * The narrow types (boolean, byte: 8 bits; short, char: 16) live inside the aligned 4-byte word that starts at
     * offset & ~3, at bit (offset & 3) * 8 of it (little-endian); fields and elements of these types are aligned
     * to their size, so one never straddles two words. Both operations return the value they found,
     * zero-extended, and retry only when another part of the word changed under them.
     */

    private int getAndUpdateNarrow(Object o, long offset, int bits, int operation, int operand) {
        long wordOffset = offset & ~3L;
        int shift = (int) (offset & 3) * 8;
        int valueMask = (1 << bits) - 1;
        while (true) {
            int word = getIntVolatile(o, wordOffset);
            int found = (word >>> shift) & valueMask;
            int updated = apply(operation, found, operand) & valueMask;
            if (compareAndSetInt(o, wordOffset, word, word & ~(valueMask << shift) | updated << shift)) {
                return found;
            }
        }
    }

    private int compareAndExchangeNarrow(Object o, long offset, int bits, int expected, int x) {
        long wordOffset = offset & ~3L;
        int shift = (int) (offset & 3) * 8;
        int valueMask = (1 << bits) - 1;
        while (true) {
            int word = getIntVolatile(o, wordOffset);
            int found = (word >>> shift) & valueMask;
            if (found != (expected & valueMask)
                    || compareAndSetInt(o, wordOffset, word, word & ~(valueMask << shift) | (x & valueMask) << shift)) {
                return found;
            }
        }
    }

    // ---- int ----

    public int getInt(Object o, long offset) {
        return LibrarySupport.readInt(o, offset);
    }

    public int getIntVolatile(Object o, long offset) {
        return getInt(o, offset);
    }

    public int getIntAcquire(Object o, long offset) {
        return getInt(o, offset);
    }

    public int getIntOpaque(Object o, long offset) {
        return getInt(o, offset);
    }

    public void putInt(Object o, long offset, int x) {
        LibrarySupport.writeInt(o, offset, x);
    }

    public void putIntVolatile(Object o, long offset, int x) {
        LibrarySupport.getAndSetInt(o, offset, x);
    }

    public void putIntRelease(Object o, long offset, int x) {
        putInt(o, offset, x);
    }

    public void putIntOpaque(Object o, long offset, int x) {
        putInt(o, offset, x);
    }

    public int compareAndExchangeInt(Object o, long offset, int expected, int x) {
        return LibrarySupport.compareAndExchangeInt(o, offset, expected, x);
    }

    public int compareAndExchangeIntAcquire(Object o, long offset, int expected, int x) {
        return compareAndExchangeInt(o, offset, expected, x);
    }

    public int compareAndExchangeIntRelease(Object o, long offset, int expected, int x) {
        return compareAndExchangeInt(o, offset, expected, x);
    }

    public boolean compareAndSetInt(Object o, long offset, int expected, int x) {
        return compareAndExchangeInt(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetInt(Object o, long offset, int expected, int x) {
        return compareAndSetInt(o, offset, expected, x);
    }

    public boolean weakCompareAndSetIntPlain(Object o, long offset, int expected, int x) {
        return compareAndSetInt(o, offset, expected, x);
    }

    public boolean weakCompareAndSetIntAcquire(Object o, long offset, int expected, int x) {
        return compareAndSetInt(o, offset, expected, x);
    }

    public boolean weakCompareAndSetIntRelease(Object o, long offset, int expected, int x) {
        return compareAndSetInt(o, offset, expected, x);
    }

    public int getAndSetInt(Object o, long offset, int x) {
        return LibrarySupport.getAndSetInt(o, offset, x);
    }

    public int getAndSetIntAcquire(Object o, long offset, int x) {
        return getAndSetInt(o, offset, x);
    }

    public int getAndSetIntRelease(Object o, long offset, int x) {
        return getAndSetInt(o, offset, x);
    }

    public int getAndAddInt(Object o, long offset, int delta) {
        return LibrarySupport.getAndAddInt(o, offset, delta);
    }

    public int getAndAddIntAcquire(Object o, long offset, int delta) {
        return getAndAddInt(o, offset, delta);
    }

    public int getAndAddIntRelease(Object o, long offset, int delta) {
        return getAndAddInt(o, offset, delta);
    }

    public int getAndBitwiseOrInt(Object o, long offset, int mask) {
        return getAndUpdateInt(o, offset, OR, mask);
    }

    public int getAndBitwiseOrIntAcquire(Object o, long offset, int mask) {
        return getAndBitwiseOrInt(o, offset, mask);
    }

    public int getAndBitwiseOrIntRelease(Object o, long offset, int mask) {
        return getAndBitwiseOrInt(o, offset, mask);
    }

    public int getAndBitwiseAndInt(Object o, long offset, int mask) {
        return getAndUpdateInt(o, offset, AND, mask);
    }

    public int getAndBitwiseAndIntAcquire(Object o, long offset, int mask) {
        return getAndBitwiseAndInt(o, offset, mask);
    }

    public int getAndBitwiseAndIntRelease(Object o, long offset, int mask) {
        return getAndBitwiseAndInt(o, offset, mask);
    }

    public int getAndBitwiseXorInt(Object o, long offset, int mask) {
        return getAndUpdateInt(o, offset, XOR, mask);
    }

    public int getAndBitwiseXorIntAcquire(Object o, long offset, int mask) {
        return getAndBitwiseXorInt(o, offset, mask);
    }

    public int getAndBitwiseXorIntRelease(Object o, long offset, int mask) {
        return getAndBitwiseXorInt(o, offset, mask);
    }

    // ---- long ----

    public long getLong(Object o, long offset) {
        return LibrarySupport.readLong(o, offset);
    }

    public long getLongVolatile(Object o, long offset) {
        return getLong(o, offset);
    }

    public long getLongAcquire(Object o, long offset) {
        return getLong(o, offset);
    }

    public long getLongOpaque(Object o, long offset) {
        return getLong(o, offset);
    }

    public void putLong(Object o, long offset, long x) {
        LibrarySupport.writeLong(o, offset, x);
    }

    public void putLongVolatile(Object o, long offset, long x) {
        LibrarySupport.getAndSetLong(o, offset, x);
    }

    public void putLongRelease(Object o, long offset, long x) {
        putLong(o, offset, x);
    }

    public void putLongOpaque(Object o, long offset, long x) {
        putLong(o, offset, x);
    }

    public long compareAndExchangeLong(Object o, long offset, long expected, long x) {
        return LibrarySupport.compareAndExchangeLong(o, offset, expected, x);
    }

    public long compareAndExchangeLongAcquire(Object o, long offset, long expected, long x) {
        return compareAndExchangeLong(o, offset, expected, x);
    }

    public long compareAndExchangeLongRelease(Object o, long offset, long expected, long x) {
        return compareAndExchangeLong(o, offset, expected, x);
    }

    public boolean compareAndSetLong(Object o, long offset, long expected, long x) {
        return compareAndExchangeLong(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetLong(Object o, long offset, long expected, long x) {
        return compareAndSetLong(o, offset, expected, x);
    }

    public boolean weakCompareAndSetLongPlain(Object o, long offset, long expected, long x) {
        return compareAndSetLong(o, offset, expected, x);
    }

    public boolean weakCompareAndSetLongAcquire(Object o, long offset, long expected, long x) {
        return compareAndSetLong(o, offset, expected, x);
    }

    public boolean weakCompareAndSetLongRelease(Object o, long offset, long expected, long x) {
        return compareAndSetLong(o, offset, expected, x);
    }

    public long getAndSetLong(Object o, long offset, long x) {
        return LibrarySupport.getAndSetLong(o, offset, x);
    }

    public long getAndSetLongAcquire(Object o, long offset, long x) {
        return getAndSetLong(o, offset, x);
    }

    public long getAndSetLongRelease(Object o, long offset, long x) {
        return getAndSetLong(o, offset, x);
    }

    public long getAndAddLong(Object o, long offset, long delta) {
        return LibrarySupport.getAndAddLong(o, offset, delta);
    }

    public long getAndAddLongAcquire(Object o, long offset, long delta) {
        return getAndAddLong(o, offset, delta);
    }

    public long getAndAddLongRelease(Object o, long offset, long delta) {
        return getAndAddLong(o, offset, delta);
    }

    public long getAndBitwiseOrLong(Object o, long offset, long mask) {
        return getAndUpdateLong(o, offset, OR, mask);
    }

    public long getAndBitwiseOrLongAcquire(Object o, long offset, long mask) {
        return getAndBitwiseOrLong(o, offset, mask);
    }

    public long getAndBitwiseOrLongRelease(Object o, long offset, long mask) {
        return getAndBitwiseOrLong(o, offset, mask);
    }

    public long getAndBitwiseAndLong(Object o, long offset, long mask) {
        return getAndUpdateLong(o, offset, AND, mask);
    }

    public long getAndBitwiseAndLongAcquire(Object o, long offset, long mask) {
        return getAndBitwiseAndLong(o, offset, mask);
    }

    public long getAndBitwiseAndLongRelease(Object o, long offset, long mask) {
        return getAndBitwiseAndLong(o, offset, mask);
    }

    public long getAndBitwiseXorLong(Object o, long offset, long mask) {
        return getAndUpdateLong(o, offset, XOR, mask);
    }

    public long getAndBitwiseXorLongAcquire(Object o, long offset, long mask) {
        return getAndBitwiseXorLong(o, offset, mask);
    }

    public long getAndBitwiseXorLongRelease(Object o, long offset, long mask) {
        return getAndBitwiseXorLong(o, offset, mask);
    }

    // ---- Object ----

    public Object getReference(Object o, long offset) {
        return LibrarySupport.readReference(o, offset);
    }

    public Object getReferenceVolatile(Object o, long offset) {
        return getReference(o, offset);
    }

    public Object getReferenceAcquire(Object o, long offset) {
        return getReference(o, offset);
    }

    public Object getReferenceOpaque(Object o, long offset) {
        return getReference(o, offset);
    }

    public void putReference(Object o, long offset, Object x) {
        LibrarySupport.writeReference(o, offset, x);
    }

    public void putReferenceVolatile(Object o, long offset, Object x) {
        LibrarySupport.getAndSetReference(o, offset, x);
    }

    public void putReferenceRelease(Object o, long offset, Object x) {
        putReference(o, offset, x);
    }

    public void putReferenceOpaque(Object o, long offset, Object x) {
        putReference(o, offset, x);
    }

    public Object compareAndExchangeReference(Object o, long offset, Object expected, Object x) {
        return LibrarySupport.compareAndExchangeReference(o, offset, expected, x);
    }

    public Object compareAndExchangeReferenceAcquire(Object o, long offset, Object expected, Object x) {
        return compareAndExchangeReference(o, offset, expected, x);
    }

    public Object compareAndExchangeReferenceRelease(Object o, long offset, Object expected, Object x) {
        return compareAndExchangeReference(o, offset, expected, x);
    }

    public boolean compareAndSetReference(Object o, long offset, Object expected, Object x) {
        return compareAndExchangeReference(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetReference(Object o, long offset, Object expected, Object x) {
        return compareAndSetReference(o, offset, expected, x);
    }

    public boolean weakCompareAndSetReferencePlain(Object o, long offset, Object expected, Object x) {
        return compareAndSetReference(o, offset, expected, x);
    }

    public boolean weakCompareAndSetReferenceAcquire(Object o, long offset, Object expected, Object x) {
        return compareAndSetReference(o, offset, expected, x);
    }

    public boolean weakCompareAndSetReferenceRelease(Object o, long offset, Object expected, Object x) {
        return compareAndSetReference(o, offset, expected, x);
    }

    public Object getAndSetReference(Object o, long offset, Object x) {
        return LibrarySupport.getAndSetReference(o, offset, x);
    }

    public Object getAndSetReferenceAcquire(Object o, long offset, Object x) {
        return getAndSetReference(o, offset, x);
    }

    public Object getAndSetReferenceRelease(Object o, long offset, Object x) {
        return getAndSetReference(o, offset, x);
    }

    // ---- boolean ----

    public boolean getBoolean(Object o, long offset) {
        return LibrarySupport.readByte(o, offset) != 0;
    }

    public boolean getBooleanVolatile(Object o, long offset) {
        return getBoolean(o, offset);
    }

    public boolean getBooleanAcquire(Object o, long offset) {
        return getBoolean(o, offset);
    }

    public boolean getBooleanOpaque(Object o, long offset) {
        return getBoolean(o, offset);
    }

    public void putBoolean(Object o, long offset, boolean x) {
        LibrarySupport.writeByte(o, offset, (byte) (x ? 1 : 0));
    }

    public void putBooleanVolatile(Object o, long offset, boolean x) {
        putBoolean(o, offset, x);
        fullFence();
    }

    public void putBooleanRelease(Object o, long offset, boolean x) {
        putBoolean(o, offset, x);
    }

    public void putBooleanOpaque(Object o, long offset, boolean x) {
        putBoolean(o, offset, x);
    }

    public boolean compareAndExchangeBoolean(Object o, long offset, boolean expected, boolean x) {
        return compareAndExchangeNarrow(o, offset, 8, expected ? 1 : 0, x ? 1 : 0) != 0;
    }

    public boolean compareAndExchangeBooleanAcquire(Object o, long offset, boolean expected, boolean x) {
        return compareAndExchangeBoolean(o, offset, expected, x);
    }

    public boolean compareAndExchangeBooleanRelease(Object o, long offset, boolean expected, boolean x) {
        return compareAndExchangeBoolean(o, offset, expected, x);
    }

    public boolean compareAndSetBoolean(Object o, long offset, boolean expected, boolean x) {
        return compareAndExchangeBoolean(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetBoolean(Object o, long offset, boolean expected, boolean x) {
        return compareAndSetBoolean(o, offset, expected, x);
    }

    public boolean weakCompareAndSetBooleanPlain(Object o, long offset, boolean expected, boolean x) {
        return compareAndSetBoolean(o, offset, expected, x);
    }

    public boolean weakCompareAndSetBooleanAcquire(Object o, long offset, boolean expected, boolean x) {
        return compareAndSetBoolean(o, offset, expected, x);
    }

    public boolean weakCompareAndSetBooleanRelease(Object o, long offset, boolean expected, boolean x) {
        return compareAndSetBoolean(o, offset, expected, x);
    }

    public boolean getAndSetBoolean(Object o, long offset, boolean x) {
        return getAndUpdateNarrow(o, offset, 8, SET, x ? 1 : 0) != 0;
    }

    public boolean getAndSetBooleanAcquire(Object o, long offset, boolean x) {
        return getAndSetBoolean(o, offset, x);
    }

    public boolean getAndSetBooleanRelease(Object o, long offset, boolean x) {
        return getAndSetBoolean(o, offset, x);
    }

    public boolean getAndBitwiseOrBoolean(Object o, long offset, boolean mask) {
        return getAndUpdateNarrow(o, offset, 8, OR, mask ? 1 : 0) != 0;
    }

    public boolean getAndBitwiseOrBooleanAcquire(Object o, long offset, boolean mask) {
        return getAndBitwiseOrBoolean(o, offset, mask);
    }

    public boolean getAndBitwiseOrBooleanRelease(Object o, long offset, boolean mask) {
        return getAndBitwiseOrBoolean(o, offset, mask);
    }

    public boolean getAndBitwiseAndBoolean(Object o, long offset, boolean mask) {
        return getAndUpdateNarrow(o, offset, 8, AND, mask ? 1 : 0) != 0;
    }

    public boolean getAndBitwiseAndBooleanAcquire(Object o, long offset, boolean mask) {
        return getAndBitwiseAndBoolean(o, offset, mask);
    }

    public boolean getAndBitwiseAndBooleanRelease(Object o, long offset, boolean mask) {
        return getAndBitwiseAndBoolean(o, offset, mask);
    }

    public boolean getAndBitwiseXorBoolean(Object o, long offset, boolean mask) {
        return getAndUpdateNarrow(o, offset, 8, XOR, mask ? 1 : 0) != 0;
    }

    public boolean getAndBitwiseXorBooleanAcquire(Object o, long offset, boolean mask) {
        return getAndBitwiseXorBoolean(o, offset, mask);
    }

    public boolean getAndBitwiseXorBooleanRelease(Object o, long offset, boolean mask) {
        return getAndBitwiseXorBoolean(o, offset, mask);
    }

    // ---- bulk copies ----

    /**
     * Copies between two heap objects ({@code java.nio}'s heap buffers' bulk gets and puts, through
     * {@code ScopedMemoryAccess}) with {@link LibrarySupport#copyBytes}: one {@code rep movsb}, or backwards when
     * the target overlaps the source from above, as memmove does. Kiln's collector does not move objects, so the offsets stay valid throughout. A null base
     * (an absolute address: direct buffers, off-heap memory) is not supported: an image has no native memory
     * allocator for Java code.
     */
    public void copyMemory(Object srcBase, long srcOffset, Object destBase, long destOffset, long bytes) {
        if (srcBase == null || destBase == null) {
            throw new UnsupportedOperationException("Kiln: Unsafe.copyMemory copies between heap objects only"
                    + " (no direct buffers or off-heap memory in an image)");
        }
        LibrarySupport.copyBytes(srcBase, srcOffset, destBase, destOffset, bytes);
    }

    /**
     * Copies {@code bytes} as elements of {@code elemSize} bytes (2, 4 or 8), reversing the bytes of each: a heap
     * buffer's bulk get or put between a byte buffer's view of the other byte order and an array (the JDK's ICU data
     * loader reads its big-endian tables so). Elements are copied last to first when the target overlaps the source
     * from above, so an overlapping copy moves each element before it is overwritten, as the JDK's does.
     */
    public void copySwapMemory(Object srcBase, long srcOffset, Object destBase, long destOffset, long bytes, long elemSize) {
        if (elemSize != 2 && elemSize != 4 && elemSize != 8 || bytes % elemSize != 0) {
            throw new IllegalArgumentException("Kiln: Unsafe.copySwapMemory of " + bytes + " bytes in elements of "
                    + elemSize);
        }
        if (srcBase == null || destBase == null) {
            throw new UnsupportedOperationException("Kiln: Unsafe.copySwapMemory copies between heap objects only"
                    + " (no direct buffers or off-heap memory in an image)");
        }
        boolean backwards = srcBase == destBase && destOffset > srcOffset;
        for (long done = 0; done < bytes; done += elemSize) {
            long element = backwards ? bytes - elemSize - done : done;
            long value = 0;
            for (long i = 0; i < elemSize; i++) { // the element's bytes, the first one lowest
                value |= (getByte(srcBase, srcOffset + element + i) & 0xFFL) << (8 * i);
            }
            for (long i = 0; i < elemSize; i++) { // written back highest first: reversed
                putByte(destBase, destOffset + element + i, (byte) (value >>> (8 * (elemSize - 1 - i))));
            }
        }
    }

    // ---- byte ----

    public byte getByte(Object o, long offset) {
        return LibrarySupport.readByte(o, offset);
    }

    public byte getByteVolatile(Object o, long offset) {
        return getByte(o, offset);
    }

    public byte getByteAcquire(Object o, long offset) {
        return getByte(o, offset);
    }

    public byte getByteOpaque(Object o, long offset) {
        return getByte(o, offset);
    }

    public void putByte(Object o, long offset, byte x) {
        LibrarySupport.writeByte(o, offset, x);
    }

    public void putByteVolatile(Object o, long offset, byte x) {
        putByte(o, offset, x);
        fullFence();
    }

    public void putByteRelease(Object o, long offset, byte x) {
        putByte(o, offset, x);
    }

    public void putByteOpaque(Object o, long offset, byte x) {
        putByte(o, offset, x);
    }

    public byte compareAndExchangeByte(Object o, long offset, byte expected, byte x) {
        return (byte) compareAndExchangeNarrow(o, offset, 8, expected, x);
    }

    public byte compareAndExchangeByteAcquire(Object o, long offset, byte expected, byte x) {
        return compareAndExchangeByte(o, offset, expected, x);
    }

    public byte compareAndExchangeByteRelease(Object o, long offset, byte expected, byte x) {
        return compareAndExchangeByte(o, offset, expected, x);
    }

    public boolean compareAndSetByte(Object o, long offset, byte expected, byte x) {
        return compareAndExchangeByte(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetByte(Object o, long offset, byte expected, byte x) {
        return compareAndSetByte(o, offset, expected, x);
    }

    public boolean weakCompareAndSetBytePlain(Object o, long offset, byte expected, byte x) {
        return compareAndSetByte(o, offset, expected, x);
    }

    public boolean weakCompareAndSetByteAcquire(Object o, long offset, byte expected, byte x) {
        return compareAndSetByte(o, offset, expected, x);
    }

    public boolean weakCompareAndSetByteRelease(Object o, long offset, byte expected, byte x) {
        return compareAndSetByte(o, offset, expected, x);
    }

    public byte getAndSetByte(Object o, long offset, byte x) {
        return (byte) getAndUpdateNarrow(o, offset, 8, SET, x);
    }

    public byte getAndSetByteAcquire(Object o, long offset, byte x) {
        return getAndSetByte(o, offset, x);
    }

    public byte getAndSetByteRelease(Object o, long offset, byte x) {
        return getAndSetByte(o, offset, x);
    }

    public byte getAndAddByte(Object o, long offset, byte delta) {
        return (byte) getAndUpdateNarrow(o, offset, 8, ADD, delta);
    }

    public byte getAndAddByteAcquire(Object o, long offset, byte delta) {
        return getAndAddByte(o, offset, delta);
    }

    public byte getAndAddByteRelease(Object o, long offset, byte delta) {
        return getAndAddByte(o, offset, delta);
    }

    public byte getAndBitwiseOrByte(Object o, long offset, byte mask) {
        return (byte) getAndUpdateNarrow(o, offset, 8, OR, mask);
    }

    public byte getAndBitwiseOrByteAcquire(Object o, long offset, byte mask) {
        return getAndBitwiseOrByte(o, offset, mask);
    }

    public byte getAndBitwiseOrByteRelease(Object o, long offset, byte mask) {
        return getAndBitwiseOrByte(o, offset, mask);
    }

    public byte getAndBitwiseAndByte(Object o, long offset, byte mask) {
        return (byte) getAndUpdateNarrow(o, offset, 8, AND, mask);
    }

    public byte getAndBitwiseAndByteAcquire(Object o, long offset, byte mask) {
        return getAndBitwiseAndByte(o, offset, mask);
    }

    public byte getAndBitwiseAndByteRelease(Object o, long offset, byte mask) {
        return getAndBitwiseAndByte(o, offset, mask);
    }

    public byte getAndBitwiseXorByte(Object o, long offset, byte mask) {
        return (byte) getAndUpdateNarrow(o, offset, 8, XOR, mask);
    }

    public byte getAndBitwiseXorByteAcquire(Object o, long offset, byte mask) {
        return getAndBitwiseXorByte(o, offset, mask);
    }

    public byte getAndBitwiseXorByteRelease(Object o, long offset, byte mask) {
        return getAndBitwiseXorByte(o, offset, mask);
    }

    // ---- short ----

    public short getShort(Object o, long offset) {
        return LibrarySupport.readShort(o, offset);
    }

    public short getShortVolatile(Object o, long offset) {
        return getShort(o, offset);
    }

    public short getShortAcquire(Object o, long offset) {
        return getShort(o, offset);
    }

    public short getShortOpaque(Object o, long offset) {
        return getShort(o, offset);
    }

    public void putShort(Object o, long offset, short x) {
        LibrarySupport.writeShort(o, offset, x);
    }

    public void putShortVolatile(Object o, long offset, short x) {
        putShort(o, offset, x);
        fullFence();
    }

    public void putShortRelease(Object o, long offset, short x) {
        putShort(o, offset, x);
    }

    public void putShortOpaque(Object o, long offset, short x) {
        putShort(o, offset, x);
    }

    public short compareAndExchangeShort(Object o, long offset, short expected, short x) {
        return (short) compareAndExchangeNarrow(o, offset, 16, expected, x);
    }

    public short compareAndExchangeShortAcquire(Object o, long offset, short expected, short x) {
        return compareAndExchangeShort(o, offset, expected, x);
    }

    public short compareAndExchangeShortRelease(Object o, long offset, short expected, short x) {
        return compareAndExchangeShort(o, offset, expected, x);
    }

    public boolean compareAndSetShort(Object o, long offset, short expected, short x) {
        return compareAndExchangeShort(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetShort(Object o, long offset, short expected, short x) {
        return compareAndSetShort(o, offset, expected, x);
    }

    public boolean weakCompareAndSetShortPlain(Object o, long offset, short expected, short x) {
        return compareAndSetShort(o, offset, expected, x);
    }

    public boolean weakCompareAndSetShortAcquire(Object o, long offset, short expected, short x) {
        return compareAndSetShort(o, offset, expected, x);
    }

    public boolean weakCompareAndSetShortRelease(Object o, long offset, short expected, short x) {
        return compareAndSetShort(o, offset, expected, x);
    }

    public short getAndSetShort(Object o, long offset, short x) {
        return (short) getAndUpdateNarrow(o, offset, 16, SET, x);
    }

    public short getAndSetShortAcquire(Object o, long offset, short x) {
        return getAndSetShort(o, offset, x);
    }

    public short getAndSetShortRelease(Object o, long offset, short x) {
        return getAndSetShort(o, offset, x);
    }

    public short getAndAddShort(Object o, long offset, short delta) {
        return (short) getAndUpdateNarrow(o, offset, 16, ADD, delta);
    }

    public short getAndAddShortAcquire(Object o, long offset, short delta) {
        return getAndAddShort(o, offset, delta);
    }

    public short getAndAddShortRelease(Object o, long offset, short delta) {
        return getAndAddShort(o, offset, delta);
    }

    public short getAndBitwiseOrShort(Object o, long offset, short mask) {
        return (short) getAndUpdateNarrow(o, offset, 16, OR, mask);
    }

    public short getAndBitwiseOrShortAcquire(Object o, long offset, short mask) {
        return getAndBitwiseOrShort(o, offset, mask);
    }

    public short getAndBitwiseOrShortRelease(Object o, long offset, short mask) {
        return getAndBitwiseOrShort(o, offset, mask);
    }

    public short getAndBitwiseAndShort(Object o, long offset, short mask) {
        return (short) getAndUpdateNarrow(o, offset, 16, AND, mask);
    }

    public short getAndBitwiseAndShortAcquire(Object o, long offset, short mask) {
        return getAndBitwiseAndShort(o, offset, mask);
    }

    public short getAndBitwiseAndShortRelease(Object o, long offset, short mask) {
        return getAndBitwiseAndShort(o, offset, mask);
    }

    public short getAndBitwiseXorShort(Object o, long offset, short mask) {
        return (short) getAndUpdateNarrow(o, offset, 16, XOR, mask);
    }

    public short getAndBitwiseXorShortAcquire(Object o, long offset, short mask) {
        return getAndBitwiseXorShort(o, offset, mask);
    }

    public short getAndBitwiseXorShortRelease(Object o, long offset, short mask) {
        return getAndBitwiseXorShort(o, offset, mask);
    }

    // ---- char ----

    public char getChar(Object o, long offset) {
        return LibrarySupport.readChar(o, offset);
    }

    public char getCharVolatile(Object o, long offset) {
        return getChar(o, offset);
    }

    public char getCharAcquire(Object o, long offset) {
        return getChar(o, offset);
    }

    public char getCharOpaque(Object o, long offset) {
        return getChar(o, offset);
    }

    public void putChar(Object o, long offset, char x) {
        LibrarySupport.writeShort(o, offset, (short) x);
    }

    public void putCharVolatile(Object o, long offset, char x) {
        putChar(o, offset, x);
        fullFence();
    }

    public void putCharRelease(Object o, long offset, char x) {
        putChar(o, offset, x);
    }

    public void putCharOpaque(Object o, long offset, char x) {
        putChar(o, offset, x);
    }

    public char compareAndExchangeChar(Object o, long offset, char expected, char x) {
        return (char) compareAndExchangeNarrow(o, offset, 16, expected, x);
    }

    public char compareAndExchangeCharAcquire(Object o, long offset, char expected, char x) {
        return compareAndExchangeChar(o, offset, expected, x);
    }

    public char compareAndExchangeCharRelease(Object o, long offset, char expected, char x) {
        return compareAndExchangeChar(o, offset, expected, x);
    }

    public boolean compareAndSetChar(Object o, long offset, char expected, char x) {
        return compareAndExchangeChar(o, offset, expected, x) == expected;
    }

    public boolean weakCompareAndSetChar(Object o, long offset, char expected, char x) {
        return compareAndSetChar(o, offset, expected, x);
    }

    public boolean weakCompareAndSetCharPlain(Object o, long offset, char expected, char x) {
        return compareAndSetChar(o, offset, expected, x);
    }

    public boolean weakCompareAndSetCharAcquire(Object o, long offset, char expected, char x) {
        return compareAndSetChar(o, offset, expected, x);
    }

    public boolean weakCompareAndSetCharRelease(Object o, long offset, char expected, char x) {
        return compareAndSetChar(o, offset, expected, x);
    }

    public char getAndSetChar(Object o, long offset, char x) {
        return (char) getAndUpdateNarrow(o, offset, 16, SET, x);
    }

    public char getAndSetCharAcquire(Object o, long offset, char x) {
        return getAndSetChar(o, offset, x);
    }

    public char getAndSetCharRelease(Object o, long offset, char x) {
        return getAndSetChar(o, offset, x);
    }

    public char getAndAddChar(Object o, long offset, char delta) {
        return (char) getAndUpdateNarrow(o, offset, 16, ADD, delta);
    }

    public char getAndAddCharAcquire(Object o, long offset, char delta) {
        return getAndAddChar(o, offset, delta);
    }

    public char getAndAddCharRelease(Object o, long offset, char delta) {
        return getAndAddChar(o, offset, delta);
    }

    public char getAndBitwiseOrChar(Object o, long offset, char mask) {
        return (char) getAndUpdateNarrow(o, offset, 16, OR, mask);
    }

    public char getAndBitwiseOrCharAcquire(Object o, long offset, char mask) {
        return getAndBitwiseOrChar(o, offset, mask);
    }

    public char getAndBitwiseOrCharRelease(Object o, long offset, char mask) {
        return getAndBitwiseOrChar(o, offset, mask);
    }

    public char getAndBitwiseAndChar(Object o, long offset, char mask) {
        return (char) getAndUpdateNarrow(o, offset, 16, AND, mask);
    }

    public char getAndBitwiseAndCharAcquire(Object o, long offset, char mask) {
        return getAndBitwiseAndChar(o, offset, mask);
    }

    public char getAndBitwiseAndCharRelease(Object o, long offset, char mask) {
        return getAndBitwiseAndChar(o, offset, mask);
    }

    public char getAndBitwiseXorChar(Object o, long offset, char mask) {
        return (char) getAndUpdateNarrow(o, offset, 16, XOR, mask);
    }

    public char getAndBitwiseXorCharAcquire(Object o, long offset, char mask) {
        return getAndBitwiseXorChar(o, offset, mask);
    }

    public char getAndBitwiseXorCharRelease(Object o, long offset, char mask) {
        return getAndBitwiseXorChar(o, offset, mask);
    }

    // ---- float ----

    public float getFloat(Object o, long offset) {
        return Float.intBitsToFloat(getInt(o, offset));
    }

    public float getFloatVolatile(Object o, long offset) {
        return getFloat(o, offset);
    }

    public float getFloatAcquire(Object o, long offset) {
        return getFloat(o, offset);
    }

    public float getFloatOpaque(Object o, long offset) {
        return getFloat(o, offset);
    }

    public void putFloat(Object o, long offset, float x) {
        putInt(o, offset, Float.floatToRawIntBits(x));
    }

    public void putFloatVolatile(Object o, long offset, float x) {
        putIntVolatile(o, offset, Float.floatToRawIntBits(x));
    }

    public void putFloatRelease(Object o, long offset, float x) {
        putFloat(o, offset, x);
    }

    public void putFloatOpaque(Object o, long offset, float x) {
        putFloat(o, offset, x);
    }

    public float compareAndExchangeFloat(Object o, long offset, float expected, float x) {
        return Float.intBitsToFloat(compareAndExchangeInt(o, offset, Float.floatToRawIntBits(expected), Float.floatToRawIntBits(x)));
    }

    public float compareAndExchangeFloatAcquire(Object o, long offset, float expected, float x) {
        return compareAndExchangeFloat(o, offset, expected, x);
    }

    public float compareAndExchangeFloatRelease(Object o, long offset, float expected, float x) {
        return compareAndExchangeFloat(o, offset, expected, x);
    }

    public boolean compareAndSetFloat(Object o, long offset, float expected, float x) {
        return compareAndSetInt(o, offset, Float.floatToRawIntBits(expected), Float.floatToRawIntBits(x));
    }

    public boolean weakCompareAndSetFloat(Object o, long offset, float expected, float x) {
        return compareAndSetFloat(o, offset, expected, x);
    }

    public boolean weakCompareAndSetFloatPlain(Object o, long offset, float expected, float x) {
        return compareAndSetFloat(o, offset, expected, x);
    }

    public boolean weakCompareAndSetFloatAcquire(Object o, long offset, float expected, float x) {
        return compareAndSetFloat(o, offset, expected, x);
    }

    public boolean weakCompareAndSetFloatRelease(Object o, long offset, float expected, float x) {
        return compareAndSetFloat(o, offset, expected, x);
    }

    public float getAndSetFloat(Object o, long offset, float x) {
        return Float.intBitsToFloat(getAndSetInt(o, offset, Float.floatToRawIntBits(x)));
    }

    public float getAndSetFloatAcquire(Object o, long offset, float x) {
        return getAndSetFloat(o, offset, x);
    }

    public float getAndSetFloatRelease(Object o, long offset, float x) {
        return getAndSetFloat(o, offset, x);
    }

    public float getAndAddFloat(Object o, long offset, float delta) {
        float current;
        do {
            current = getFloatVolatile(o, offset);
        } while (!compareAndSetFloat(o, offset, current, (float) (current + delta)));
        return current;
    }

    public float getAndAddFloatAcquire(Object o, long offset, float delta) {
        return getAndAddFloat(o, offset, delta);
    }

    public float getAndAddFloatRelease(Object o, long offset, float delta) {
        return getAndAddFloat(o, offset, delta);
    }

    // ---- double ----

    public double getDouble(Object o, long offset) {
        return Double.longBitsToDouble(getLong(o, offset));
    }

    public double getDoubleVolatile(Object o, long offset) {
        return getDouble(o, offset);
    }

    public double getDoubleAcquire(Object o, long offset) {
        return getDouble(o, offset);
    }

    public double getDoubleOpaque(Object o, long offset) {
        return getDouble(o, offset);
    }

    public void putDouble(Object o, long offset, double x) {
        putLong(o, offset, Double.doubleToRawLongBits(x));
    }

    public void putDoubleVolatile(Object o, long offset, double x) {
        putLongVolatile(o, offset, Double.doubleToRawLongBits(x));
    }

    public void putDoubleRelease(Object o, long offset, double x) {
        putDouble(o, offset, x);
    }

    public void putDoubleOpaque(Object o, long offset, double x) {
        putDouble(o, offset, x);
    }

    public double compareAndExchangeDouble(Object o, long offset, double expected, double x) {
        return Double.longBitsToDouble(compareAndExchangeLong(o, offset, Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(x)));
    }

    public double compareAndExchangeDoubleAcquire(Object o, long offset, double expected, double x) {
        return compareAndExchangeDouble(o, offset, expected, x);
    }

    public double compareAndExchangeDoubleRelease(Object o, long offset, double expected, double x) {
        return compareAndExchangeDouble(o, offset, expected, x);
    }

    public boolean compareAndSetDouble(Object o, long offset, double expected, double x) {
        return compareAndSetLong(o, offset, Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(x));
    }

    public boolean weakCompareAndSetDouble(Object o, long offset, double expected, double x) {
        return compareAndSetDouble(o, offset, expected, x);
    }

    public boolean weakCompareAndSetDoublePlain(Object o, long offset, double expected, double x) {
        return compareAndSetDouble(o, offset, expected, x);
    }

    public boolean weakCompareAndSetDoubleAcquire(Object o, long offset, double expected, double x) {
        return compareAndSetDouble(o, offset, expected, x);
    }

    public boolean weakCompareAndSetDoubleRelease(Object o, long offset, double expected, double x) {
        return compareAndSetDouble(o, offset, expected, x);
    }

    public double getAndSetDouble(Object o, long offset, double x) {
        return Double.longBitsToDouble(getAndSetLong(o, offset, Double.doubleToRawLongBits(x)));
    }

    public double getAndSetDoubleAcquire(Object o, long offset, double x) {
        return getAndSetDouble(o, offset, x);
    }

    public double getAndSetDoubleRelease(Object o, long offset, double x) {
        return getAndSetDouble(o, offset, x);
    }

    public double getAndAddDouble(Object o, long offset, double delta) {
        double current;
        do {
            current = getDoubleVolatile(o, offset);
        } while (!compareAndSetDouble(o, offset, current, (double) (current + delta)));
        return current;
    }

    public double getAndAddDoubleAcquire(Object o, long offset, double delta) {
        return getAndAddDouble(o, offset, delta);
    }

    public double getAndAddDoubleRelease(Object o, long offset, double delta) {
        return getAndAddDouble(o, offset, delta);
    }

    // ---- unaligned and byte-order access: java.nio's heap buffers (through ScopedMemoryAccess) ------------------
    // x86-64 loads and stores at any alignment (Intel SDM Vol. 1 §4.1.1), so an unaligned access is the plain one;
    // the CPU is little-endian, so a big-endian access swaps the bytes.

    public short getShortUnaligned(Object o, long offset) {
        return getShort(o, offset);
    }

    public short getShortUnaligned(Object o, long offset, boolean bigEndian) {
        short x = getShort(o, offset);
        return bigEndian ? Short.reverseBytes(x) : x;
    }

    public char getCharUnaligned(Object o, long offset) {
        return getChar(o, offset);
    }

    public char getCharUnaligned(Object o, long offset, boolean bigEndian) {
        char x = getChar(o, offset);
        return bigEndian ? Character.reverseBytes(x) : x;
    }

    public int getIntUnaligned(Object o, long offset) {
        return getInt(o, offset);
    }

    public int getIntUnaligned(Object o, long offset, boolean bigEndian) {
        int x = getInt(o, offset);
        return bigEndian ? Integer.reverseBytes(x) : x;
    }

    public long getLongUnaligned(Object o, long offset) {
        return getLong(o, offset);
    }

    public long getLongUnaligned(Object o, long offset, boolean bigEndian) {
        long x = getLong(o, offset);
        return bigEndian ? Long.reverseBytes(x) : x;
    }

    public void putShortUnaligned(Object o, long offset, short x) {
        putShort(o, offset, x);
    }

    public void putShortUnaligned(Object o, long offset, short x, boolean bigEndian) {
        putShort(o, offset, bigEndian ? Short.reverseBytes(x) : x);
    }

    public void putCharUnaligned(Object o, long offset, char x) {
        putChar(o, offset, x);
    }

    public void putCharUnaligned(Object o, long offset, char x, boolean bigEndian) {
        putChar(o, offset, bigEndian ? Character.reverseBytes(x) : x);
    }

    public void putIntUnaligned(Object o, long offset, int x) {
        putInt(o, offset, x);
    }

    public void putIntUnaligned(Object o, long offset, int x, boolean bigEndian) {
        putInt(o, offset, bigEndian ? Integer.reverseBytes(x) : x);
    }

    public void putLongUnaligned(Object o, long offset, long x) {
        putLong(o, offset, x);
    }

    public void putLongUnaligned(Object o, long offset, long x, boolean bigEndian) {
        putLong(o, offset, bigEndian ? Long.reverseBytes(x) : x);
    }
}
