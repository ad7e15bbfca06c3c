package dev.kiln.compiler.object;

import java.util.Objects;

/** A field at {@code offset} in its section that the linker fills with the address of {@code symbol}. */
public record Relocation(int offset, RelocationKind kind, String symbol, long addend) {
    public Relocation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        if (offset < 0) {
            throw new IllegalArgumentException("negative relocation offset " + offset);
        }
    }
}
