package dev.kiln.linker;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kiln.linker.Modules.module;
import static dev.kiln.linker.Modules.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the ELF file with GNU binutils ({@code readelf}, {@code objdump}, {@code nm}) as independent readers. */
class ElfOracleTest {
    @TempDir
    static Path dir;
    static Kernel kernel;
    static Path elf;
    /** A gABI note: namesz 5, descsz 8, type 0x100, "Kiln\0" padded to 8, an 8-byte descriptor (the entry address). */
    private static final byte[] NOTE = ByteBuffer.allocate(12 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN)
            .putInt(5).putInt(8).putInt(0x100).put(new byte[] {'K', 'i', 'l', 'n', 0, 0, 0, 0}).putLong(0).array();

    @BeforeAll
    static void link() throws Exception {
        // 32-bit code: mov eax, imm32 (ABS32 to the data word); hlt; jmp $-1
        byte[] code = {(byte) 0xB8, 0, 0, 0, 0, (byte) 0xF4, (byte) 0xEB, (byte) 0xFD};
        ObjectModule module = module("oracle",
                new Section(".text.entry", SectionKind.TEXT, code, code.length, 16,
                        List.of(new Symbol("kiln_entry32", 0, code.length)),
                        List.of(new Relocation(1, RelocationKind.ABS32, "word", 0))),
                section(".rodata.table", SectionKind.RODATA, 32, 16, List.of(new Symbol("table", 0, 32)), List.of()),
                section(".data.word", SectionKind.DATA, 8, 8, List.of(new Symbol("word", 0, 8)),
                        List.of(new Relocation(0, RelocationKind.ABS64, "table", 0))),
                Section.bss(".bss.stack", 0x4000, 16, List.of(new Symbol("stack", 0, 0x4000))),
                new Section(".note.kiln", SectionKind.NOTE, NOTE, NOTE.length, 4, List.of(),
                        List.of(new Relocation(NOTE.length - 8, RelocationKind.ABS64, "kiln_entry32", 0))));
        kernel = Linker.link(List.of(module), LinkOptions.defaults());
        elf = dir.resolve("kernel.elf");
        kernel.writeElf(elf);
    }

    @Test
    void headerIsAnX86_64ExecutableEnteringAtTheEntrySymbol() throws Exception {
        String header = ExternalTools.check("readelf", "-h", elf.toString());
        assertTrue(header.contains("ELF64"), header);
        assertTrue(header.contains("EXEC (Executable file)"), header);
        assertTrue(header.contains("Advanced Micro Devices X86-64"), header);
        assertTrue(header.contains("Entry point address:               0x"
                + Long.toHexString(kernel.symbolAddress("kiln_entry32").getAsLong())), header);
    }

    @Test
    void loadSegmentsHavePermissionsByKindAndIdentityMapping() throws Exception {
        String programHeaders = ExternalTools.check("readelf", "-W", "-l", elf.toString());
        Matcher load = Pattern.compile(
                "LOAD\\s+0x(\\p{XDigit}+) 0x(\\p{XDigit}+) 0x(\\p{XDigit}+) 0x(\\p{XDigit}+) 0x(\\p{XDigit}+) (.{3}) 0x1000")
                .matcher(programHeaders);
        String[] expectedFlags = {"R E", "R  ", "RW "};
        int count = 0;
        while (load.find()) {
            long offset = Long.parseLong(load.group(1), 16);
            long virtualAddress = Long.parseLong(load.group(2), 16);
            assertEquals(virtualAddress, Long.parseLong(load.group(3), 16), "p_paddr = p_vaddr");
            assertEquals(virtualAddress % 4096, offset % 4096, "offset congruent to address mod page size");
            assertEquals(kernel.segments().get(count).address(), virtualAddress);
            assertEquals(expectedFlags[count], load.group(6));
            long fileSize = Long.parseLong(load.group(4), 16);
            long memorySize = Long.parseLong(load.group(5), 16);
            assertTrue(count == 2 ? memorySize > fileSize : memorySize == fileSize, load.group());
            count++;
        }
        assertEquals(3, count, programHeaders);
        assertTrue(programHeaders.contains("00     .text"), programHeaders);
        assertTrue(programHeaders.contains("01     .rodata"), programHeaders);
        assertTrue(programHeaders.contains("02     .data .bss"), programHeaders);
        assertTrue(programHeaders.contains("NOTE"), programHeaders);
    }

    @Test
    void noteIsInThePtNoteWithItsRelocationApplied() throws Exception {
        String notes = ExternalTools.check("readelf", "-n", elf.toString());
        assertTrue(notes.contains("Kiln"), notes);
        assertTrue(notes.contains("0x00000008"), notes);
        long entry = kernel.entryAddress();
        String littleEndian = String.format("%02x %02x %02x %02x 00 00 00 00",
                entry & 0xff, entry >> 8 & 0xff, entry >> 16 & 0xff, entry >> 24 & 0xff);
        assertTrue(notes.contains("description data: " + littleEndian), notes);
    }

    @Test
    void sectionsAreWhereReadelfSays() throws Exception {
        String sections = ExternalTools.check("readelf", "-W", "-S", elf.toString());
        for (String name : List.of(".text", ".rodata", ".data", ".bss", ".note", ".symtab", ".strtab", ".shstrtab")) {
            assertTrue(sections.contains(" " + name + " "), name + " missing:\n" + sections);
        }
        Matcher text = Pattern.compile("\\.text\\s+PROGBITS\\s+(\\p{XDigit}+) ").matcher(sections);
        assertTrue(text.find(), sections);
        assertEquals(LinkOptions.DEFAULT_BASE_ADDRESS, Long.parseLong(text.group(1), 16));
    }

    @Test
    void objdumpShowsSymbolsAndRelocatedCode() throws Exception {
        String disassembly = ExternalTools.check("objdump", "-d", "-M", "i386", elf.toString());
        long word = kernel.symbolAddress("word").getAsLong();
        assertTrue(disassembly.contains("<kiln_entry32>:"), disassembly);
        assertTrue(disassembly.contains("mov    $0x" + Long.toHexString(word) + ",%eax"), disassembly);
        String data = ExternalTools.check("objdump", "-s", "-j", ".data", elf.toString());
        long table = kernel.symbolAddress("table").getAsLong();
        String tableBytes = String.format("%02x%02x%02x%02x", table & 0xff, table >> 8 & 0xff, table >> 16 & 0xff,
                table >> 24 & 0xff);
        assertTrue(data.contains(tableBytes + " 00000000"), data);
    }

    @Test
    void nmSeesEverySymbolWithItsKind() throws Exception {
        String symbols = ExternalTools.check("nm", elf.toString());
        assertTrue(symbols.contains(hex("kiln_entry32") + " T kiln_entry32"), symbols);
        assertTrue(symbols.contains(hex("table") + " R table"), symbols);
        assertTrue(symbols.contains(hex("word") + " D word"), symbols);
        assertTrue(symbols.contains(hex("stack") + " B stack"), symbols);
        for (String linkerSymbol : SymbolTable.LINKER_DEFINED) {
            assertTrue(symbols.contains(hex(linkerSymbol) + " A " + linkerSymbol), symbols);
        }
    }

    private static String hex(String symbol) {
        return String.format("%016x", kernel.symbolAddress(symbol).getAsLong());
    }
}
