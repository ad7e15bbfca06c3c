package kiln.runtime;

import java.io.InputStream;
import java.io.OutputStream;
import kiln.kernel.drivers.ConsoleInput;
import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.SerialOutputStream;
import kiln.kernel.time.Clock;
import kiln.kernel.time.Timer;

/**
 * The door between Kiln's class library (its own {@code java.*}/{@code jdk.*} classes) and the kernel. The
 * library may call the public methods of this class and the ABI classes of this package ({@link ObjectModel},
 * {@link Exceptions}, {@link Support}); it never calls {@link Intrinsics} (the compiler refuses that outside the
 * kernel packages) nor a {@code kiln.kernel} class (KernelLayoutTest checks the class files). So a change of
 * driver, clock or memory layout inside the kernel stays behind this door.
 */
public final class LibrarySupport {
    private LibrarySupport() {}

    /** The byte stream under {@code System.out} and {@code System.err}: the console. */
    public static OutputStream consoleOutput() {
        return new SerialOutputStream();
    }

    /**
     * The byte stream under {@code System.in}: the console's keyboard and serial line through a line
     * discipline, or standard input on the hosted target (see {@link ConsoleInput}).
     */
    public static InputStream consoleInput() {
        return new ConsoleInput();
    }

    /** Ends the guest with {@code status} (docs/abi.md "Exit protocol"). */
    public static void exit(int status) {
        ExitDevice.exit(status);
    }

    /** Nanoseconds from an arbitrary origin, never decreasing. */
    public static long nanoTime() {
        return Clock.nanoTime();
    }

    /** Milliseconds since 1970-01-01T00:00Z, as well as the kernel knows. */
    public static long currentTimeMillis() {
        return Clock.currentTimeMillis();
    }

    /** A hint that the caller is in a spin loop ({@code Thread.onSpinWait}): PAUSE. */
    public static void onSpinWait() {
        Intrinsics.pause();
    }

    /** Lets at least {@code nanos} nanoseconds pass before returning, the CPU idle meanwhile. */
    public static void sleep(long nanos) {
        Timer.sleep(nanos);
    }

    /**
     * memmove of {@code count} elements of {@code elementSize} bytes from {@code src[srcPos]} to
     * {@code dest[destPos]}: copies downward when the target overlaps the source from above. The caller has
     * checked types and bounds.
     */
    public static void moveArrayElements(Object src, int srcPos, Object dest, int destPos, int count, int elementSize) {
        long from = ObjectModel.elementAddress(src, srcPos);
        long to = ObjectModel.elementAddress(dest, destPos);
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

    /** Calls the argument-less static method whose code is at {@code address} (an enum's {@code values()}). */
    public static Object invokeStaticObject(long address) {
        return Intrinsics.invokeStaticObject(address);
    }
}
