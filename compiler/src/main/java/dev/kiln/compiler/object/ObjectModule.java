package dev.kiln.compiler.object;

import java.util.List;
import java.util.Objects;

/**
 * The compiler's output and the linker's input: named sections of bytes, the symbols they define and the
 * relocations that refer to symbols (defined here or in another module of the same link).
 */
public record ObjectModule(String name, List<Section> sections) {
    public ObjectModule {
        Objects.requireNonNull(name, "name");
        sections = List.copyOf(sections);
    }
}
