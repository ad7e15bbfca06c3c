package dev.kiln.image;

/** The kinds of bootable image Kiln writes. Both boot under a PC BIOS through Kiln's own boot loader. */
public enum ImageFormat {
    /**
     * A hybrid ISO 9660 image: burnt to a CD it boots through El Torito "no emulation"; written to a USB stick or
     * hard disk ({@code dd}) it boots through the master boot record in its system area, whose partition covers
     * the whole image (the isohybrid layout). UEFI boot (an El Torito 0xEF entry with a FAT ESP, and a GPT) comes
     * later; see {@code docs/boot.md}.
     */
    ISO,
    /**
     * A raw disk image without ISO 9660 structures: the master boot record, a gap to 1 MiB, and one partition
     * holding the boot loader and the kernel. For a USB stick, a hard disk or a virtual machine's disk; the
     * volume identifier of the {@link ImageSpec} is not used.
     */
    DISK
}
