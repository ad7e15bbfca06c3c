package dev.kiln.image.iso;

import java.nio.charset.StandardCharsets;

/** The volume descriptor set (ECMA-119 §8): primary, El Torito boot record, terminator. One sector each. */
final class VolumeDescriptors {
    private static final byte[] STANDARD_IDENTIFIER = "CD001".getBytes(StandardCharsets.US_ASCII);
    private static final int TYPE_BOOT_RECORD = 0;
    private static final int TYPE_PRIMARY = 1;
    private static final int TYPE_TERMINATOR = 255;

    private VolumeDescriptors() {
    }

    /** §8.4, positions as byte positions (BP, 1-based) of the standard. */
    static byte[] primary(IsoImage image) {
        Bytes d = header(TYPE_PRIMARY);
        d.u8(0);                                          // BP8 unused
        d.text("", 32);                                   // BP9-40 system identifier (a-characters)
        d.text(image.volumeId(), 32);                     // BP41-72 volume identifier (d-characters)
        d.at(80).u32both(image.totalSectors());           // BP81-88 volume space size (BP73-80 zero)
        d.at(120).u16both(1);                             // BP121-124 volume set size (BP89-120 zero)
        d.u16both(1);                                     // BP125-128 volume sequence number
        d.u16both(IsoImage.SECTOR);                       // BP129-132 logical block size
        d.u32both(image.pathTableSize());                 // BP133-140 path table size
        d.u32le(image.lPathTableSector());                // BP141-144 type L path table
        d.u32le(0);                                       // BP145-148 optional type L path table: none
        d.u32be(image.mPathTableSector());                // BP149-152 type M path table
        d.u32be(0);                                       // BP153-156 optional type M path table: none
        d.bytes(image.rootDirectoryRecord());             // BP157-190 root directory record (34 bytes)
        d.text("", 128);                                  // BP191-318 volume set identifier
        d.text("", 128);                                  // BP319-446 publisher identifier
        d.text("", 128);                                  // BP447-574 data preparer identifier
        d.text("KILN", 128);                              // BP575-702 application identifier
        d.text("", 37);                                   // BP703-739 copyright file identifier
        d.text("", 37);                                   // BP740-776 abstract file identifier
        d.text("", 37);                                   // BP777-813 bibliographic file identifier
        d.decimalDateTime(image.timestamp());             // BP814-830 volume creation date and time
        d.decimalDateTime(image.timestamp());             // BP831-847 volume modification date and time
        d.unspecifiedDateTime();                          // BP848-864 volume expiration: never
        d.decimalDateTime(image.timestamp());             // BP865-881 volume effective date and time
        d.u8(1);                                          // BP882 file structure version
        return d.array();                                 // BP883-2048 reserved and application use: zero
    }

    /**
     * El Torito 1.0 §2.0, "Boot Record Volume Descriptor", which must be in sector 17: it names the boot system
     * and points at the boot catalog.
     */
    static byte[] elToritoBootRecord(long catalogSector) {
        Bytes d = header(TYPE_BOOT_RECORD);
        byte[] system = "EL TORITO SPECIFICATION".getBytes(StandardCharsets.US_ASCII);
        d.bytes(system);                                  // offset 7-26h boot system identifier, zero padded
        d.at(0x47).u32le(catalogSector);                  // offset 47h absolute pointer to the boot catalog
        return d.array();                                 // 27h-46h boot identifier and the rest: zero
    }

    /** §8.3: volume descriptor set terminator. */
    static byte[] terminator() {
        return header(TYPE_TERMINATOR).array();
    }

    /** §8.1: type (BP1), standard identifier "CD001" (BP2-6), version 1 (BP7). */
    private static Bytes header(int type) {
        return new Bytes(IsoImage.SECTOR).u8(type).bytes(STANDARD_IDENTIFIER).u8(1);
    }
}
