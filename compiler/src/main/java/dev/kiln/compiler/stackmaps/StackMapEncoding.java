package dev.kiln.compiler.stackmaps;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The bytes of one method's stack maps in the image (docs/abi.md "Stack maps"), read at run time by
 * {@code kiln.kernel.memory.StackMapReader}:
 * <pre>
 *   varint n                   argument slots
 *   varint u                   the first u local slots (below rbp) are not described: scanned conservatively
 *   varint count               safepoints, in ascending return offset
 *   count times:
 *     varint delta             return offset minus the previous safepoint's (the first: minus 0)
 *     varint stack             0: frame not allocated (arguments only); s + 1: L locals and s stack slots described
 *     ceil(bits / 8) bytes     the reference bits, bit b in byte b / 8 at 1 &lt;&lt; (b % 8); bits = n (+ L + s)
 * </pre>
 * A varint is LEB128 (DWARF 5 §7.6): 7 bits per byte, least significant first, high bit set on every byte but
 * the last. L, the frame's slot count, is the method table's {@code localsBytes / 8} and is not repeated here.
 *
 * <p><i>Rejected</i>: fixed 4-byte offsets and 8-byte bitmaps per safepoint (simpler to read, but three to four
 * times the bytes: hello has some ten thousand safepoints); a palette of distinct bitmaps per method with an index
 * per safepoint (saves a little more, but most frames differ from call to call as locals become references).
 */
public final class StackMapEncoding {
    private StackMapEncoding() {
    }

    /**
     * The maps of a method with {@code argumentSlots} argument slots and {@code localSlots} locals, of which the
     * first {@code undescribedLocals} are not described (an optimized frame's saved callee-saved registers and its
     * handlers' locals: their bits are never set).
     */
    public static byte[] encode(int argumentSlots, int undescribedLocals, int localSlots, List<StackMap> safepoints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, argumentSlots);
        varint(out, undescribedLocals);
        varint(out, safepoints.size());
        int previous = 0;
        for (StackMap map : safepoints) {
            if (map.returnOffset() < previous) {
                throw new IllegalArgumentException("safepoints out of order at offset " + map.returnOffset());
            }
            varint(out, map.returnOffset() - previous);
            previous = map.returnOffset();
            varint(out, map.frameAllocated() ? map.stackSlots() + 1 : 0);
            int bits = argumentSlots + (map.frameAllocated() ? localSlots + map.stackSlots() : 0);
            if (map.references().length() > bits) {
                throw new IllegalArgumentException("reference bit " + (map.references().length() - 1)
                        + " outside the " + bits + " slots described at offset " + map.returnOffset());
            }
            int firstUndescribed = argumentSlots;
            if (map.frameAllocated() && map.references().get(firstUndescribed, firstUndescribed + undescribedLocals)
                    .cardinality() > 0) {
                throw new IllegalArgumentException("a reference bit in the " + undescribedLocals
                        + " undescribed locals at offset " + map.returnOffset());
            }
            byte[] bitmap = map.references().toByteArray(); // little-endian: bit b in byte b / 8, as above
            for (int i = 0; i < (bits + 7) / 8; i++) {
                out.write(i < bitmap.length ? bitmap[i] : 0);
            }
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative " + value);
        }
        while (value >= 0x80) {
            out.write(value & 0x7F | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }
}
