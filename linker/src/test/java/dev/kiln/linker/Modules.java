package dev.kiln.linker;

import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Relocation;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;

import java.util.List;

/** Small hand-made object modules for linker tests. */
final class Modules {
    private Modules() {
    }

    static Section section(String name, SectionKind kind, int size, int alignment, List<Symbol> symbols,
                           List<Relocation> relocations) {
        return new Section(name, kind, new byte[size], size, alignment, symbols, relocations);
    }

    /** A module with one 16-byte text section defining {@code kiln_entry32} at its start, so links succeed. */
    static ObjectModule entry() {
        return new ObjectModule("entry", List.of(section(".text.entry", SectionKind.TEXT, 16, 16,
                List.of(new Symbol("kiln_entry32", 0, 16)), List.of())));
    }

    static ObjectModule module(String name, Section... sections) {
        return new ObjectModule(name, List.of(sections));
    }
}
