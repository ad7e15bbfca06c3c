package kiln.kernel.memory;

import kiln.runtime.Intrinsics;
import kiln.runtime.MethodTable;

/**
 * Reads the compiler's stack maps (docs/abi.md "Stack maps"; the compiler's {@code StackMapEncoding} writes them):
 * for a frame stopped at a call, which of its slots hold references. One map is looked at a time, and its decoded
 * form lives in static fields: the collector that asks allocates nothing.
 *
 * <pre>
 * per method: varint n (argument slots), varint u (leading locals not described), varint count; then per
 * safepoint, ascending:
 *   varint delta (return offset from codeStart, minus the previous one), varint stack (0: frame not allocated,
 *   s + 1: L locals and s stack slots described), ceil(bits / 8) bytes of reference bits (bit b: byte b / 8,
 *   1 &lt;&lt; b % 8), bits = n (+ L + s)
 * slot addresses from the frame's rbp: argument i at rbp + 16 + 8*(n-1-i), local j at rbp - 8*(j+1),
 *   stack slot j at rbp - 8*L - 8*(j+1)
 * </pre>
 */
final class StackMapReader {
    /** {@link #describe}: the word is not described by the map. */
    static final int UNDESCRIBED = -1;
    static final int NOT_REFERENCE = 0;
    static final int REFERENCE = 1;

    private static long cursor;
    private static long argumentSlots;
    private static long localSlots;
    /** The first locals below rbp the found map leaves undescribed (saved registers, handlers' locals). */
    private static long undescribedLocals;
    /** -1: the frame is not allocated yet, only the arguments are described. */
    private static long stackSlots;
    private static long bitmap;

    private StackMapReader() {}

    /**
     * Looks up the map of the call whose return address is {@code returnAddress}; false when its method has no maps
     * or none for that call (then the frame is scanned conservatively).
     */
    static boolean find(long returnAddress) {
        long entry = MethodTable.find(returnAddress - 1); // a call that ends its method returns to the next one's start
        if (entry == 0) {
            return false;
        }
        long maps = MethodTable.stackMaps(entry);
        if (maps == 0) {
            return false;
        }
        long target = returnAddress - MethodTable.codeStart(entry);
        cursor = maps;
        argumentSlots = varint();
        long undescribed = varint();
        long count = varint();
        long locals = MethodTable.localsBytes(entry) / 8;
        long offset = 0;
        for (long i = 0; i < count; i++) {
            offset += varint();
            long stack = varint() - 1;
            long bits = argumentSlots + (stack < 0 ? 0 : locals + stack);
            if (offset == target) {
                localSlots = locals;
                undescribedLocals = undescribed;
                stackSlots = stack;
                bitmap = cursor;
                return true;
            }
            if (offset > target) {
                return false;
            }
            cursor += (bits + 7) >>> 3;
        }
        return false;
    }

    /** The found map's argument slots: its frame's words end at rbp + 16 + 8 * this. */
    static long argumentSlots() {
        return argumentSlots;
    }

    /** The lowest word the found map describes in the frame at {@code rbp}. */
    static long lowestDescribed(long rbp) {
        return stackSlots < 0 ? rbp + 16 : rbp - 8 * (localSlots + stackSlots);
    }

    /** What the found map says of the word at {@code address} in the frame at {@code rbp}. */
    static int describe(long rbp, long address) {
        long bit;
        if (address >= rbp + 16 && address < rbp + 16 + 8 * argumentSlots) {
            bit = argumentSlots - 1 - ((address - rbp - 16) >>> 3);
        } else if (stackSlots >= 0 && address < rbp && address >= rbp - 8 * undescribedLocals) {
            return UNDESCRIBED;
        } else if (stackSlots >= 0 && address < rbp && address >= rbp - 8 * (localSlots + stackSlots)) {
            bit = argumentSlots + ((rbp - 8 - address) >>> 3); // locals, then the stack slots below them
        } else {
            return UNDESCRIBED;
        }
        return (Intrinsics.readByte(bitmap + (bit >>> 3)) >>> (bit & 7) & 1) != 0 ? REFERENCE : NOT_REFERENCE;
    }

    /** LEB128 (DWARF 5 §7.6), unsigned. */
    private static long varint() {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = Intrinsics.readByte(cursor++) & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return value;
            }
        }
    }
}
