package dev.kiln.linker;

import java.util.Objects;

/**
 * How to link a kernel.
 *
 * @param baseAddress  physical (= virtual, the kernel is identity mapped) address of the first byte of the image:
 *                     the first TEXT section; a multiple of 4096 below 4 GiB
 * @param entrySymbol  the symbol where a loader starts the kernel in 32-bit protected mode (ELF {@code e_entry})
 */
public record LinkOptions(long baseAddress, String entrySymbol) {
    /** Where the image starts by default: 1 MiB, the first address above the BIOS/VGA hole (see package docs). */
    public static final long DEFAULT_BASE_ADDRESS = 0x100000;
    /** The 32-bit entry point of Kiln's boot stub (dev.kiln.boot.BootStub.ENTRY32), the usual entry symbol. */
    public static final String DEFAULT_ENTRY_SYMBOL = "kiln_entry32";

    public LinkOptions {
        Objects.requireNonNull(entrySymbol, "entrySymbol");
        if (entrySymbol.isEmpty()) {
            throw new IllegalArgumentException("entry symbol name is empty");
        }
        if (baseAddress < 0 || baseAddress % Layout.PAGE_SIZE != 0 || baseAddress >= Layout.FOUR_GIB) {
            throw new IllegalArgumentException("base address 0x" + Long.toHexString(baseAddress)
                    + " must be a multiple of 4096 below 4 GiB (loaders start the kernel in 32-bit mode)");
        }
    }

    /** Base 0x100000 (1 MiB), entry {@code kiln_entry32}. */
    public static LinkOptions defaults() {
        return new LinkOptions(DEFAULT_BASE_ADDRESS, DEFAULT_ENTRY_SYMBOL);
    }
}
