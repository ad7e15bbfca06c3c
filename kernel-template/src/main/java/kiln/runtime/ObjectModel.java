package kiln.runtime;

import kiln.kernel.memory.Heap;

/**
 * The object layout of docs/abi.md "Objects", in one place:
 * <pre>
 * +0  Class*     +8  hash word (low 32 bits: identity hash, 0 = none yet)
 * +16 fields ... | arrays: +16 int length, +24 elements
 * </pre>
 */
public final class ObjectModel {
    public static final long CLASS_OFFSET = 0;
    public static final long HASH_OFFSET = 8;
    public static final long ARRAY_LENGTH_OFFSET = 16;
    public static final long ARRAY_ELEMENTS_OFFSET = 24;

    /** xorshift32 state (Marsaglia 2003); never 0. Identity hashes need only be well spread, not secret. */
    private static int hashState = 0x2545F491;

    private ObjectModel() {}

    /** The identity hash, assigned on first use. Image-heap objects get theirs the same way. */
    public static int identityHash(Object o) {
        long hashWord = Intrinsics.addressOf(o) + HASH_OFFSET;
        int hash = Intrinsics.readInt(hashWord);
        if (hash == 0) {
            int x = hashState;
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            hashState = x;
            hash = x;
            Intrinsics.writeInt(hashWord, hash); // low half only: the upper half is reserved
        }
        return hash;
    }

    public static int arrayLength(Object array) {
        return Intrinsics.readInt(Intrinsics.addressOf(array) + ARRAY_LENGTH_OFFSET);
    }

    /** Address of element {@code index} of {@code array}. */
    public static long elementAddress(Object array, int index) {
        return Intrinsics.addressOf(array) + ARRAY_ELEMENTS_OFFSET + (long) index * array.getClass().elementSize();
    }

    public static long sizeOf(Object o) {
        Class<?> c = o.getClass();
        return c.isArray() ? arraySize(c, arrayLength(o)) : c.instanceSize();
    }

    static long arraySize(Class<?> arrayClass, int length) {
        return align8(ARRAY_ELEMENTS_OFFSET + (long) length * arrayClass.elementSize());
    }

    /**
     * Every {@code new}. Calls the heap itself, not {@link #allocate}: one frame less under the deepest point of an
     * idle tasklet, the allocation of its channel waiter (kiln.kernel.memory.Stacks.INITIAL_BYTES).
     */
    static Object newObject(Class<?> c, long size) {
        long address = Heap.allocate(size);
        if (address == 0) {
            throw OutOfMemory.javaHeapSpace(size);
        }
        Intrinsics.writeLong(address + CLASS_OFFSET, Intrinsics.addressOf(c));
        return Intrinsics.objectAt(address);
    }

    /**
     * A zeroed array; lengths above {@link OutOfMemory#MAX_ARRAY_LENGTH} fail as on HotSpot, before any
     * allocation is tried.
     */
    static Object newArray(Class<?> arrayClass, int length) {
        if (length > OutOfMemory.MAX_ARRAY_LENGTH) {
            throw new OutOfMemoryError(OutOfMemory.ARRAY_SIZE_MESSAGE);
        }
        long address = allocate(arraySize(arrayClass, length));
        Intrinsics.writeLong(address + CLASS_OFFSET, Intrinsics.addressOf(arrayClass));
        Intrinsics.writeInt(address + ARRAY_LENGTH_OFFSET, length);
        return Intrinsics.objectAt(address);
    }

    /**
     * Heap memory for a new object, or the OutOfMemoryError of an exhausted heap. The caller writes the header
     * before it calls anything (Heap, "No calls in a half-done update").
     */
    private static long allocate(long bytes) {
        long address = Heap.allocate(bytes);
        if (address == 0) {
            throw OutOfMemory.javaHeapSpace(bytes);
        }
        return address;
    }

    /**
     * A shallow copy of an object or array, with a fresh identity hash. The copy loop is written out here: no call
     * may come between the allocation and the header (Heap, "No calls in a half-done update").
     */
    public static Object shallowCopy(Object o) {
        long size = sizeOf(o);
        long from = Intrinsics.addressOf(o);
        long to = allocate(size);
        for (long i = 0; i < size; i += 8) {
            Intrinsics.writeLong(to + i, Intrinsics.readLong(from + i));
        }
        Intrinsics.writeLong(to + HASH_OFFSET, 0);
        return Intrinsics.objectAt(to);
    }

    private static long align8(long n) {
        return (n + 7) & -8L;
    }
}
