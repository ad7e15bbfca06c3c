package dev.kiln.image.iso;

import java.util.Objects;

/**
 * How the image boots under a PC BIOS (El Torito 1.0): the firmware reads the boot catalog named by the boot
 * record volume descriptor (§2.0), takes its default entry (§2.2) and loads the whole boot image in
 * "no emulation" mode at segment 0x07C0 (linear 0x7C00), then jumps to it with DL = the drive number.
 * <p>
 * Only the x86 BIOS default entry exists today. UEFI will add a section (§2.3/§2.4) with platform ID 0xEF whose
 * entry points at a FAT image holding {@code EFI/BOOT/BOOTX64.EFI}; see {@code docs/boot.md}.
 *
 * @param catalogPath   where the boot catalog appears as a file, e.g. {@code /BOOT/BOOT.CAT}
 * @param bootImagePath the file the firmware loads and runs, e.g. {@code /BOOT/LOADER.BIN}; its whole length
 *                      is loaded (at most 0xFFFF virtual 512-byte sectors, and it must fit below the EBDA)
 */
public record ElToritoBoot(String catalogPath, String bootImagePath) {
    public ElToritoBoot {
        Objects.requireNonNull(catalogPath, "catalogPath");
        Objects.requireNonNull(bootImagePath, "bootImagePath");
    }
}
