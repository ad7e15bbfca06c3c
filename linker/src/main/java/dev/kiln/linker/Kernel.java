package dev.kiln.linker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A linked kernel: the ELF64 file, and what a boot loader needs to place and start it without parsing ELF. */
public final class Kernel {
    private final byte[] elf;
    private final long entryAddress;
    private final List<LoadSegment> segments;
    private final Map<String, Long> symbolAddresses = new HashMap<>();
    private final long imageSize;
    private final String map;

    Kernel(byte[] elf, long entryAddress, List<LoadSegment> segments, SymbolTable symbols, long imageSize, String map) {
        this.elf = elf;
        this.entryAddress = entryAddress;
        this.segments = List.copyOf(segments);
        for (SymbolTable.Definition symbol : symbols.sortedByAddress()) {
            symbolAddresses.put(symbol.name(), symbol.address());
        }
        this.imageSize = imageSize;
        this.map = map;
    }

    /** The ELF64 executable (a copy). */
    public byte[] elf() {
        return elf.clone();
    }

    /** Where a loader starts the kernel, in 32-bit protected mode with paging off ({@code e_entry}). */
    public long entryAddress() {
        return entryAddress;
    }

    /** What a loader must place in memory, in ascending address order. */
    public List<LoadSegment> segments() {
        return segments;
    }

    /** The address of a module-defined or linker-defined symbol. */
    public OptionalLong symbolAddress(String name) {
        Long address = symbolAddresses.get(name);
        return address == null ? OptionalLong.empty() : OptionalLong.of(address);
    }

    /** Bytes from the first segment's start to {@code __kernel_end}, BSS included: the memory the kernel occupies. */
    public long imageSize() {
        return imageSize;
    }

    public void writeElf(Path file) throws IOException {
        Files.write(file, elf);
    }

    /** Writes the ELF file to {@code out}, e.g. a temporary file that replaces the target once complete. */
    public void writeElf(OutputStream out) throws IOException {
        out.write(elf);
    }

    /** Writes the link map: a line "address size name" per symbol, sorted by address, with section lines. */
    public void writeMap(Path file) throws IOException {
        Files.writeString(file, map, StandardCharsets.UTF_8);
    }
}
