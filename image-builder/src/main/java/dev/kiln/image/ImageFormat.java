package dev.kiln.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file Kiln writes for a kernel. {@link #ISO} and {@link #DISK} boot under a PC BIOS and under UEFI
 * through Kiln's own boot loaders; {@link #TAR_GZ} is {@link #DISK} packed for cloud image imports; {@link #ELF}
 * is the kernel itself, for loaders that read ELF (QEMU {@code -kernel}, GRUB). The layouts are drawn in
 * {@code docs/boot.md}.
 */
public enum ImageFormat {
    /**
     * A hybrid ISO 9660 image: burnt to a CD it boots through El Torito (a BIOS entry for the BIOS loader, an EFI
     * entry for the FAT image of the EFI system partition); written to a USB stick or disk ({@code dd}) it boots
     * through the protective MBR's boot code (BIOS) or the GPT's EFI system partition (UEFI).
     */
    ISO("iso", ".iso"),
    /**
     * A raw disk image without ISO 9660 structures: a protective MBR with BIOS boot code, a GPT, and from 1 MiB the
     * EFI system partition holding both loaders and the kernel. For a USB stick, a hard disk or a virtual
     * machine's disk; the volume identifier of the {@link ImageSpec} is not used.
     */
    DISK("disk", ".img"),
    /**
     * {@link #DISK} as {@code disk.raw} in a gzip-compressed tar file, the layout cloud image imports expect
     * (Google Compute Engine's {@code gcloud compute images create --source-uri}, for one).
     */
    TAR_GZ("tar.gz", ".tar.gz"),
    /** The linked ELF64 kernel with its Multiboot2 header and PVH note: for QEMU {@code -kernel} and GRUB. */
    ELF("elf", ".elf");

    private final String id;
    private final String extension;

    ImageFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name in configuration: {@code iso}, {@code disk}, {@code tar.gz}, {@code elf}. */
    public String id() {
        return id;
    }

    /** The file name extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The format whose {@link #id()} is {@code id}, in any case. */
    public static Optional<ImageFormat> byId(String id) {
        return Arrays.stream(values()).filter(format -> format.id.equals(id.strip().toLowerCase(Locale.ROOT))).findFirst();
    }
}
