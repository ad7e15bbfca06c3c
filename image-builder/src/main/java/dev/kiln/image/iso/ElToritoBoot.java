package dev.kiln.image.iso;

import java.util.Objects;
import java.util.Optional;

/**
 * How the image boots (El Torito 1.0). A PC BIOS reads the boot catalog named by the boot record volume
 * descriptor (§2.0), takes its default entry (§2.2) and loads the whole boot image in "no emulation" mode at
 * segment 0x07C0 (linear 0x7C00), then jumps to it with DL = the drive number. UEFI firmware instead looks for a
 * section with platform ID 0xEF (UEFI 2.10 §13.3.2.1) whose entry points at a FAT image, the EFI system
 * partition, and starts {@code EFI/BOOT/BOOTX64.EFI} from it (§3.5.1.1).
 *
 * @param catalogPath   where the boot catalog appears as a file, e.g. {@code /BOOT/BOOT.CAT}
 * @param bootImagePath the file the BIOS loads and runs, e.g. {@code /BOOT/LOADER.BIN}; its whole length
 *                      is loaded (at most 0xFFFF virtual 512-byte sectors, and it must fit below the EBDA)
 * @param efiImagePath  the FAT image for UEFI firmware, e.g. {@code /BOOT/EFI.IMG}, if the image boots under UEFI
 */
public record ElToritoBoot(String catalogPath, String bootImagePath, Optional<String> efiImagePath) {
    public ElToritoBoot {
        Objects.requireNonNull(catalogPath, "catalogPath");
        Objects.requireNonNull(bootImagePath, "bootImagePath");
        Objects.requireNonNull(efiImagePath, "efiImagePath");
    }

    /** BIOS only. */
    public ElToritoBoot(String catalogPath, String bootImagePath) {
        this(catalogPath, bootImagePath, Optional.empty());
    }
}
