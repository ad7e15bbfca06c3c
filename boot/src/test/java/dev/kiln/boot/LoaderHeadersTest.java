package dev.kiln.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;
import dev.kiln.qemu.junit.ExternalTools;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loaders' way into a linked Kiln ELF, read back by binutils and by the specifications' rules: the Xen PVH
 * note that QEMU's {@code -kernel} follows (BootStubBootTest boots through it) and the Multiboot2 header GRUB
 * scans for (ElfLoadersTest in the toolchain boots through it).
 */
class LoaderHeadersTest {
    private static final int MULTIBOOT2_SEARCH_LIMIT = 32768;

    @TempDir
    static Path dir;
    static Kernel kernel;
    static Path elf;

    @BeforeAll
    static void link() throws Exception {
        Assembler asm = new Assembler(Mode.BITS64);
        asm.symbol(BootStub.JAVA_START);
        asm.hlt();
        asm.endSymbol();
        ObjectModule javaStart = new ObjectModule("java-start", List.of(asm.finish(".text.start", SectionKind.TEXT, 16)));
        kernel = Linker.link(List.of(BootStub.module(), javaStart), LinkOptions.defaults());
        elf = dir.resolve("kernel.elf");
        kernel.writeElf(elf);
    }

    @Test
    void pvhNoteCarriesTheEntryAddress() throws Exception {
        String notes = ExternalTools.check("readelf", "-n", elf.toString());
        assertTrue(notes.contains("Xen"), notes);
        assertTrue(notes.contains("0x00000008"), notes);
        // binutils does not name type 18; it shows the number.
        assertTrue(notes.contains("(0x00000012)"), notes);
        long entry = kernel.symbolAddress(BootStub.ENTRY32).getAsLong();
        assertEquals(entry, kernel.entryAddress());
        String littleEndian = String.format("%02x %02x %02x %02x 00 00 00 00",
                entry & 0xff, entry >> 8 & 0xff, entry >> 16 & 0xff, entry >> 24 & 0xff);
        assertTrue(notes.contains("description data: " + littleEndian), notes);
    }

    /** Multiboot2 §3.1.1: 8-aligned within the first 32768 bytes of the file; and the first magic there is it. */
    @Test
    void multiboot2HeaderIsTheFirstInTheFirst32KiBAndStartsTheImage() throws Exception {
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
        int found = -1;
        for (int at = 0; at + Multiboot2Header.SIZE <= MULTIBOOT2_SEARCH_LIMIT && found < 0; at += Multiboot2Header.ALIGNMENT) {
            if (file.getInt(at) == Multiboot2Header.MAGIC) {
                found = at;
            }
        }
        assertTrue(found >= 0, "no Multiboot2 header in the first 32 KiB");
        assertEquals(0, file.getInt(found) + file.getInt(found + 4) + file.getInt(found + 8) + file.getInt(found + 12),
                "checksum");
        assertEquals(Multiboot2Header.SIZE, file.getInt(found + 8));
        assertEquals(0, file.getShort(found + 16), "end tag type");
        assertEquals(8, file.getInt(found + 20), "end tag size");
        assertEquals(LinkOptions.DEFAULT_BASE_ADDRESS, kernel.symbolAddress(Multiboot2Header.SYMBOL).getAsLong(),
                "the boot stub's module comes first, so its header is the image's first byte");
        String programHeaders = ExternalTools.check("readelf", "-W", "-l", elf.toString());
        assertTrue(programHeaders.contains(String.format("LOAD           0x%06x 0x%016x", found,
                LinkOptions.DEFAULT_BASE_ADDRESS)), "the first PT_LOAD starts at the header:\n" + programHeaders);
    }
}
