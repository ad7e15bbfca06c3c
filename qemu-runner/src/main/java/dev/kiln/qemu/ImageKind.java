package dev.kiln.qemu;

/** What kind of file a {@link RunSpec#image()} is, which decides how QEMU is told to boot it. */
public enum ImageKind {
    /** An El Torito bootable CD image: {@code -cdrom <image> -boot d}. */
    ISO,
    /** A raw disk image (MBR and/or GPT): {@code -drive format=raw,file=<image>}. */
    DISK,
    /** An ELF kernel with a PVH note, loaded directly by QEMU: {@code -kernel <image>}. */
    KERNEL_ELF
}
