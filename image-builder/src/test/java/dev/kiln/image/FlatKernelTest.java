package dev.kiln.image;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;
import dev.kiln.linker.LoadSegment;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlatKernelTest {
    private static Kernel link(long base, byte[] text, byte[] data, int bss) throws Exception {
        ObjectModule module = new ObjectModule("test", List.of(
                new Section(".text", SectionKind.TEXT, text, text.length, 16, List.of(new Symbol("kiln_entry32", 0, 1)), List.of()),
                new Section(".data", SectionKind.DATA, data, data.length, 8, List.of(), List.of()),
                Section.bss(".bss", bss, 8, List.of())));
        return Linker.link(List.of(module), new LinkOptions(base, LinkOptions.DEFAULT_ENTRY_SYMBOL));
    }

    @Test
    void flattensSegmentsWithZeroGapsAndCountsTheBss() throws Exception {
        byte[] text = {(byte) 0xF4, (byte) 0xEB, (byte) 0xFD};
        byte[] data = {1, 2, 3, 4, 5};
        Kernel kernel = link(0x200000, text, data, 4096);
        FlatKernel flat = FlatKernel.of(kernel);
        List<LoadSegment> segments = kernel.segments();
        LoadSegment last = segments.get(segments.size() - 1);
        assertEquals(0x200000, flat.loadAddress());
        assertEquals(kernel.entryAddress(), flat.entry());
        assertEquals(alignUp4(last.address() + last.bytes().length - 0x200000), flat.bytes().length,
                "ends at the last file byte, padded to a dword");
        assertEquals(alignUp4(last.address() + last.memorySize() - 0x200000), flat.memorySize(),
                "memory size includes the BSS");
        assertTrue(flat.memorySize() >= flat.bytes().length + 4096);
        byte[] expected = new byte[flat.bytes().length];
        for (LoadSegment segment : segments) {
            System.arraycopy(segment.bytes(), 0, expected, (int) (segment.address() - 0x200000), segment.bytes().length);
        }
        assertArrayEquals(expected, flat.bytes());
        int dataOffset = (int) (last.address() - 0x200000);
        assertArrayEquals(data, Arrays.copyOfRange(flat.bytes(), dataOffset, dataOffset + data.length));
        int textEnd = (int) (segments.get(0).address() + segments.get(0).bytes().length - 0x200000);
        for (int i = textEnd; i < dataOffset; i++) {
            assertEquals(0, flat.bytes()[i], "gap byte " + i);
        }
    }

    private static long alignUp4(long value) {
        return (value + 3) & ~3L;
    }

    @Test
    void rejectsAKernelBelowOneMebibyte() throws Exception {
        Kernel kernel = link(0x8000, new byte[] {(byte) 0xF4}, new byte[0], 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FlatKernel.of(kernel));
        assertTrue(e.getMessage().contains("0x8000") && e.getMessage().contains("1 MiB"), e.getMessage());
    }
}
