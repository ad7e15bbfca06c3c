package dev.kiln.linker;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.Section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Links object modules into a bootable ELF64 kernel. See the package documentation for the layout. */
public final class Linker {
    /** More errors than this are counted, not listed: the first ones are what the user fixes first. */
    private static final int MAX_REPORTED_ERRORS = 20;
    /** Filler between code sections: int3, so that a jump into padding traps at once. */
    private static final byte TEXT_PADDING = (byte) 0xCC;

    private Linker() {
    }

    /**
     * Places the modules' sections, resolves their symbols, applies their relocations and writes the ELF file.
     * The result depends only on the arguments: the same input gives the same bytes.
     *
     * @throws LinkException listing every undefined or duplicate symbol and every relocation that does not fit
     */
    public static Kernel link(List<ObjectModule> modules, LinkOptions options) throws LinkException {
        Objects.requireNonNull(modules, "modules");
        Objects.requireNonNull(options, "options");
        Layout layout = new Layout(modules, options.baseAddress());
        List<String> errors = new ArrayList<>();
        SymbolTable symbols = new SymbolTable(layout, errors);

        byte[] text = new byte[Math.toIntExact(layout.text.end() - layout.baseAddress)];
        Arrays.fill(text, TEXT_PADDING);
        fill(layout.text, text, layout.baseAddress, symbols, errors);
        byte[] rodata = new byte[Math.toIntExact(layout.rodata.end() - layout.rodataSegmentStart())];
        fill(layout.rodata, rodata, layout.rodataSegmentStart(), symbols, errors);
        byte[] data = new byte[Math.toIntExact(layout.data.end() - layout.dataSegmentStart())];
        fill(layout.data, data, layout.dataSegmentStart(), symbols, errors);
        byte[] notes = new byte[Math.toIntExact(layout.notes.end())];
        fill(layout.notes, notes, 0, symbols, errors);

        Optional<SymbolTable.Definition> entry = symbols.lookup(options.entrySymbol());
        if (entry.isEmpty()) {
            errors.add("entry symbol '" + options.entrySymbol() + "' is not defined; link the module that "
                    + "defines it (for a Kiln kernel, the boot module's BootStub) or set LinkOptions.entrySymbol");
        } else if (entry.get().address() >= Layout.FOUR_GIB) {
            errors.add("entry symbol '" + options.entrySymbol() + "' is at 0x" + Long.toHexString(entry.get().address())
                    + ", above 4 GiB; loaders enter the kernel in 32-bit mode");
        }
        if (!errors.isEmpty()) {
            throw new LinkException(summarize(errors));
        }

        List<LoadSegment> segments = new ArrayList<>();
        segments.add(new LoadSegment(layout.baseAddress, text, text.length));
        if (rodata.length > 0) {
            segments.add(new LoadSegment(layout.rodataSegmentStart(), rodata, rodata.length));
        }
        long writableSize = layout.bssEnd() - layout.dataSegmentStart();
        if (writableSize > 0) {
            segments.add(new LoadSegment(layout.dataSegmentStart(), data, writableSize));
        }
        long entryAddress = entry.get().address();
        byte[] elf = new ElfWriter(layout, segments, notes, symbols, entryAddress).write();
        return new Kernel(elf, entryAddress, segments, symbols, layout.kernelEnd - layout.baseAddress,
                LinkMap.render(layout, symbols, options.entrySymbol(), entryAddress));
    }

    /** Copies each input section of {@code output} into {@code target} (which starts at {@code targetAddress})
     *  and patches its relocations. */
    private static void fill(Layout.OutputSection output, byte[] target, long targetAddress, SymbolTable symbols,
                             List<String> errors) {
        for (Layout.PlacedSection placed : output.inputs()) {
            Section section = placed.section();
            int base = Math.toIntExact(placed.address() - targetAddress);
            System.arraycopy(section.content(), 0, target, base, section.size());
            for (Relocation relocation : section.relocations()) {
                String where = section.name() + "+" + Relocations.hex(relocation.offset())
                        + " (module " + placed.module().name() + ")";
                if (relocation.offset() + relocation.kind().width() > section.size()) {
                    errors.add("relocation " + relocation.kind() + " at " + where + " extends past the end of the "
                            + section.size() + "-byte section; the object module is malformed");
                    continue;
                }
                Optional<SymbolTable.Definition> symbol = symbols.lookup(relocation.symbol());
                if (symbol.isEmpty()) {
                    errors.add(undefined(relocation, placed, symbols));
                    continue;
                }
                long value = Relocations.value(relocation.kind(), symbol.get().address(), relocation.addend(),
                        placed.address() + relocation.offset());
                if (!Relocations.fits(relocation.kind(), value)) {
                    errors.add("relocation overflow: " + relocation.kind() + " to '" + relocation.symbol() + "' at "
                            + where + " does not fit (value " + Relocations.hex(value) + ")");
                    continue;
                }
                Relocations.store(relocation.kind(), value, target, base + relocation.offset());
            }
        }
    }

    private static String undefined(Relocation relocation, Layout.PlacedSection placed, SymbolTable symbols) {
        String message = "undefined symbol '" + relocation.symbol() + "' referenced from section "
                + placed.section().name() + " at offset " + Relocations.hex(relocation.offset())
                + " (module " + placed.module().name() + ")";
        List<SymbolTable.Definition> similar = symbols.similarTo(relocation.symbol());
        if (similar.isEmpty()) {
            return message + "; no module defines it: add the module that does to the link";
        }
        return message + "; similar names: " + similar.stream()
                .map(d -> "'" + d.name() + "' (" + d.origin() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String summarize(List<String> errors) {
        String listed = String.join("\n", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
        return errors.size() <= MAX_REPORTED_ERRORS
                ? listed
                : listed + "\n... and " + (errors.size() - MAX_REPORTED_ERRORS) + " more errors";
    }
}
