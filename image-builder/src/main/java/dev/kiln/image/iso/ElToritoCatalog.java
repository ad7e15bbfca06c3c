package dev.kiln.image.iso;

import java.util.Optional;

/**
 * The El Torito 1.0 boot catalog (§2.1 validation entry, §2.2 initial/default entry, §2.3 section header, §2.4
 * section entry): 32-byte entries in one sector. The default entry loads the BIOS boot image in no-emulation
 * mode; for UEFI a final section header with platform ID 0xEF (UEFI 2.10 §13.3.2.1) and one section entry point
 * at the FAT image of the EFI system partition:
 * <pre>
 *   0x00  validation entry     header 01, platform 00 (80x86), ID "KILN", checksum, 55 AA
 *   0x20  default entry        bootable 88, no emulation, sector count, RBA of the BIOS loader
 *   0x40  section header       91 (final section), platform EF (EFI), 1 entry
 *   0x60  section entry        bootable 88, no emulation, sector count, RBA of the FAT image
 * </pre>
 */
final class ElToritoCatalog {
    private static final int HEADER_VALIDATION = 0x01;
    private static final int HEADER_FINAL_SECTION = 0x91;
    private static final int PLATFORM_EFI = 0xEF;
    private static final int PLATFORM_X86 = 0x00;
    private static final int BOOTABLE = 0x88;
    private static final int MEDIA_NO_EMULATION = 0x00;
    /** Virtual sector size of the "sector count" field (§2.2, offset 06h). */
    private static final int VIRTUAL_SECTOR = 512;

    private ElToritoCatalog() {
    }

    static long virtualSectors(long bootImageBytes) {
        return (bootImageBytes + VIRTUAL_SECTOR - 1) / VIRTUAL_SECTOR;
    }

    /** Where a boot image is: its first CD sector and its length in bytes. */
    record Extent(long sector, long bytes) {
    }

    /**
     * @param efiImage the FAT image, if the image boots under UEFI too
     */
    static byte[] bytes(long bootImageSector, long bootImageBytes, Optional<Extent> efiImage) {
        Bytes catalog = new Bytes(IsoImage.SECTOR);
        // §2.1 validation entry
        catalog.u8(HEADER_VALIDATION);                    // 00 header ID
        catalog.u8(PLATFORM_X86);                         // 01 platform ID: 80x86
        catalog.u16le(0);                                 // 02-03 reserved
        catalog.text("KILN", 24);                         // 04-1B ID string (manufacturer)
        catalog.at(0x1E).u8(0x55).u8(0xAA);               // 1E-1F key bytes
        // 1C-1D checksum: the sixteen 16-bit little-endian words of the entry must sum to zero.
        byte[] bytes = catalog.array();
        int sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += (bytes[i] & 0xFF) | (bytes[i + 1] & 0xFF) << 8;
        }
        catalog.at(0x1C).u16le(-sum);
        // §2.2 initial/default entry, at offset 20h
        catalog.at(0x20);
        catalog.u8(BOOTABLE);                             // 00 boot indicator
        catalog.u8(MEDIA_NO_EMULATION);                   // 01 boot media type
        catalog.u16le(0);                                 // 02-03 load segment: 0 means the traditional 07C0h
        catalog.u8(0);                                    // 04 system type: partition type, unused without emulation
        catalog.u8(0);                                    // 05 unused
        catalog.u16le((int) virtualSectors(bootImageBytes)); // 06-07 sector count: the whole loader, 512-byte units
        catalog.u32le(bootImageSector);                   // 08-0B load RBA: the image's first CD sector
                                                          // 0C-1F unused: zero
        efiImage.ifPresent(image -> {
            // §2.3 section header entry, at offset 40h
            catalog.at(0x40);
            catalog.u8(HEADER_FINAL_SECTION);             // 00 header indicator: no more sections follow
            catalog.u8(PLATFORM_EFI);                     // 01 platform ID: EFI
            catalog.u16le(1);                             // 02-03 number of section entries
            catalog.text("KILN UEFI", 28);                // 04-1F ID string
            // §2.4 section entry, at offset 60h
            catalog.at(0x60);
            catalog.u8(BOOTABLE);                         // 00 boot indicator
            catalog.u8(MEDIA_NO_EMULATION);               // 01 boot media type
            catalog.u16le(0);                             // 02-03 load segment: unused by UEFI
            catalog.u8(0);                                // 04 system type
            catalog.u8(0);                                // 05 unused
            // 06-07 sector count in 512-byte units. A FAT image beyond the field's 32 MiB gets 0, which UEFI
            // firmware (EDK2's ElTorito.c) reads as "to the end of the medium", as xorriso's images rely on too.
            long sectors = virtualSectors(image.bytes());
            catalog.u16le(sectors > 0xFFFF ? 0 : (int) sectors);
            catalog.u32le(image.sector());                     // 08-0B load RBA: the FAT image's first CD sector
            catalog.u8(0);                                // 0C selection criteria type: none
        });
        return bytes;
    }
}
