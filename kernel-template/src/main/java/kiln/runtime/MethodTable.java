package kiln.runtime;

/**
 * Reads the compiler's method table (docs/abi.md "Tables"): which method a code address belongs to, its
 * name and frame size, and its exception handlers.
 *
 * <pre>
 * kiln_method_table: count entries of 9 words, sorted by codeStart, code ranges disjoint
 *   +0 codeStart  +8 codeEnd (exclusive)  +16 name (String "pkg.Class.method")
 *   +24 localsBytes (8*L)  +32 handlers (address)  +40 handlerCount
 *   +48 sourceFile (String, 0 = unknown)  +56 lines (address)  +64 lineCount
 * line: 2 ints, ascending: +0 offset from codeStart where the line's code begins, +4 line number
 * handler: 4 words, in the order of the method's exception table
 *   +0 start  +8 end (exclusive)  +16 handlerPc  +24 catchClass (Class address, 0 = any)
 * kiln_stack_maps: count ints, entry i's stack maps at kiln_stack_map_data + int, 0 = none (kiln.kernel.memory.StackMapReader)
 * </pre>
 */
public final class MethodTable {
    private static final long ENTRY_BYTES = 72;
    private static final long LINE_BYTES = 8;
    private static final long HANDLER_BYTES = 32;

    private MethodTable() {}

    /** The entry of the method whose code contains {@code address}, or 0. */
    public static long find(long address) {
        long table = Intrinsics.symbol("kiln_method_table");
        long low = 0;
        long high = Intrinsics.readLong(Intrinsics.symbol("kiln_method_count")) - 1;
        while (low <= high) {
            long middle = (low + high) >>> 1;
            long entry = table + middle * ENTRY_BYTES;
            if (address < Intrinsics.readLong(entry)) {
                high = middle - 1;
            } else if (address >= Intrinsics.readLong(entry + 8)) {
                low = middle + 1;
            } else {
                return entry;
            }
        }
        return 0;
    }

    /** "pkg.Class.method" */
    public static String name(long entry) {
        return (String) Intrinsics.objectAt(Intrinsics.readLong(entry + 16));
    }

    /** The source file name from the class file's SourceFile attribute, or null. */
    public static String sourceFile(long entry) {
        return (String) Intrinsics.objectAt(Intrinsics.readLong(entry + 48));
    }

    /** The source line of the code at {@code address} inside the method at {@code entry}, or -1 if unknown. */
    public static int lineNumber(long entry, long address) {
        long offset = address - Intrinsics.readLong(entry);
        long line = Intrinsics.readLong(entry + 56);
        long lineEnd = line + Intrinsics.readLong(entry + 64) * LINE_BYTES;
        int result = -1;
        for (; line < lineEnd && Intrinsics.readInt(line) <= offset; line += LINE_BYTES) {
            result = Intrinsics.readInt(line + 4);
        }
        return result;
    }

    /** The address of the method's first instruction. */
    public static long codeStart(long entry) {
        return Intrinsics.readLong(entry);
    }

    /** The frame's slots below rbp: 8*L locals (baseline), the spill area (optimized). */
    public static long localsBytes(long entry) {
        return Intrinsics.readLong(entry + 24);
    }

    /**
     * The address of the method's stack maps, or 0 (docs/abi.md "Stack maps"): {@code kiln_stack_map_data} plus the
     * offset in {@code kiln_stack_maps} at the entry's index in the table.
     */
    public static long stackMaps(long entry) {
        long index = (entry - Intrinsics.symbol("kiln_method_table")) / ENTRY_BYTES;
        int offset = Intrinsics.readInt(Intrinsics.symbol("kiln_stack_maps") + 4 * index);
        return offset == 0 ? 0 : Intrinsics.symbol("kiln_stack_map_data") + offset;
    }

    /**
     * The first handler of the method at {@code entry} whose range covers {@code address} and whose catch
     * class accepts {@code exception} (JVMS §2.10: the exception table is searched in order), or 0.
     */
    static long handlerFor(long entry, long address, Throwable exception) {
        long handler = Intrinsics.readLong(entry + 32);
        long handlerEnd = handler + Intrinsics.readLong(entry + 40) * HANDLER_BYTES;
        for (; handler < handlerEnd; handler += HANDLER_BYTES) {
            if (address < Intrinsics.readLong(handler) || address >= Intrinsics.readLong(handler + 8)) {
                continue;
            }
            long catchClass = Intrinsics.readLong(handler + 24);
            if (catchClass == 0 || ((Class<?>) Intrinsics.objectAt(catchClass)).isInstance(exception)) {
                return Intrinsics.readLong(handler + 16);
            }
        }
        return 0;
    }
}
