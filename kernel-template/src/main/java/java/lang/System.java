package java.lang;

import java.io.PrintStream;
import kiln.runtime.Intrinsics;
import kiln.runtime.Kernel;
import kiln.runtime.ObjectModel;
import kiln.runtime.SerialOutputStream;

/**
 * Differences from the JDK: {@code out} and {@code err} both go to the serial port; there is no
 * {@code in}, no properties or environment (every lookup answers null), no setOut/setErr. Time comes from
 * the CPU's time-stamp counter read as if it ticked at 1 GHz (a fixed guess until the kernel calibrates it
 * against the PIT or HPET), and {@code currentTimeMillis} counts from boot, not from 1970 (no RTC driver yet).
 */
public final class System {
    public static final PrintStream out = new PrintStream(new SerialOutputStream(), true);
    public static final PrintStream err = new PrintStream(new SerialOutputStream(), true);

    private System() {}

    public static long currentTimeMillis() {
        return Intrinsics.timestampCounter() / 1_000_000;
    }

    public static long nanoTime() {
        return Intrinsics.timestampCounter();
    }

    /**
     * Copies with HotSpot's checks and messages, in its order: null, not an array, element types, negative
     * positions and length, then the last indexes. Overlapping ranges of one array copy as if through a
     * temporary copy. A reference copy that hits an element the destination cannot hold stops there, with
     * the elements before it copied.
     */
    public static void arraycopy(Object src, int srcPos, Object dest, int destPos, int length) {
        if (src == null || dest == null) {
            throw new NullPointerException();
        }
        Class<?> srcClass = src.getClass();
        Class<?> destClass = dest.getClass();
        if (!srcClass.isArray()) {
            throw new ArrayStoreException("arraycopy: source type " + srcClass.getName() + " is not an array");
        }
        if (!destClass.isArray()) {
            throw new ArrayStoreException("arraycopy: destination type " + destClass.getName() + " is not an array");
        }
        Class<?> srcComponent = srcClass.getComponentType();
        Class<?> destComponent = destClass.getComponentType();
        if ((srcComponent.isPrimitive() || destComponent.isPrimitive()) && srcComponent != destComponent) {
            throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + elementTypeName(srcClass)
                    + "[] into " + elementTypeName(destClass) + "[]");
        }
        int srcLength = ObjectModel.arrayLength(src);
        int destLength = ObjectModel.arrayLength(dest);
        if (srcPos < 0) {
            throw outOfBounds("source index " + srcPos, srcClass, srcLength);
        }
        if (destPos < 0) {
            throw outOfBounds("destination index " + destPos, destClass, destLength);
        }
        if (length < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: length " + length + " is negative");
        }
        if ((long) srcPos + length > srcLength) {
            throw outOfBounds("last source index " + ((long) srcPos + length), srcClass, srcLength);
        }
        if ((long) destPos + length > destLength) {
            throw outOfBounds("last destination index " + ((long) destPos + length), destClass, destLength);
        }
        if (length == 0) {
            return;
        }
        if (srcComponent.isPrimitive() || destComponent.isAssignableFrom(srcComponent)) {
            moveElements(ObjectModel.elementAddress(src, srcPos), ObjectModel.elementAddress(dest, destPos),
                    length, srcClass.elementSize());
        } else {
            copyCheckedReferences((Object[]) src, srcPos, (Object[]) dest, destPos, length, destComponent);
        }
    }

    /** memmove: copies downward when the target overlaps the source from above. */
    private static void moveElements(long from, long to, int count, int elementSize) {
        boolean downward = to > from;
        for (int n = 0; n < count; n++) {
            long offset = (long) (downward ? count - 1 - n : n) * elementSize;
            switch (elementSize) {
                case 1: Intrinsics.writeByte(to + offset, Intrinsics.readByte(from + offset)); break;
                case 2: Intrinsics.writeShort(to + offset, Intrinsics.readShort(from + offset)); break;
                case 4: Intrinsics.writeInt(to + offset, Intrinsics.readInt(from + offset)); break;
                default: Intrinsics.writeLong(to + offset, Intrinsics.readLong(from + offset)); break;
            }
        }
    }

    private static void copyCheckedReferences(Object[] src, int srcPos, Object[] dest, int destPos, int length,
            Class<?> destComponent) {
        for (int i = 0; i < length; i++) {
            Object element = src[srcPos + i];
            if (element != null && !destComponent.isInstance(element)) {
                throw new ArrayStoreException("arraycopy: element type mismatch: can not cast one of the elements of "
                        + src.getClass().getComponentType().getName() + "[] to the type of the destination array, "
                        + destComponent.getName());
            }
            dest[destPos + i] = element;
        }
    }

    /** HotSpot's name for an array's element type in arraycopy messages: "int", or "object array". */
    private static String elementTypeName(Class<?> arrayClass) {
        Class<?> component = arrayClass.getComponentType();
        return component.isPrimitive() ? component.getName() : "object array";
    }

    private static ArrayIndexOutOfBoundsException outOfBounds(String what, Class<?> arrayClass, int arrayLength) {
        return new ArrayIndexOutOfBoundsException("arraycopy: " + what + " out of bounds for "
                + elementTypeName(arrayClass) + "[" + arrayLength + "]");
    }

    public static int identityHashCode(Object x) {
        return x == null ? 0 : ObjectModel.identityHash(x);
    }

    public static void exit(int status) {
        Kernel.exit(status);
    }

    public static void gc() {}

    public static String lineSeparator() {
        return "\n";
    }

    public static String getProperty(String key) {
        checkKey(key);
        return null;
    }

    public static String getProperty(String key, String def) {
        checkKey(key);
        return def;
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        return null;
    }

    @SuppressWarnings("removal")
    public static SecurityManager getSecurityManager() {
        return null;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
    }
}
