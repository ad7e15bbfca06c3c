package dev.kiln.linker;

import dev.kiln.compiler.object.SectionKind;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the ELF64 executable (System V gABI, "ELF-64 Object File Format" 1.5). File layout:
 * <pre>
 *   0x0     ELF header
 *   0x40    program headers: one PT_LOAD per segment, then PT_NOTE if the modules have NOTE sections
 *           the notes (not loaded: loaders read them from the file; a Kiln kernel's is the boot module's PVH note)
 *   page    each PT_LOAD's bytes, at a file offset congruent to its address modulo 4096 (gABI "Program Loading")
 *           .symtab, .strtab, .shstrtab
 *           section headers
 * </pre>
 */
final class ElfWriter {
    private static final int EHDR_SIZE = 64;
    private static final int PHDR_SIZE = 56;
    private static final int SHDR_SIZE = 64;
    private static final int SYM_SIZE = 24;

    private static final short ET_EXEC = 2;
    private static final short EM_X86_64 = 62;
    private static final int PT_LOAD = 1;
    private static final int PT_NOTE = 4;
    private static final int PF_X = 1;
    private static final int PF_W = 2;
    private static final int PF_R = 4;
    private static final int SHT_PROGBITS = 1;
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_STRTAB = 3;
    private static final int SHT_NOTE = 7;
    private static final int SHT_NOBITS = 8;
    private static final long SHF_WRITE = 1;
    private static final long SHF_ALLOC = 2;
    private static final long SHF_EXECINSTR = 4;
    private static final short SHN_ABS = (short) 0xfff1;
    private static final int STB_GLOBAL = 1;
    private static final int STT_NOTYPE = 0;
    private static final int STT_OBJECT = 1;
    private static final int STT_FUNC = 2;

    /** gABI "Note Section": entries are 4-aligned. */
    private static final int NOTE_ALIGNMENT = 4;

    private record SectionHeader(String name, int type, long flags, long address, long offset, long size,
                                 int link, int info, long alignment, long entrySize) {
    }

    private final Layout layout;
    private final List<LoadSegment> segments;
    private final byte[] notes;
    private final SymbolTable symbols;
    private final long entryAddress;

    ElfWriter(Layout layout, List<LoadSegment> segments, byte[] notes, SymbolTable symbols, long entryAddress) {
        this.layout = layout;
        this.segments = segments;
        this.notes = notes;
        this.symbols = symbols;
        this.entryAddress = entryAddress;
    }

    byte[] write() {
        boolean hasNotes = notes.length > 0;
        int programHeaderCount = segments.size() + (hasNotes ? 1 : 0);
        long noteOffset = EHDR_SIZE + (long) PHDR_SIZE * programHeaderCount;
        long[] segmentOffsets = new long[segments.size()];
        long cursor = noteOffset + notes.length;
        for (int i = 0; i < segments.size(); i++) {
            LoadSegment segment = segments.get(i);
            segmentOffsets[i] = Layout.alignUp(cursor, Layout.PAGE_SIZE) + segment.address() % Layout.PAGE_SIZE;
            cursor = segmentOffsets[i] + segment.bytes().length;
        }

        List<SectionHeader> sections = new ArrayList<>();
        sections.add(new SectionHeader("", 0, 0, 0, 0, 0, 0, 0, 0, 0));
        Map<SectionKind, Integer> sectionIndex = new EnumMap<>(SectionKind.class);
        for (Layout.OutputSection output : layout.loadedSections()) {
            if (output.size() == 0) {
                continue;
            }
            sectionIndex.put(output.kind(), sections.size());
            LoadSegment segment = segmentContaining(output.start());
            long offset = segmentOffsets[segments.indexOf(segment)] + (output.start() - segment.address());
            sections.add(new SectionHeader(output.name(), output.kind() == SectionKind.BSS ? SHT_NOBITS : SHT_PROGBITS,
                    flags(output.kind()), output.start(), offset, output.size(), 0, 0, output.alignment(), 0));
        }
        if (hasNotes) {
            sections.add(new SectionHeader(layout.notes.name(), SHT_NOTE, 0, 0, noteOffset, notes.length, 0, 0,
                    NOTE_ALIGNMENT, 0));
        }

        StringTable names = new StringTable();
        List<SymbolTable.Definition> sorted = symbols.sortedByAddress();
        ByteBuffer symtab = ByteBuffer.allocate(SYM_SIZE * (sorted.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        symtab.position(SYM_SIZE); // entry 0 is the undefined symbol, all zeros (gABI "Symbol Table")
        for (SymbolTable.Definition symbol : sorted) {
            Integer index = symbol.kind() == null ? null : sectionIndex.get(symbol.kind());
            symtab.putInt(names.add(symbol.name()));
            symtab.put((byte) (STB_GLOBAL << 4 | symbolType(symbol.kind())));
            symtab.put((byte) 0);
            symtab.putShort(index == null ? SHN_ABS : index.shortValue());
            symtab.putLong(symbol.address());
            symtab.putLong(symbol.size());
        }
        byte[] strtab = names.bytes();
        long symtabOffset = Layout.alignUp(cursor, 8);
        long strtabOffset = symtabOffset + symtab.capacity();
        int strtabIndex = sections.size() + 1;
        sections.add(new SectionHeader(".symtab", SHT_SYMTAB, 0, 0, symtabOffset, symtab.capacity(),
                strtabIndex, 1, 8, SYM_SIZE));
        sections.add(new SectionHeader(".strtab", SHT_STRTAB, 0, 0, strtabOffset, strtab.length, 0, 0, 1, 0));

        StringTable sectionNames = new StringTable();
        int[] nameOffsets = new int[sections.size() + 1];
        for (int i = 0; i < sections.size(); i++) {
            nameOffsets[i] = sectionNames.add(sections.get(i).name());
        }
        nameOffsets[sections.size()] = sectionNames.add(".shstrtab");
        byte[] shstrtab = sectionNames.bytes();
        long shstrtabOffset = strtabOffset + strtab.length;
        sections.add(new SectionHeader(".shstrtab", SHT_STRTAB, 0, 0, shstrtabOffset, shstrtab.length, 0, 0, 1, 0));
        long sectionHeadersOffset = Layout.alignUp(shstrtabOffset + shstrtab.length, 8);

        ByteBuffer file = ByteBuffer.allocate(Math.toIntExact(sectionHeadersOffset + (long) SHDR_SIZE * sections.size()))
                .order(ByteOrder.LITTLE_ENDIAN);
        writeElfHeader(file, programHeaderCount, sectionHeadersOffset, sections.size());
        file.position(EHDR_SIZE);
        for (int i = 0; i < segments.size(); i++) {
            LoadSegment segment = segments.get(i);
            writeProgramHeader(file, PT_LOAD, segmentFlags(i), segmentOffsets[i], segment.address(),
                    segment.bytes().length, segment.memorySize(), Layout.PAGE_SIZE);
        }
        if (hasNotes) {
            writeProgramHeader(file, PT_NOTE, PF_R, noteOffset, 0, notes.length, notes.length, NOTE_ALIGNMENT);
            file.put(notes);
        }
        for (int i = 0; i < segments.size(); i++) {
            file.put(Math.toIntExact(segmentOffsets[i]), segments.get(i).bytes());
        }
        file.put(Math.toIntExact(symtabOffset), symtab.array());
        file.put(Math.toIntExact(strtabOffset), strtab);
        file.put(Math.toIntExact(shstrtabOffset), shstrtab);
        file.position(Math.toIntExact(sectionHeadersOffset));
        for (int i = 0; i < sections.size(); i++) {
            SectionHeader section = sections.get(i);
            file.putInt(nameOffsets[i]).putInt(section.type()).putLong(section.flags()).putLong(section.address())
                    .putLong(section.offset()).putLong(section.size()).putInt(section.link()).putInt(section.info())
                    .putLong(section.alignment()).putLong(section.entrySize());
        }
        return file.array();
    }

    private void writeElfHeader(ByteBuffer file, int programHeaderCount, long sectionHeadersOffset, int sectionCount) {
        file.put(new byte[] {0x7f, 'E', 'L', 'F', 2 /* ELFCLASS64 */, 1 /* ELFDATA2LSB */, 1 /* EV_CURRENT */,
                0 /* ELFOSABI_NONE */});
        file.position(16);
        file.putShort(ET_EXEC).putShort(EM_X86_64).putInt(1).putLong(entryAddress)
                .putLong(EHDR_SIZE).putLong(sectionHeadersOffset).putInt(0)
                .putShort((short) EHDR_SIZE).putShort((short) PHDR_SIZE).putShort((short) programHeaderCount)
                .putShort((short) SHDR_SIZE).putShort((short) sectionCount).putShort((short) (sectionCount - 1));
    }

    private static void writeProgramHeader(ByteBuffer file, int type, int flags, long offset, long address,
                                           long fileSize, long memorySize, long alignment) {
        // Identity mapped: p_paddr = p_vaddr. Loaders running with paging off (GRUB, QEMU's PVH path) use p_paddr.
        file.putInt(type).putInt(flags).putLong(offset).putLong(address).putLong(address)
                .putLong(fileSize).putLong(memorySize).putLong(alignment);
    }

    /** Segment 0 holds the code; the others hold read-only or writable data. */
    private int segmentFlags(int index) {
        long address = segments.get(index).address();
        if (index == 0) {
            return PF_R | PF_X;
        }
        return address >= layout.dataSegmentStart() ? PF_R | PF_W : PF_R;
    }

    private LoadSegment segmentContaining(long address) {
        LoadSegment containing = segments.get(0);
        for (LoadSegment segment : segments) {
            if (segment.address() <= address) {
                containing = segment;
            }
        }
        return containing;
    }

    private static long flags(SectionKind kind) {
        return switch (kind) {
            case TEXT -> SHF_ALLOC | SHF_EXECINSTR;
            case RODATA -> SHF_ALLOC;
            case DATA, BSS -> SHF_ALLOC | SHF_WRITE;
            case NOTE -> 0;
        };
    }

    private static int symbolType(SectionKind kind) {
        if (kind == null) {
            return STT_NOTYPE;
        }
        return kind == SectionKind.TEXT ? STT_FUNC : STT_OBJECT;
    }

    /** An ELF string table: NUL-terminated names after a leading NUL (gABI "String Table"). */
    private static final class StringTable {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StringTable() {
            bytes.write(0);
        }

        int add(String name) {
            if (name.isEmpty()) {
                return 0;
            }
            int offset = bytes.size();
            bytes.writeBytes(name.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return offset;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
