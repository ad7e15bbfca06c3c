package dev.kiln.linker;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every section goes. The image is, from {@code baseAddress} up:
 * <pre>
 *   .text        TEXT sections in module order                   PT_LOAD R+X
 *   -- page boundary --
 *   .rodata      RODATA sections                                 PT_LOAD R
 *   -- page boundary --
 *   .data        DATA sections                                 } PT_LOAD RW
 *   .bss         BSS sections (no file bytes)                  }
 *   -- page boundary: __kernel_end --
 * </pre>
 * Each kind starts on a page so that a loader (or the kernel's own page tables) can give it its own permissions.
 * NOTE sections are not loaded: they are placed one after another from 0 in a space of their own, the bytes the
 * file's PT_NOTE covers.
 */
final class Layout {
    static final int PAGE_SIZE = 4096;
    static final long FOUR_GIB = 1L << 32;

    /** An input section and the address the linker gave it. */
    record PlacedSection(ObjectModule module, Section section, long address) {
        long end() {
            return address + section.size();
        }
    }

    /**
     * All input sections of one kind, laid out one after another.
     *
     * @param start the first input section's address (the kind's start if it has none)
     * @param end   the end of the last input section
     */
    record OutputSection(String name, SectionKind kind, long start, long end, int alignment, List<PlacedSection> inputs) {
        long size() {
            return end - start;
        }
    }

    /** The image's first byte: the first TEXT section (a Kiln kernel's Multiboot2 header) starts here. */
    final long baseAddress;
    final OutputSection text;
    final OutputSection rodata;
    final OutputSection data;
    final OutputSection bss;
    /** The notes, at offsets from 0 (not loaded). */
    final OutputSection notes;
    /** First byte after everything, BSS included, rounded up to a page. */
    final long kernelEnd;

    Layout(List<ObjectModule> modules, long baseAddress) throws LinkException {
        this.baseAddress = baseAddress;
        text = place(".text", SectionKind.TEXT, modules, baseAddress);
        rodata = place(".rodata", SectionKind.RODATA, modules, alignUp(text.end, PAGE_SIZE));
        data = place(".data", SectionKind.DATA, modules, alignUp(rodata.end, PAGE_SIZE));
        // 8-aligned BSS bounds let the boot stub clear it with rep stosq.
        bss = place(".bss", SectionKind.BSS, modules, alignUp(data.end, 8));
        notes = place(".note", SectionKind.NOTE, modules, 0);
        long bssEnd = alignUp(bss.end, 8);
        kernelEnd = alignUp(bssEnd, PAGE_SIZE);
        if (kernelEnd > FOUR_GIB) {
            throw new LinkException("the kernel image ends at 0x" + Long.toHexString(kernelEnd)
                    + ", above 4 GiB, where 32-bit boot loaders cannot place it; lower the base address or shrink the image");
        }
    }

    /** The end of the BSS, rounded to 8 bytes ({@code __bss_end}). */
    long bssEnd() {
        return alignUp(bss.end, 8);
    }

    /** First address of the read-only segment, which is page-aligned even when it holds nothing. */
    long rodataSegmentStart() {
        return alignUp(text.end, PAGE_SIZE);
    }

    /** First address of the writable segment. */
    long dataSegmentStart() {
        return alignUp(rodata.end, PAGE_SIZE);
    }

    List<OutputSection> loadedSections() {
        return List.of(text, rodata, data, bss);
    }


    private static OutputSection place(String name, SectionKind kind, List<ObjectModule> modules, long cursor) {
        List<PlacedSection> inputs = new ArrayList<>();
        int alignment = 1;
        long start = -1;
        for (ObjectModule module : modules) {
            for (Section section : module.sections()) {
                if (section.kind() != kind) {
                    continue;
                }
                cursor = alignUp(cursor, section.alignment());
                if (start < 0) {
                    start = cursor;
                }
                inputs.add(new PlacedSection(module, section, cursor));
                cursor += section.size();
                alignment = Math.max(alignment, section.alignment());
            }
        }
        return new OutputSection(name, kind, start < 0 ? cursor : start, cursor, alignment, List.copyOf(inputs));
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
