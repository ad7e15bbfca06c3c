package dev.kiln.linker;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.RelocationKind;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.kiln.linker.Modules.entry;
import static dev.kiln.linker.Modules.module;
import static dev.kiln.linker.Modules.section;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkerTest {
    private static final long BASE = 0x100000;

    /** A data section with the symbol {@code target} at offset 8, and a text section with one relocation to it. */
    private static Kernel linkOneRelocation(RelocationKind kind, long addend) throws LinkException {
        return linkOneRelocation(kind, "target", addend);
    }

    private static Kernel linkOneRelocation(RelocationKind kind, String symbol, long addend) throws LinkException {
        ObjectModule user = module("user",
                section(".text.user", SectionKind.TEXT, 16, 8, List.of(new Symbol("user", 0, 16)),
                        List.of(new Relocation(4, kind, symbol, addend))),
                section(".data.target", SectionKind.DATA, 16, 8, List.of(new Symbol("target", 8, 8)), List.of()));
        return Linker.link(List.of(entry(), user), LinkOptions.defaults());
    }

    /** The little-endian field of {@code width} bytes at {@code address} in the kernel's loaded image. */
    private static long field(Kernel kernel, long address, int width) {
        for (LoadSegment segment : kernel.segments()) {
            if (address >= segment.address() && address + width <= segment.address() + segment.bytes().length) {
                ByteBuffer bytes = ByteBuffer.wrap(segment.bytes()).order(ByteOrder.LITTLE_ENDIAN);
                int at = (int) (address - segment.address());
                return switch (width) {
                    case 2 -> Short.toUnsignedLong(bytes.getShort(at));
                    case 4 -> Integer.toUnsignedLong(bytes.getInt(at));
                    case 8 -> bytes.getLong(at);
                    default -> throw new IllegalArgumentException("width " + width);
                };
            }
        }
        throw new AssertionError("address 0x" + Long.toHexString(address) + " is in no segment");
    }

    private static long address(Kernel kernel, String symbol) {
        return kernel.symbolAddress(symbol).orElseThrow(() -> new AssertionError(symbol + " undefined"));
    }

    @Test
    void abs64IsSymbolPlusAddend() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.ABS64, -3);
        long field = address(kernel, "user") + 4;
        assertEquals(address(kernel, "target") - 3, field(kernel, field, 8));
    }

    @Test
    void abs32IsSymbolPlusAddendZeroExtended() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.ABS32, 0x10);
        assertEquals(address(kernel, "target") + 0x10, field(kernel, address(kernel, "user") + 4, 4));
        // Only the 4 field bytes change: the neighbours stay zero.
        assertEquals(0, field(kernel, address(kernel, "user") + 8, 8));
    }

    @Test
    void abs32AcceptsTheLargestUnsignedValue() throws LinkException {
        Kernel kernel = Linker.link(List.of(entry(), module("user",
                section(".text.user", SectionKind.TEXT, 16, 8, List.of(new Symbol("user", 0, 0)),
                        List.of(new Relocation(0, RelocationKind.ABS32, "__kernel_start", 0xFFFF_FFFFL - BASE))))),
                LinkOptions.defaults());
        assertEquals(0xFFFF_FFFFL, field(kernel, address(kernel, "user"), 4));
    }

    @Test
    void abs32sIsSymbolPlusAddend() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.ABS32S, 4);
        assertEquals(address(kernel, "target") + 4, field(kernel, address(kernel, "user") + 4, 4));
    }

    @Test
    void abs16IsSymbolPlusAddend() throws LinkException {
        // __kernel_start - BASE + 0x7c00 = 0x7c00: a real-mode address.
        Kernel kernel = linkOneRelocation(RelocationKind.ABS16, "__kernel_start", 0x7c00 - BASE);
        assertEquals(0x7c00, field(kernel, address(kernel, "user") + 4, 2));
    }

    @Test
    void pc32IsSymbolPlusAddendMinusFieldAddress() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.PC32, -4);
        long fieldAddress = address(kernel, "user") + 4;
        long expected = address(kernel, "target") - 4 - fieldAddress;
        assertEquals(expected, (int) field(kernel, fieldAddress, 4));
    }

    @Test
    void pc32BackwardsIsNegative() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.PC32, "kiln_entry32", -4);
        long fieldAddress = address(kernel, "user") + 4;
        int stored = (int) field(kernel, fieldAddress, 4);
        assertTrue(stored < 0);
        assertEquals(address(kernel, "kiln_entry32") - 4 - fieldAddress, stored);
    }

    @Test
    void abs32OverflowNamesKindSymbolPlaceAndValue() {
        LinkException error = assertThrows(LinkException.class,
                () -> linkOneRelocation(RelocationKind.ABS32, "__kernel_start", -BASE - 1));
        assertEquals("relocation overflow: ABS32 to '__kernel_start' at .text.user+0x4 (module user)"
                + " does not fit (value -0x1)", error.getMessage());
    }

    @Test
    void abs32OverflowAbove4GiB() {
        LinkException error = assertThrows(LinkException.class,
                () -> linkOneRelocation(RelocationKind.ABS32, "__kernel_start", (1L << 32) - BASE));
        assertTrue(error.getMessage().contains("does not fit (value 0x100000000)"), error.getMessage());
    }

    @Test
    void abs32sOverflowAt2GiB() {
        LinkException error = assertThrows(LinkException.class,
                () -> linkOneRelocation(RelocationKind.ABS32S, "__kernel_start", 0x8000_0000L - BASE));
        assertTrue(error.getMessage().startsWith("relocation overflow: ABS32S to '__kernel_start'"), error.getMessage());
        assertTrue(error.getMessage().contains("(value 0x80000000)"), error.getMessage());
    }

    @Test
    void abs32sAcceptsNegativeValues() throws LinkException {
        Kernel kernel = linkOneRelocation(RelocationKind.ABS32S, "__kernel_start", -BASE - 8);
        assertEquals(-8, (int) field(kernel, address(kernel, "user") + 4, 4));
    }

    @Test
    void abs16Overflow() {
        LinkException error = assertThrows(LinkException.class, () -> linkOneRelocation(RelocationKind.ABS16, 0));
        assertTrue(error.getMessage().startsWith("relocation overflow: ABS16 to 'target' at .text.user+0x4"),
                error.getMessage());
    }

    @Test
    void pc32Overflow() {
        LinkException error = assertThrows(LinkException.class,
                () -> linkOneRelocation(RelocationKind.PC32, 1L << 31));
        assertTrue(error.getMessage().startsWith("relocation overflow: PC32 to 'target'"), error.getMessage());
    }

    @Test
    void relocationMathMatchesThePsAbiFormulas() {
        assertEquals(0x1010, Relocations.value(RelocationKind.ABS64, 0x1000, 0x10, 0x5000));
        assertEquals(0x1000 + 0x10 - 0x5000, Relocations.value(RelocationKind.PC32, 0x1000, 0x10, 0x5000));
        assertTrue(Relocations.fits(RelocationKind.ABS64, Long.MIN_VALUE));
        assertTrue(Relocations.fits(RelocationKind.ABS32, 0));
        assertFalse(Relocations.fits(RelocationKind.ABS32, -1));
        assertTrue(Relocations.fits(RelocationKind.ABS32S, Integer.MIN_VALUE));
        assertFalse(Relocations.fits(RelocationKind.ABS32S, Integer.MIN_VALUE - 1L));
        assertTrue(Relocations.fits(RelocationKind.ABS16, 0xFFFF));
        assertFalse(Relocations.fits(RelocationKind.ABS16, 0x10000));
        assertTrue(Relocations.fits(RelocationKind.PC32, Integer.MAX_VALUE));
        assertFalse(Relocations.fits(RelocationKind.PC32, Integer.MAX_VALUE + 1L));
    }

    @Test
    void undefinedSymbolNamesSectionOffsetAndSimilarNames() {
        LinkException error = assertThrows(LinkException.class, () -> linkOneRelocation(RelocationKind.PC32, "targer", -4));
        assertEquals("undefined symbol 'targer' referenced from section .text.user at offset 0x4 (module user);"
                + " similar names: 'target' (module user, section .data.target)", error.getMessage());
    }

    @Test
    void undefinedSymbolWithoutSimilarNamesSaysWhatToDo() {
        LinkException error = assertThrows(LinkException.class,
                () -> linkOneRelocation(RelocationKind.ABS64, "kiln_something_else_entirely", 0));
        assertTrue(error.getMessage().endsWith("no module defines it: add the module that does to the link"),
                error.getMessage());
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        ObjectModule user = module("user", section(".text.user", SectionKind.TEXT, 16, 8, List.of(),
                List.of(new Relocation(0, RelocationKind.ABS32, "missing_a", 0),
                        new Relocation(8, RelocationKind.ABS32, "missing_b", 0))));
        LinkException error = assertThrows(LinkException.class,
                () -> Linker.link(List.of(entry(), user), LinkOptions.defaults()));
        List<String> lines = error.getMessage().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("undefined symbol 'missing_a'"));
        assertTrue(lines.get(1).startsWith("undefined symbol 'missing_b'"));
    }

    @Test
    void duplicateSymbolNamesBothDefinitions() {
        ObjectModule other = module("other", section(".rodata.other", SectionKind.RODATA, 8, 8,
                List.of(new Symbol("kiln_entry32", 0, 8)), List.of()));
        LinkException error = assertThrows(LinkException.class,
                () -> Linker.link(List.of(entry(), other), LinkOptions.defaults()));
        assertTrue(error.getMessage().startsWith("duplicate symbol 'kiln_entry32' defined in module entry, section "
                + ".text.entry and module other, section .rodata.other"), error.getMessage());
    }

    @Test
    void definingALinkerSymbolIsADuplicate() {
        ObjectModule other = module("other", Section.bss(".bss.other", 8, 8, List.of(new Symbol("__bss_end", 0, 8))));
        LinkException error = assertThrows(LinkException.class,
                () -> Linker.link(List.of(entry(), other), LinkOptions.defaults()));
        assertTrue(error.getMessage().startsWith("duplicate symbol '__bss_end' defined in the linker and module other"),
                error.getMessage());
    }

    @Test
    void missingEntrySymbolSaysHowToFixIt() {
        LinkException error = assertThrows(LinkException.class, () -> Linker.link(List.of(), LinkOptions.defaults()));
        assertTrue(error.getMessage().contains("entry symbol 'kiln_entry32' is not defined"), error.getMessage());
        assertTrue(error.getMessage().contains("BootStub"), error.getMessage());
    }

    @Test
    void optionsRejectAnUnalignedBase() {
        assertThrows(IllegalArgumentException.class, () -> new LinkOptions(0x100010, "kiln_entry32"));
        assertThrows(IllegalArgumentException.class, () -> new LinkOptions(1L << 32, "kiln_entry32"));
        assertEquals(new LinkOptions(0x100000, "kiln_entry32"), LinkOptions.defaults());
    }

    /** Two modules with every kind of section, alignments chosen to force padding. */
    private static List<ObjectModule> everyKind() {
        ObjectModule first = module("first",
                section(".text.a", SectionKind.TEXT, 5, 16, List.of(new Symbol("a_code", 0, 5)), List.of()),
                section(".rodata.a", SectionKind.RODATA, 3, 8, List.of(new Symbol("a_const", 0, 3)), List.of()),
                section(".data.a", SectionKind.DATA, 12, 4, List.of(new Symbol("a_data", 0, 12)), List.of()),
                Section.bss(".bss.a", 100, 16, List.of(new Symbol("a_bss", 0, 100))));
        ObjectModule second = module("second",
                section(".text.b", SectionKind.TEXT, 7, 32, List.of(new Symbol("kiln_entry32", 0, 7)), List.of()),
                section(".rodata.b", SectionKind.RODATA, 9, 16, List.of(new Symbol("b_const", 0, 9)), List.of()),
                section(".data.b", SectionKind.DATA, 5, 8, List.of(new Symbol("b_data", 0, 5)), List.of()),
                Section.bss(".bss.b", 5000, 4096, List.of(new Symbol("b_bss", 0, 5000))));
        return List.of(first, second);
    }

    @Test
    void layoutConcatenatesKindsInModuleOrderOnPages() throws LinkException {
        Kernel kernel = Linker.link(everyKind(), LinkOptions.defaults());
        // Text starts the image, each section at its alignment.
        assertEquals(BASE, address(kernel, "__kernel_start"));
        assertEquals(BASE, address(kernel, "a_code"));
        assertEquals(BASE, address(kernel, "__text_start"));
        assertEquals(BASE + 32, address(kernel, "kiln_entry32"));
        assertEquals(BASE + 39, address(kernel, "__text_end"));
        assertEquals(BASE + 32, kernel.entryAddress());
        assertEquals(BASE + 0x1000, address(kernel, "a_const"));
        assertEquals(BASE + 0x1010, address(kernel, "b_const"));
        assertEquals(BASE + 0x2000, address(kernel, "a_data"));
        assertEquals(BASE + 0x2010, address(kernel, "b_data"));
        assertEquals(BASE + 0x2020, address(kernel, "a_bss"));
        assertEquals(BASE + 0x2020, address(kernel, "__bss_start"));
        assertEquals(BASE + 0x3000, address(kernel, "b_bss"));
        assertEquals(BASE + 0x3000 + 5000, address(kernel, "__bss_end"));
        assertEquals(BASE + 0x5000, address(kernel, "__kernel_end"));
        assertEquals(0x5000, kernel.imageSize());

        List<LoadSegment> segments = kernel.segments();
        assertEquals(3, segments.size());
        assertEquals(BASE, segments.get(0).address());
        assertEquals(39, segments.get(0).bytes().length);
        assertEquals(39, segments.get(0).memorySize());
        assertEquals(BASE + 0x1000, segments.get(1).address());
        assertEquals(0x19, segments.get(1).bytes().length);
        assertEquals(BASE + 0x2000, segments.get(2).address());
        assertEquals(0x15, segments.get(2).bytes().length);
        assertEquals(0x1000 + 5000, segments.get(2).memorySize());
        // Padding between code sections is int3.
        assertEquals((byte) 0xCC, segments.get(0).bytes()[20]);
    }

    @Test
    void firstTextSectionStartsTheImageAndNotesAreNotLoaded() throws LinkException {
        byte[] first = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] note = new byte[24];
        ObjectModule module = module("first", new Section(".text.first", SectionKind.TEXT, first, first.length, 8,
                        List.of(new Symbol("first", 0, first.length)), List.of()),
                new Section(".note.test", SectionKind.NOTE, note, note.length, 4, List.of(),
                        List.of(new Relocation(16, RelocationKind.ABS64, "kiln_entry32", 0))));
        Kernel kernel = Linker.link(List.of(module, entry()), LinkOptions.defaults());
        assertEquals(BASE, address(kernel, "first"));
        assertArrayEquals(first, Arrays.copyOf(kernel.segments().get(0).bytes(), first.length));
        long loaded = kernel.segments().stream().mapToLong(segment -> segment.bytes().length).sum();
        assertEquals(address(kernel, "kiln_entry32") + 16 - BASE, loaded, "text only: the note is in no segment");
    }

    @Test
    void noteThatDefinesASymbolIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Section(".note.bad",
                SectionKind.NOTE, new byte[8], 8, 4, List.of(new Symbol("x", 0, 8)), List.of()));
        assertTrue(error.getMessage().contains("a note is not loaded"), error.getMessage());
    }

    @Test
    void sectionContentIsCopiedAndOnlyRelocatedFieldsChange() throws LinkException {
        byte[] code = {(byte) 0x90, (byte) 0xE8, 0, 0, 0, 0, (byte) 0xC3};
        ObjectModule module = module("code", new Section(".text.code", SectionKind.TEXT, code, code.length, 1,
                List.of(new Symbol("kiln_entry32", 0, 7)), List.of(new Relocation(2, RelocationKind.PC32, "kiln_entry32", -4))));
        Kernel kernel = Linker.link(List.of(module), LinkOptions.defaults());
        long entry = kernel.entryAddress();
        byte[] image = kernel.segments().get(0).bytes();
        int at = (int) (entry - kernel.segments().get(0).address());
        // call back to the start: S + A - P = entry - 4 - (entry + 2) = -6
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0xE8, (byte) 0xFA, -1, -1, -1, (byte) 0xC3},
                Arrays.copyOfRange(image, at, at + 7));
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0xE8, 0, 0, 0, 0, (byte) 0xC3}, code,
                "the input module is not modified");
    }

    @Test
    void sameInputGivesSameBytes() throws LinkException {
        assertArrayEquals(Linker.link(everyKind(), LinkOptions.defaults()).elf(),
                Linker.link(everyKind(), LinkOptions.defaults()).elf());
    }

    @Test
    void otherBaseAddress() throws LinkException {
        Kernel kernel = Linker.link(everyKind(), new LinkOptions(0x200000, "b_const"));
        assertEquals(0x200000, address(kernel, "__kernel_start"));
        assertEquals(0x201010, kernel.entryAddress());
    }

    @Test
    void mapListsSectionsAndSymbolsByAddress(@TempDir Path dir) throws Exception {
        Kernel kernel = Linker.link(everyKind(), LinkOptions.defaults());
        Path file = dir.resolve("kernel.map");
        kernel.writeMap(file);
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("# Kiln link map: entry kiln_entry32 at 0x0000000000100020"), lines.get(0));
        assertTrue(lines.contains("section 0x0000000000100000 0x0000000000000027 .text"), lines.toString());
        assertTrue(lines.contains("0x0000000000100020 0x0000000000000007 kiln_entry32"), lines.toString());
        assertTrue(lines.contains("0x0000000000103000 0x0000000000001388 b_bss"), lines.toString());
        long previous = -1;
        int symbols = 0;
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            boolean section = fields[0].equals("section");
            assertEquals(section ? 4 : 3, fields.length, line);
            long address = Long.parseUnsignedLong(fields[section ? 1 : 0].substring(2), 16);
            assertTrue(address >= previous, "sorted by address: " + line);
            previous = address;
            symbols += section ? 0 : 1;
        }
        assertEquals(8 + SymbolTable.LINKER_DEFINED.size(), symbols);
        int textHeader = lines.indexOf("section 0x0000000000100000 0x0000000000000027 .text");
        assertTrue(textHeader >= 0 && textHeader < lines.indexOf("0x0000000000100000 0x0000000000000005 a_code"),
                "a section's header precedes its first symbol");
    }

    @Test
    void editDistance() {
        assertEquals(0, SymbolTable.editDistance("abc", "abc", 2));
        assertEquals(1, SymbolTable.editDistance("abc", "abd", 2));
        assertEquals(2, SymbolTable.editDistance("abc", "a", 2));
        assertEquals(3, SymbolTable.editDistance("abcdef", "a", 2), "capped at limit + 1");
    }
}
