package dev.kiln.it.compat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.utils.IOUtils;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * Commons Compress in memory: a tar archive with files, a directory and a name longer than tar's 100 bytes (a PAX
 * header), read back entry by entry, then the archive through bzip2 and through gzip (with a file name, a comment
 * and a time in the header) and back, and a zip archive (deflated and stored entries) written and read back. Sizes
 * printed are of uncompressed data and of bzip2 (Commons Compress's own code), never of gzip or zip output: that
 * is the JDK's zlib on HotSpot and Kiln's own Deflater on Kiln, valid streams but not the same bytes. Then the
 * archive through xz (Commons Compress on XZ for Java, pure Java too, so its size is printed) with a SHA-256 check.
 */
public class CommonsCompressMain {
    public static void main(String[] args) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.append("line ").append(i).append(" of a compressible text\n");
        }
        byte[] data = text.toString().getBytes(StandardCharsets.UTF_8);
        String longName = "deep/" + "directory/".repeat(12) + "file.txt";

        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry dir = new TarArchiveEntry("dir/");
            dir.setModTime(1_600_000_000_000L);
            out.putArchiveEntry(dir);
            out.closeArchiveEntry();
            for (String name : new String[] {"a.txt", "dir/b.txt", longName}) {
                TarArchiveEntry e = new TarArchiveEntry(name);
                e.setSize(data.length);
                e.setModTime(1_700_000_000_000L);
                e.setMode(0644);
                e.setUserName("kiln");
                out.putArchiveEntry(e);
                out.write(data);
                out.closeArchiveEntry();
            }
        }
        System.out.println("tar: " + tar.size() + " bytes");
        int entries = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries++;
                byte[] content = IOUtils.toByteArray(in);
                System.out.println("entry " + e.getName() + " directory " + e.isDirectory() + " size " + e.getSize()
                        + " mode " + Integer.toOctalString(e.getMode()) + " user " + e.getUserName() + " time "
                        + e.getModTime().getTime() + " content " + (content.length == 0 || Arrays.equals(content, data)));
            }
        }

        System.out.println("entries: " + entries + ", records of " + TarArchiveEntry.class.getSimpleName()
                + ": " + (tar.size() / 512));
        System.out.println("is a tar: " + TarArchiveInputStream.matches(tar.toByteArray(), 512));
        ByteArrayOutputStream bzip2 = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bzip2)) {
            out.write(tar.toByteArray());
        }
        byte[] back = IOUtils.toByteArray(new BZip2CompressorInputStream(new ByteArrayInputStream(bzip2.toByteArray())));
        System.out.println("bzip2: " + bzip2.size() + " bytes, back " + back.length + " identical "
                + Arrays.equals(back, tar.toByteArray()));
        byte[] header = Arrays.copyOf(bzip2.toByteArray(), 4);
        System.out.println("bzip2 header: " + new String(header, StandardCharsets.US_ASCII).substring(0, 3) + " block size "
                + (char) header[3]);
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(small, 1)) {
            out.write("hello, bzip2".getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("small: " + small.size() + " bytes -> " + new String(IOUtils.toByteArray(
                new BZip2CompressorInputStream(new ByteArrayInputStream(small.toByteArray()))), StandardCharsets.UTF_8));
        System.out.println("matches: " + BZip2CompressorInputStream.matches(small.toByteArray(), 3));
        gzip(tar.toByteArray());
        zip(data);
        xz(tar.toByteArray());
    }

    private static void xz(byte[] tar) throws IOException {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZCompressorOutputStream out = new XZCompressorOutputStream(xz, 3)) {
            out.write(tar);
        }
        byte[] back = IOUtils.toByteArray(new XZCompressorInputStream(new ByteArrayInputStream(xz.toByteArray())));
        System.out.println("xz: " + xz.size() + " bytes, back " + back.length + " identical " + Arrays.equals(back, tar)
                + ", matches: " + XZCompressorInputStream.matches(xz.toByteArray(), 6));
        ByteArrayOutputStream checked = new ByteArrayOutputStream();
        try (OutputStream out = new XZOutputStream(checked, new LZMA2Options(1), XZ.CHECK_SHA256)) {
            out.write(tar, 0, 4096);
        }
        System.out.println("xz with SHA-256: " + checked.size() + " bytes, back " + IOUtils.toByteArray(
                new XZCompressorInputStream(new ByteArrayInputStream(checked.toByteArray()))).length);
    }

    private static void gzip(byte[] tar) throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setFileName("archive.tar");
        parameters.setComment("made by Kiln's compatibility suite");
        parameters.setModificationTime(1_700_000_000_000L);
        parameters.setCompressionLevel(9);
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(gzip, parameters)) {
            out.write(tar, 0, 1000);
            out.write(tar, 1000, tar.length - 1000);
        }
        System.out.println("gzip smaller than tar: " + (gzip.size() < tar.length) + ", matches: "
                + GzipCompressorInputStream.matches(gzip.toByteArray(), 2));
        try (GzipCompressorInputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(gzip.toByteArray()))) {
            byte[] back = IOUtils.toByteArray(in);
            GzipParameters read = in.getMetaData();
            System.out.println("gzip: back " + back.length + " identical " + Arrays.equals(back, tar) + " name "
                    + read.getFileName() + " comment " + read.getComment() + " time " + read.getModificationTime());
        }
        ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
        for (String part : new String[] {"first member, ", "second member"}) {
            try (GzipCompressorOutputStream out = new GzipCompressorOutputStream(twoMembers)) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
            }
        }
        System.out.println("gzip members: " + new String(IOUtils.toByteArray(new GzipCompressorInputStream(
                new ByteArrayInputStream(twoMembers.toByteArray()), true)), StandardCharsets.UTF_8));
    }

    private static void zip(byte[] data) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            out.setComment("kiln");
            ZipArchiveEntry text = new ZipArchiveEntry("text/lines.txt");
            text.setTime(1_700_000_000_000L);
            out.putArchiveEntry(text);
            out.write(data);
            out.closeArchiveEntry();
            ZipArchiveEntry stored = new ZipArchiveEntry("stored.txt");
            stored.setMethod(ZipArchiveEntry.STORED);
            byte[] small = "stored, not deflated".getBytes(StandardCharsets.UTF_8);
            stored.setSize(small.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(small);
            stored.setCrc(crc.getValue());
            out.putArchiveEntry(stored);
            out.write(small);
            out.closeArchiveEntry();
            out.putArchiveEntry(new ZipArchiveEntry("empty/"));
            out.closeArchiveEntry();
        }
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            ZipArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] content = IOUtils.toByteArray(in);
                System.out.println("zip entry " + e.getName() + " method " + e.getMethod() + " directory " + e.isDirectory()
                        + " read " + content.length + " crc " + Long.toHexString(e.getCrc()) + " content "
                        + (content.length < 100 ? new String(content, StandardCharsets.UTF_8) : Arrays.equals(content, data)));
            }
        }
    }
}
