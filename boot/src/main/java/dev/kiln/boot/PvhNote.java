package dev.kiln.boot;

import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Xen PVH entry note, XEN_ELFNOTE_PHYS32_ENTRY (Xen public/elfnote.h, type 18): the physical address where a
 * PVH loader starts the kernel in 32-bit protected mode, paging off, {@code ebx} = struct hvm_start_info (Xen's
 * PVH boot ABI, docs/boot.md "Boot information"). QEMU's {@code -kernel} looks for it in ELF files that are
 * neither bzImage nor Multiboot1; it does not speak Multiboot2, so this note is how {@code qemu -kernel} starts a
 * Kiln ELF. The linker writes NOTE sections under a PT_NOTE program header and resolves the descriptor's
 * relocation to the entry's address.
 * <pre>
 *   +0  u32 namesz 4      +4 u32 descsz 8      +8 u32 type 18
 *   +12 "Xen\0"
 *   +16 u64 entry address (ABS64 relocation; below 4 GiB, so the upper half is 0)
 * </pre>
 * QEMU reads a descriptor of 4 or 8 bytes; Kiln writes 8.
 */
final class PvhNote {
    static final int XEN_ELFNOTE_PHYS32_ENTRY = 18;
    private static final byte[] NAME = "Xen\0".getBytes(StandardCharsets.US_ASCII);
    private static final int DESCRIPTOR_SIZE = 8;
    private static final int DESCRIPTOR_OFFSET = 12 + NAME.length;
    /** gABI: note fields are 4-aligned in ELF64 files as produced by GNU tools. */
    private static final int ALIGNMENT = 4;

    private PvhNote() {
    }

    /** The note, its descriptor relocated to {@code entrySymbol}. */
    static Section section(String entrySymbol) {
        ByteBuffer note = ByteBuffer.allocate(DESCRIPTOR_OFFSET + DESCRIPTOR_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        note.putInt(NAME.length).putInt(DESCRIPTOR_SIZE).putInt(XEN_ELFNOTE_PHYS32_ENTRY).put(NAME).putLong(0);
        return new Section(".note.Xen", SectionKind.NOTE, note.array(), note.capacity(), ALIGNMENT, List.of(),
                List.of(new Relocation(DESCRIPTOR_OFFSET, RelocationKind.ABS64, entrySymbol, 0)));
    }
}
