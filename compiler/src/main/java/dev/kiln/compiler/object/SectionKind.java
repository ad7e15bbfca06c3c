package dev.kiln.compiler.object;

/** What the linker does with a section: where it goes and with which page permissions. */
public enum SectionKind {
    /** Machine code: read and execute. */
    TEXT,
    /** Constants, tables, image-heap objects that are never written: read only. */
    RODATA,
    /** Initialized, writable data (static fields, image-heap objects that may be written). */
    DATA,
    /** Zero-initialized, writable; occupies no bytes in the file. */
    BSS,
    /**
     * An ELF note (System V gABI "Note Section": namesz, descsz, type, name, descriptor, each 4-aligned) for the
     * loaders that read the file: written to the file under a PT_NOTE program header, never loaded, so it has no
     * address and defines no symbols; its relocations must be absolute (e.g. the PVH entry note's address).
     */
    NOTE
}
