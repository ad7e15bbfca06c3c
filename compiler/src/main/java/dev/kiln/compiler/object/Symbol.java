package dev.kiln.compiler.object;

import java.util.Objects;

/**
 * A name for an address inside a section. Every symbol is global in the link: the compiler mangles names
 * so that they are unique (see {@code dev.kiln.compiler} package documentation for the scheme).
 *
 * @param size bytes covered by the symbol (code of a method, an object, a table); 0 when unknown. Used for the link map.
 */
public record Symbol(String name, int offset, int size) {
    public Symbol {
        Objects.requireNonNull(name, "name");
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("symbol " + name + ": negative offset or size");
        }
    }
}
