package kiln.runtime;

import kiln.kernel.cpu.Panic;
import kiln.kernel.cpu.PerCpu;
import kiln.kernel.drivers.Serial;

/**
 * The {@code OutOfMemoryError}s that allocation throws, with HotSpot's messages and limits.
 *
 * <p>When the heap is exhausted ({@code kiln.kernel.memory.Heap} collected, cleared soft references and still
 * found no room), the heap has just released its reserve as the bump range, so a new error with a stack trace
 * fits. If that reserve is spent too — the error's own construction ran out (a backtrace of thousands of frames),
 * or the heap was exhausted again before a collection could take a new reserve — the error is the one made at
 * boot, without a stack trace, as HotSpot throws its shared preallocated error once its few preallocated
 * errors with traces are used up. In an interrupt handler (which may not allocate anyway: the compiler checks),
 * in kernel code (see {@link #kernelCaller}) or before the boot path made that error, exhaustion is a kernel
 * panic naming the place and the request.
 */
public final class OutOfMemory {
    /**
     * The longest array HotSpot 17 on x86-64 creates: {@code Integer.MAX_VALUE - 2} elements of any type (measured
     * with -Xmx64m: {@code new byte[Integer.MAX_VALUE - 1]} and longer fail with {@link #ARRAY_SIZE_MESSAGE},
     * {@code new long[Integer.MAX_VALUE - 2]} with "Java heap space").
     */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 2;
    static final String ARRAY_SIZE_MESSAGE = "Requested array size exceeds VM limit";
    private static final String HEAP_SPACE_MESSAGE = "Java heap space";

    /** The error for a second exhaustion while the reserve is spent; made at boot, its stack trace empty. */
    private static OutOfMemoryError preallocated;
    /** Set while a new heap-space error is being made, so that an exhaustion during that gets the preallocated one. */
    private static boolean making;
    /** Set while {@link #preallocate} makes its error, whose stack trace {@code Exceptions.backtrace} leaves empty. */
    private static boolean makingPreallocated;

    private OutOfMemory() {}

    /**
     * Makes the preallocated error. Called by the boot path ({@code Kernel.start}) once the heap and scheduler
     * are up. Its stack trace is empty, as the frames above are the runtime's and the outermost; so it is made
     * without walking them: under QEMU's TCG, translating the walk's code (the method table search, the names of
     * the creation frames) cost about 0.7 ms of every boot, and the walk runs at the first exception anyway.
     */
    public static void preallocate() {
        makingPreallocated = true;
        preallocated = new OutOfMemoryError(HEAP_SPACE_MESSAGE); // at boot: if this throws, the boot fails anyway
        makingPreallocated = false;
    }

    /** True while {@link #preallocate} makes its error: {@code Exceptions.backtrace} then records no frames. */
    static boolean makingPreallocated() {
        return makingPreallocated;
    }

    /** The error to throw for a request of {@code bytes} that the heap could not meet. */
    static OutOfMemoryError javaHeapSpace(long bytes) {
        if (preallocated == null) {
            panic("during boot", "", bytes);
        }
        if (PerCpu.interruptDepth() != 0) {
            panic("in an interrupt handler", "", bytes);
        }
        String kernelMethod = kernelCaller();
        if (kernelMethod != null) {
            panic("in kernel code: ", kernelMethod, bytes);
        }
        if (making) {
            return preallocated;
        }
        making = true;
        try {
            return new OutOfMemoryError(HEAP_SPACE_MESSAGE);
        } finally {
            making = false;
        }
    }

    /**
     * The innermost kernel method ({@code kiln.kernel.*}) among the callers, or null. Kernel code (the scheduler
     * making a tasklet, a monitor being inflated, a driver) may be halfway through changing its structures when it
     * allocates, so an exception there could leave them broken; this is the rule by which the kernel is not
     * preempted either ({@code Stacks.checkPreemptible}). The outermost frame (Kernel.start, a tasklet's entry)
     * does not count. Reads only the method table: allocates nothing.
     */
    private static String kernelCaller() {
        for (long frame = Intrinsics.framePointer(); Intrinsics.readLong(Intrinsics.readLong(frame)) != 0;
                frame = Intrinsics.readLong(frame)) {
            long method = MethodTable.find(Intrinsics.readLong(frame + 8) - 1);
            if (method != 0 && MethodTable.name(method).startsWith("kiln.kernel.")) {
                return MethodTable.name(method);
            }
        }
        return null;
    }

    /**
     * A kernel panic (exit status {@code Panic.EXIT_STATUS}): "kiln: panic: out of memory {@code where}{@code
     * method}: N bytes requested", then the allocating method and its callers.
     */
    private static void panic(String where, String method, long bytes) {
        Serial.writeAscii("\nkiln: panic: out of memory ");
        Serial.writeAscii(where);
        Serial.writeAscii(method);
        Serial.writeAscii(": ");
        Serial.writeDecimal(bytes);
        Serial.writeAscii(" bytes requested");
        Panic.endWithCallers();
    }
}
