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
    BSS
}
