package dev.kiln.image;

/** The kinds of bootable image Kiln writes. */
public enum ImageFormat {
    /**
     * An ISO 9660 CD image that boots under a PC BIOS through El Torito "no emulation" and Kiln's own boot loader.
     * Raw disk images (MBR + GPT) and UEFI boot (an El Torito 0xEF entry with a FAT ESP) come later as
     * further formats and boot paths; see {@code docs/boot.md}.
     */
    ISO
}
