package kiln.runtime;

import kiln.kernel.sched.ClassInitialization;
import kiln.kernel.sched.Monitors;
import kiln.kernel.cpu.Faults;

/**
 * The runtime entry points that compiled code calls (docs/abi.md "Runtime entry points"). The compiler
 * looks these up by name and descriptor; keep them in step with the table there.
 *
 * <p>Everything here may be called from anywhere, including from the runtime itself, so none of it may
 * need itself: the type checks read only Class fields and arrays, and allocation does not allocate.
 */
public final class Support {
    private Support() {}

    public static Object newInstance(Class<?> c) {
        return ObjectModel.newObject(c, c.instanceSize());
    }

    public static Object newArray(Class<?> arrayClass, int length) {
        if (length < 0) {
            throw new NegativeArraySizeException(Integer.toString(length));
        }
        return ObjectModel.newArray(arrayClass, length);
    }

    /**
     * {@code multianewarray}: JVMS §6.5 checks every count before allocating anything. {@code dimensions}
     * may be shorter than the array's rank; the innermost arrays are then left null.
     */
    public static Object newMultiArray(Class<?> arrayClass, int[] dimensions) {
        for (int count : dimensions) {
            if (count < 0) {
                throw new NegativeArraySizeException(Integer.toString(count));
            }
        }
        return allocateMultiArray(arrayClass, dimensions, 0);
    }

    private static Object allocateMultiArray(Class<?> arrayClass, int[] dimensions, int depth) {
        Object array = ObjectModel.newArray(arrayClass, dimensions[depth]);
        if (depth + 1 < dimensions.length) {
            Object[] elements = (Object[]) array;
            for (int i = 0; i < elements.length; i++) {
                elements[i] = allocateMultiArray(arrayClass.getComponentType(), dimensions, depth + 1);
            }
        }
        return array;
    }

    /**
     * A checkcast whose test in the type table failed (docs/abi.md "Type table"): throws the ClassCastException;
     * returns o if {@link Class#isAssignableFrom} disagrees with the table, so that such a bug shows as no exception
     * rather than as a wrong one.
     */
    public static Object checkCast(Object o, Class<?> c) {
        if (o != null && !c.isAssignableFrom(o.getClass())) {
            throw new ClassCastException(classCastMessage(o.getClass(), c));
        }
        return o;
    }

    /**
     * HotSpot's message (SharedRuntime::generate_class_cast_message), with the closed world's two "loaders":
     * the class library is module java.base of the bootstrap loader, everything else the unnamed module of
     * the application loader.
     */
    private static String classCastMessage(Class<?> from, Class<?> to) {
        StringBuilder message = new StringBuilder("class ").append(from.getName()).append(" cannot be cast to class ")
                .append(to.getName()).append(" (");
        String fromPlace = placeOf(from);
        String toPlace = placeOf(to);
        if (fromPlace.equals(toPlace)) {
            message.append(from.getName()).append(" and ").append(to.getName()).append(" are in ").append(fromPlace);
        } else {
            message.append(from.getName()).append(" is in ").append(fromPlace).append("; ")
                    .append(to.getName()).append(" is in ").append(toPlace);
        }
        return message.append(')').toString();
    }

    private static String placeOf(Class<?> c) {
        while (c.isArray()) {
            c = c.getComponentType();
        }
        String name = c.getName();
        boolean javaBase = c.isPrimitive() || name.startsWith("java.") || name.startsWith("javax.")
                || name.startsWith("jdk.") || name.startsWith("sun.") || name.startsWith("kiln.kernel.") || name.startsWith("kiln.runtime.") || name.startsWith("kiln.lib.");
        return javaBase ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'";
    }

    /**
     * {@code invokeinterface} on an object whose class does not implement the interface (JVMS §6.5 invokeinterface),
     * which only classes compiled apart can bring about: the compiled call found no entry for the method in the
     * receiver class's row of the type table (docs/abi.md "Type table"). HotSpot's message.
     */
    public static void throwIncompatibleInterface(Object receiver, Class<?> iface) {
        throw new IncompatibleClassChangeError(new StringBuilder("Class ").append(receiver.getClass().getName())
                .append(" does not implement the requested interface ").append(iface.getName()).toString());
    }

    /** {@code athrow}. Throwing null throws a NullPointerException instead (JVMS §6.5 athrow). */
    public static void throwException(Throwable t) {
        Exceptions.unwind(t != null ? t : new NullPointerException());
    }

    public static void throwNullPointer() {
        throw new NullPointerException();
    }

    public static void throwArrayIndexOutOfBounds(int index, int length) {
        throw new ArrayIndexOutOfBoundsException(new StringBuilder("Index ").append(index)
                .append(" out of bounds for length ").append(length).toString());
    }

    public static void throwDivideByZero() {
        throw new ArithmeticException("/ by zero");
    }

    /**
     * An aastore whose test (in the type table, docs/abi.md "Type table") failed, entered by a jump from that test
     * as if the aastore had called it: throws, as JVMS §6.5 aastore, and never returns.
     */
    public static void throwArrayStore(Object array, Object value) {
        if (array == null) {
            throw new NullPointerException();
        }
        throw new ArrayStoreException(value.getClass().getName());
    }

    /** A VarHandle's array store (VarHandleAccessCode): throws as aastore would (JVMS §6.5), or returns. */
    public static void checkArrayStore(Object array, Object value) {
        if (array == null) {
            throw new NullPointerException();
        }
        if (value != null && !array.getClass().getComponentType().isAssignableFrom(value.getClass())) {
            throw new ArrayStoreException(value.getClass().getName());
        }
    }

    /** {@code monitorenter} and synchronized methods (kiln.kernel.sched.Monitors). */
    /**
     * Called by the class-initialization routine of {@code c} while its state word is 0 (docs/compiler.md):
     * {@code superclassRoutine} and {@code classInitializer} are code addresses, or 0 if there is none.
     */
    public static void initializeClass(Class<?> c, long stateWord, long superclassRoutine, long classInitializer) {
        ClassInitialization.initialize(c, stateWord, superclassRoutine, classInitializer);
    }

    public static void monitorEnter(Object o) {
        Monitors.enter(o);
    }

    public static void monitorExit(Object o) {
        Monitors.exit(o);
    }

    public static Object cloneArray(Object array) {
        return ObjectModel.shallowCopy(array);
    }

    /**
     * Called by a method prologue when rsp is below kiln_stack_limit. The check is disarmed first, so that
     * constructing and throwing the error can use the reserve below the limit; the unwinder re-arms it when it
     * reaches a handler (docs/abi.md "Stack limit").
     */
    public static void throwStackOverflow() {
        Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), 0);
        throw new StackOverflowError();
    }

    /**
     * Entered from an invalid-opcode (#UD) or general-protection (#GP) fault in compiled Java, as if the faulting
     * instruction had called it ({@code kiln.kernel.cpu.Faults}): its return address is the faulting
     * instruction + 1.
     */
    public static void throwCpuFault(int vector) {
        long faultingInstruction = Intrinsics.readLong(Intrinsics.framePointer() + 8);
        throw new InternalError(new StringBuilder(Faults.name(vector)).append(" at ")
                .append(Exceptions.frameAt(faultingInstruction)).toString());
    }

    /** Fills abstract vtable slots; the method that made the call is its caller. */
    /**
     * Throws the error of an instruction whose class, field or method reference did not link at build time
     * (docs/abi.md "Linkage errors"), as HotSpot does when the instruction first runs. {@code kind} is the
     * index in the compiler's list: NoClassDefFoundError, NoSuchFieldError, NoSuchMethodError,
     * IllegalAccessError, InstantiationError, IncompatibleClassChangeError, BootstrapMethodError.
     */
    public static void throwLinkageError(int kind, String message) {
        switch (kind) {
            case 0 -> throw new NoClassDefFoundError(message);
            case 1 -> throw new NoSuchFieldError(message);
            case 2 -> throw new NoSuchMethodError(message);
            case 3 -> throw new IllegalAccessError(message);
            case 4 -> throw new InstantiationError(message);
            case 5 -> throw new IncompatibleClassChangeError(message);
            case 6 -> throw new BootstrapMethodError(message);
            default -> throw new UnsatisfiedLinkError(message);
        }
    }

    /**
     * {@code drem}, and {@code frem} through it (JVMS §6.5, JLS §15.17.3): the remainder of the division whose
     * quotient is truncated toward zero, C's {@code fmod}, with the sign of the dividend. Not IEEE 754's
     * remainder, which rounds the quotient to nearest (that is {@code Math.IEEEremainder}).
     *
     * <p>The result is always exact, so it is computed on the integers beneath the doubles: with
     * {@code |x| = mx·2^ex} and {@code |y| = my·2^ey} (53-bit integer significands, {@code ex >= ey} once
     * {@code |x| >= |y|}), {@code |x| mod |y| = ((mx·2^(ex-ey)) mod my)·2^ey}, and the power of two is folded in
     * a few bits at a time, reducing modulo {@code my} after each step so nothing exceeds 63 bits. The result,
     * below {@code my·2^ey}, has at most 53 significant bits above {@code 2^ey >= 2^-1074}: a double, so the
     * final multiplication by the power of two is exact, subnormals included.
     * <i>Rejected</i>: {@code x - y * trunc(x / y)} in doubles (the quotient rounds, and the product and
     * difference with it: wrong as soon as {@code x / y} exceeds 2^53), and x87 {@code fprem}.
     */
    public static double floatingRemainder(double dividend, double divisor) {
        long dividendBits = Double.doubleToRawLongBits(dividend);
        long magnitudeX = dividendBits & Long.MAX_VALUE;
        long magnitudeY = Double.doubleToRawLongBits(divisor) & Long.MAX_VALUE;
        if (magnitudeX >= INFINITY_BITS || magnitudeY > INFINITY_BITS || magnitudeY == 0) {
            return Double.NaN; // a NaN operand, an infinite dividend or a zero divisor
        }
        if (magnitudeY == INFINITY_BITS || magnitudeX < magnitudeY) {
            return dividend; // a finite dividend and an infinite divisor, or |x| < |y| (±0 included)
        }
        long significandY = significand(magnitudeY);
        int scaleY = binaryScale(magnitudeY);
        long rest = significand(magnitudeX) % significandY;
        for (int shift = binaryScale(magnitudeX) - scaleY; shift > 0 && rest != 0; shift -= 10) {
            rest = (rest << Math.min(shift, 10)) % significandY; // rest < 2^53: shifted, below 2^63
        }
        double magnitude = (double) rest * powerOfTwo(scaleY);
        return dividendBits < 0 ? -magnitude : magnitude;
    }

    private static final long INFINITY_BITS = 0x7ff0000000000000L;
    private static final long FRACTION_BITS = 0x000fffffffffffffL;

    /** The integer significand of a finite nonzero double's magnitude bits (the implicit bit for normals). */
    private static long significand(long magnitudeBits) {
        return magnitudeBits >= 1L << 52 ? (magnitudeBits & FRACTION_BITS) | 1L << 52 : magnitudeBits;
    }

    /** e such that the magnitude is significand·2^e: -1074 for subnormals. */
    private static int binaryScale(long magnitudeBits) {
        int biasedExponent = (int) (magnitudeBits >>> 52);
        return biasedExponent == 0 ? -1074 : biasedExponent - 1075;
    }

    /** 2^scale as a double, for -1074 <= scale <= 971 (subnormal below -1022). */
    private static double powerOfTwo(int scale) {
        return Double.longBitsToDouble(scale >= -1022 ? (long) (scale + 1023) << 52 : 1L << (scale + 1074));
    }

    public static void abstractMethodError() {
        long caller = Intrinsics.readLong(Intrinsics.framePointer() + 8);
        throw new AbstractMethodError(new StringBuilder("abstract method called from ")
                .append(Exceptions.methodAt(caller)).toString());
    }
}
