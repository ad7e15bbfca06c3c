package dev.kiln.compiler.stackmaps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte format of docs/abi.md "Stack maps", as kiln.kernel.memory.StackMapReader reads it. */
class StackMapEncodingTest {
    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    @Test
    void bytesAsDocumented() {
        // 2 argument slots, 4 locals of which the first is undescribed; a prologue call at 9, then a call at 200
        // with 4 stack slots
        byte[] encoded = StackMapEncoding.encode(2, 1, 4, List.of(
                new StackMap(9, false, 0, bits(0)),
                new StackMap(200, true, 4, bits(1, 3, 9))));
        assertArrayEquals(new byte[] {
            2, 1, 2,                 // n = 2, u = 1, two safepoints
            9, 0, 0b01,              // delta 9, frame not allocated, argument 0 a reference
            (byte) 0xBF, 0x01,       // delta 191 = 0x3F | 1 << 7, LEB128
            5,                       // 4 stack slots + 1
            0b0000_1010, 0b10,       // 2 + 4 + 4 = 10 bits: argument 1, local 1, stack slot 3
        }, encoded);
    }

    @Test
    void roundTripsThroughTheReadersRules() {
        Random random = new Random(11);
        for (int method = 0; method < 200; method++) {
            int arguments = random.nextInt(6);
            int locals = random.nextInt(40);
            int undescribed = random.nextInt(locals + 1);
            List<StackMap> maps = new ArrayList<>();
            int offset = 0;
            for (int i = random.nextInt(30); i > 0; i--) {
                offset += 1 + random.nextInt(i % 7 == 0 ? 5000 : 40);
                boolean allocated = random.nextInt(10) != 0;
                int stack = allocated ? random.nextInt(12) : 0;
                int width = arguments + (allocated ? locals + stack : 0);
                BitSet references = new BitSet();
                for (int b = 0; b < width; b++) {
                    if (random.nextBoolean() && !(allocated && b >= arguments && b < arguments + undescribed)) {
                        references.set(b);
                    }
                }
                maps.add(new StackMap(offset, allocated, stack, references));
            }
            assertEquals(maps, decode(StackMapEncoding.encode(arguments, undescribed, locals, maps), undescribed, locals));
        }
    }

    @Test
    void refusesWhatTheFormatCannotSay() {
        assertThrows(IllegalArgumentException.class, () -> StackMapEncoding.encode(1, 0, 2,
                List.of(new StackMap(4, true, 1, bits(4)))), "a bit beyond the described slots");
        assertThrows(IllegalArgumentException.class, () -> StackMapEncoding.encode(1, 0, 2,
                List.of(new StackMap(8, true, 0, bits()), new StackMap(4, true, 0, bits()))), "out of order");
        assertThrows(IllegalArgumentException.class, () -> StackMapEncoding.encode(1, 1, 2,
                List.of(new StackMap(4, true, 0, bits(1)))), "a reference in an undescribed local");
        assertThrows(IllegalArgumentException.class, () -> new StackMap(4, false, 2, bits()),
                "stack slots in an unallocated frame");
    }

    /** The reader's algorithm (StackMapReader.find), in Java over a byte array. */
    private static List<StackMap> decode(byte[] bytes, int undescribed, int locals) {
        int[] at = {0};
        int arguments = (int) varint(bytes, at);
        assertEquals(undescribed, varint(bytes, at), "u");
        long count = varint(bytes, at);
        List<StackMap> maps = new ArrayList<>();
        int offset = 0;
        for (long i = 0; i < count; i++) {
            offset += (int) varint(bytes, at);
            int stack = (int) varint(bytes, at) - 1;
            int width = arguments + (stack < 0 ? 0 : locals + stack);
            BitSet references = new BitSet();
            for (int b = 0; b < width; b++) {
                if ((bytes[at[0] + b / 8] >>> (b % 8) & 1) != 0) {
                    references.set(b);
                }
            }
            at[0] += (width + 7) / 8;
            maps.add(new StackMap(offset, stack >= 0, Math.max(stack, 0), references));
        }
        assertEquals(bytes.length, at[0], "trailing bytes");
        return maps;
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[at[0]++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return value;
            }
        }
    }
}
