package dev.kiln.compiler.object;

import java.util.List;
import java.util.Objects;

/**
 * A contiguous piece of an object module. Sections of the same {@link SectionKind} from all modules are
 * concatenated by the linker (each at its own alignment) in module order.
 *
 * @param name        a name for the link map, e.g. {@code .text.kernel}
 * @param content     the bytes; for {@link SectionKind#BSS} an empty array, and {@code size} gives the length
 * @param size        length in bytes (equals {@code content.length} except for BSS)
 * @param alignment   required alignment of the section's start, a power of two
 */
public record Section(String name, SectionKind kind, byte[] content, int size, int alignment,
                      List<Symbol> symbols, List<Relocation> relocations) {
    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(content, "content");
        symbols = List.copyOf(symbols);
        relocations = List.copyOf(relocations);
        if (Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("section " + name + ": alignment " + alignment + " is not a power of two");
        }
        if (kind == SectionKind.BSS ? content.length != 0 : content.length != size) {
            throw new IllegalArgumentException("section " + name + ": size " + size + " does not match content");
        }
        if (kind == SectionKind.BSS && !relocations.isEmpty()) {
            throw new IllegalArgumentException("section " + name + ": BSS cannot carry relocations");
        }
        if (kind == SectionKind.NOTE && (!symbols.isEmpty()
                || relocations.stream().anyMatch(relocation -> relocation.kind() == RelocationKind.PC32))) {
            throw new IllegalArgumentException("section " + name + ": a note is not loaded, so it has no address: it"
                    + " can define no symbols and carry only absolute relocations");
        }
    }

    /** A BSS section of {@code size} zero bytes. */
    public static Section bss(String name, int size, int alignment, List<Symbol> symbols) {
        return new Section(name, SectionKind.BSS, new byte[0], size, alignment, symbols, List.of());
    }
}
