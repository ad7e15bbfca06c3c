package dev.kiln.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A tar archive of one <i>sparse</i> file in the old GNU format (GNU tar's {@code --format=oldgnu -S}, typeflag
 * {@code 'S'}): the header lists the file's data regions, and only their bytes are stored; the rest of the file,
 * the holes, is zeros. Google Compute Engine's image import asks for {@code disk.raw} in such an archive
 * ({@code tar --format=oldgnu -Sczf}) and for a disk of a whole number of GiB, which a Kiln disk of a few MiB
 * becomes only as a sparse file: stored as plain tar, the padding would cost a gigabyte of zeros to read and
 * seconds to compress.
 *
 * <pre>
 * header block (512 bytes; numbers are octal ASCII, NUL-terminated; GNU tar manual, "Standard", oldgnu_header)
 *   0 name[100]   100 mode[8]   108 uid[8]   116 gid[8]   124 size[12] = bytes stored   136 mtime[12]
 *   148 chksum[8] = sum of the header's bytes with this field as spaces: 6 octal digits, NUL, space
 *   156 typeflag = 'S'   157 linkname[100]   257 magic "ustar " + version " \0" (old GNU)
 *   265 uname[32]   297 gname[32]   329 devmajor[8]   337 devminor[8]
 *   345 atime[12]   357 ctime[12]   369 offset[12]   381 longnames[4]   385 unused
 *   386 sparse[4]: offset[12], numbytes[12]: the data regions, in order   482 isextended = 0
 *   483 realsize[12] = the file's size with its holes
 * then the regions' bytes one after the other, padded to 512; then two zero blocks end the archive
 * </pre>
 * <i>Rejected</i>: Commons Compress's {@code TarArchiveOutputStream}, which writes no sparse entries (it reads them,
 * which is how kiln:boot-test unpacks the disk); PAX sparse headers ({@code GNU.sparse.*} 1.0): the import's
 * documentation asks for the old GNU format; more than four regions (extension blocks): a Kiln disk has two.
 */
final class SparseTar {
    static final int BLOCK = 512;
    private static final int MAX_REGIONS = 4;

    /** A data region of the file: {@code bytes} at {@code offset}. */
    record Region(long offset, byte[] bytes) {
    }

    private SparseTar() {
    }

    /**
     * Writes the archive: {@code name} of {@code size} bytes, zeros except {@code regions} (at most four, in
     * ascending order, not overlapping, the last ending at {@code size}, as GNU tar expects of a file that does not
     * end in a hole), owned by root, mode 0644, modified at {@code modified}.
     */
    static void write(OutputStream out, String name, long size, List<Region> regions, Instant modified) throws IOException {
        if (regions.isEmpty() || regions.size() > MAX_REGIONS) {
            throw new IllegalArgumentException(regions.size() + " regions; an old GNU sparse header holds 1 to " + MAX_REGIONS);
        }
        byte[] header = new byte[BLOCK];
        long stored = 0;
        long end = 0;
        for (int i = 0; i < regions.size(); i++) {
            Region region = regions.get(i);
            if (region.offset() < end) {
                throw new IllegalArgumentException("region " + i + " at " + region.offset() + " overlaps or precedes the one before");
            }
            end = region.offset() + region.bytes().length;
            octal(header, 386 + 24 * i, 12, region.offset());
            octal(header, 386 + 24 * i + 12, 12, region.bytes().length);
            stored += region.bytes().length;
        }
        if (end != size) {
            throw new IllegalArgumentException("the last region ends at " + end + ", not at the file's end " + size);
        }
        ascii(header, 0, name);
        octal(header, 100, 8, 0644);
        octal(header, 108, 8, 0);
        octal(header, 116, 8, 0);
        octal(header, 124, 12, stored);
        octal(header, 136, 12, modified.getEpochSecond());
        header[156] = 'S';
        ascii(header, 257, "ustar  ");
        ascii(header, 265, "root");
        ascii(header, 297, "root");
        octal(header, 483, 12, size);
        checksum(header);
        out.write(header);
        for (Region region : regions) {
            out.write(region.bytes());
        }
        out.write(new byte[(int) ((BLOCK - stored % BLOCK) % BLOCK) + 2 * BLOCK]);
    }

    /** Fills the checksum field (POSIX.1 ustar: the unsigned byte sum with the field counted as 8 spaces). */
    private static void checksum(byte[] header) {
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xFF;
        }
        octal(header, 148, 7, sum);
        header[155] = ' ';
    }

    /** {@code value} as {@code width - 1} octal digits and a NUL. */
    private static void octal(byte[] header, int at, int width, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > width - 1) {
            throw new IllegalArgumentException(value + " does not fit a " + width + "-byte tar field");
        }
        ascii(header, at, "0".repeat(width - 1 - digits.length()) + digits);
    }

    private static void ascii(byte[] header, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, at, bytes.length);
    }
}
