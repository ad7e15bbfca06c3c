package dev.kiln.image.iso;

/**
 * The El Torito 1.0 boot catalog (§2.1 validation entry, §2.2 initial/default entry): 32-byte entries in one
 * sector. The default entry loads the BIOS boot image in no-emulation mode.
 */
final class ElToritoCatalog {
    private static final int HEADER_VALIDATION = 0x01;
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

    static byte[] bytes(long bootImageSector, long bootImageBytes) {
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
        return bytes;                                     // 0C-1F unused: zero
    }
}
