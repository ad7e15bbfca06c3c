package dev.kiln.boot;

import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The Multiboot2 header (Multiboot2 specification §3.1) that lets GRUB and other Multiboot2 loaders find and start
 * the kernel. It must be 8-byte aligned within the first 32 KiB of the file: it is the first TEXT section of
 * {@link BootStub#module()}, which every Kiln link puts first, so it sits at the image's base address, at the
 * start of the first loaded segment. It carries no address tag: for an ELF image the loader takes the segments
 * from the program headers and starts at {@code e_entry} in 32-bit protected mode with {@code eax = 0x36d76289}
 * and {@code ebx} = the boot information.
 * <pre>
 *   +0  u32 magic          0xE85250D6
 *   +4  u32 architecture   0 = i386 protected mode
 *   +8  u32 header_length  24
 *   +12 u32 checksum       -(magic + architecture + header_length) mod 2^32
 *   +16 end tag: u16 type 0, u16 flags 0, u32 size 8          (§3.1.3)
 * </pre>
 */
public final class Multiboot2Header {
    static final int MAGIC = 0xE85250D6;
    static final int ARCHITECTURE_I386 = 0;
    static final int SIZE = 24;
    /** The header's alignment in the file and in memory (§3.1.1). */
    static final int ALIGNMENT = 8;
    /** The header's symbol, so that the link map and {@code nm} show it. */
    public static final String SYMBOL = "kiln_multiboot2_header";

    private Multiboot2Header() {
    }

    /** The header as a TEXT section (it shares the first segment's read and execute permissions). */
    static Section section() {
        return new Section(".text.kiln_multiboot2", SectionKind.TEXT, bytes(), SIZE, ALIGNMENT,
                List.of(new Symbol(SYMBOL, 0, SIZE)), List.of());
    }

    static byte[] bytes() {
        ByteBuffer header = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putInt(ARCHITECTURE_I386).putInt(SIZE).putInt(-(MAGIC + ARCHITECTURE_I386 + SIZE));
        header.putShort((short) 0).putShort((short) 0).putInt(8);
        return header.array();
    }
}
