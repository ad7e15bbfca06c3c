package dev.kiln.image.iso;

import java.time.Instant;

/** ECMA-119 §9.1: one entry of a directory, and the root directory record of the volume descriptor. */
final class DirectoryRecord {
    /** §9.1.6, bit 1: the entry is a directory. */
    private static final int FLAG_DIRECTORY = 0x02;

    private DirectoryRecord() {
    }

    static byte[] bytes(byte[] identifier, long sector, long dataLength, boolean directory, Instant timestamp) {
        // §9.1.12: a padding byte follows an identifier of even length, so records have even length.
        int length = 33 + identifier.length + (identifier.length % 2 == 0 ? 1 : 0);
        return new Bytes(length)
                .u8(length)                         // BP1 length of directory record
                .u8(0)                              // BP2 extended attribute record length
                .u32both(sector)                    // BP3-10 location of extent
                .u32both(dataLength)                // BP11-18 data length
                .recordingDateTime(timestamp)       // BP19-25 recording date and time
                .u8(directory ? FLAG_DIRECTORY : 0) // BP26 file flags
                .u8(0)                              // BP27 file unit size: not interleaved
                .u8(0)                              // BP28 interleave gap size
                .u16both(1)                         // BP29-32 volume sequence number
                .u8(identifier.length)              // BP33 length of file identifier
                .bytes(identifier)                  // BP34.. file identifier (+ padding, already zero)
                .array();
    }
}
