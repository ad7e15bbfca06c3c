package dev.kiln.image.iso;

import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.kiln.image.TestBytes.pattern;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsoImageTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-01-01T12:34:56Z");

    @TempDir
    Path directory;

    private static final byte[] LOADER = pattern(3000, 1);
    private static final byte[] KERNEL = pattern(100_000, 2);
    private static final byte[] README = "hello from a deep directory\n".getBytes();

    private static IsoImage sample() {
        return IsoImage.plan("KILN_TEST", TIMESTAMP, List.of(
                        new IsoFile("/KILN/KERNEL.BIN", KERNEL),
                        new IsoFile("/BOOT/LOADER.BIN", LOADER),
                        new IsoFile("/A/B/C/D/E/F/G/README", README),
                        new IsoFile("/A/EMPTY.TXT", new byte[0])),
                Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/LOADER.BIN")));
    }

    private Path write(IsoImage image, String name) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            image.writeTo(out);
        }
        assertEquals(image.size(), Files.size(file));
        return file;
    }

    @Test
    void fileRecognizesABootableIso9660Image() throws Exception {
        Path iso = write(sample(), "sample.iso");
        String description = ExternalTools.check("file", iso.toString());
        assertTrue(description.contains("ISO 9660 CD-ROM filesystem data 'KILN_TEST'"), description);
        assertTrue(description.contains("(bootable)"), description);
    }

    @Test
    void xorrisoReportsTheElToritoNoEmulationBiosEntry() throws Exception {
        IsoImage image = sample();
        Path iso = write(image, "sample.iso");
        String report = ExternalTools.check("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.contains("El Torito cat path : /BOOT/BOOT.CAT"), report);
        assertTrue(report.contains("El Torito img path :   1  /BOOT/LOADER.BIN"), report);
        // N, platform, bootable, emulation, load segment, header, load size in 512-byte units, LBA
        long lba = image.sectorOf("/BOOT/LOADER.BIN");
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+6\\s+" + lba + "\\b.*"),
                report);
    }

    @Test
    void xorrisoListsEveryFileWithItsContent() throws Exception {
        Path iso = write(sample(), "sample.iso");
        // lsdl: "-" marks a data file, "e" the El Torito boot catalog, "d" a directory
        String listing = ExternalTools.check("xorriso", "-indev", iso.toString(), "-find", "/", "-exec", "lsdl");
        List<String> files = listing.lines().filter(line -> line.matches("[-e]r.*"))
                .map(line -> line.substring(line.indexOf('\'')))
                .sorted().toList();
        assertEquals(List.of("'/A/B/C/D/E/F/G/README'", "'/A/EMPTY.TXT'", "'/BOOT/BOOT.CAT'", "'/BOOT/LOADER.BIN'",
                "'/KILN/KERNEL.BIN'"), files);
        assertTrue(listing.lines().anyMatch(line -> line.startsWith("e") && line.endsWith("'/BOOT/BOOT.CAT'")), listing);
        Path extracted = directory.resolve("extracted");
        ExternalTools.check("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", extracted.toString());
        assertArrayEquals(KERNEL, Files.readAllBytes(extracted.resolve("KILN/KERNEL.BIN")));
        assertArrayEquals(LOADER, Files.readAllBytes(extracted.resolve("BOOT/LOADER.BIN")));
        assertArrayEquals(README, Files.readAllBytes(extracted.resolve("A/B/C/D/E/F/G/README")));
        assertEquals(0, Files.size(extracted.resolve("A/EMPTY.TXT")));
    }

    @Test
    void bootCatalogHasAValidValidationEntryAndDefaultEntry() throws Exception {
        IsoImage image = sample();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        image.writeTo(out);
        byte[] bytes = out.toByteArray();
        int catalog = (int) image.sectorOf("/BOOT/BOOT.CAT") * IsoImage.SECTOR;
        // Boot record volume descriptor in sector 17 points at the catalog (El Torito 1.0 §2.0).
        int bootRecord = 17 * IsoImage.SECTOR;
        assertEquals("EL TORITO SPECIFICATION", new String(bytes, bootRecord + 7, 23));
        assertEquals(catalog / IsoImage.SECTOR, littleEndian32(bytes, bootRecord + 0x47));
        int sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += littleEndian16(bytes, catalog + i);
        }
        assertEquals(0, sum & 0xFFFF, "validation entry words sum to zero (El Torito 1.0 §2.1)");
        assertEquals(0x55, bytes[catalog + 0x1E] & 0xFF);
        assertEquals(0xAA, bytes[catalog + 0x1F] & 0xFF);
        assertEquals(0x88, bytes[catalog + 0x20] & 0xFF);
        assertEquals(6, littleEndian16(bytes, catalog + 0x26), "3000 bytes are 6 virtual sectors");
        assertEquals(image.sectorOf("/BOOT/LOADER.BIN"), littleEndian32(bytes, catalog + 0x28));
    }

    @Test
    void writingTwiceGivesIdenticalBytesWhateverTheInputOrder() throws Exception {
        IsoImage reversed = IsoImage.plan("KILN_TEST", TIMESTAMP, List.of(
                        new IsoFile("/A/EMPTY.TXT", new byte[0]),
                        new IsoFile("/A/B/C/D/E/F/G/README", README),
                        new IsoFile("/BOOT/LOADER.BIN", LOADER),
                        new IsoFile("/KILN/KERNEL.BIN", KERNEL)),
                Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/LOADER.BIN")));
        assertArrayEquals(Files.readAllBytes(write(sample(), "one.iso")), Files.readAllBytes(write(reversed, "two.iso")));
    }

    @Test
    void directoriesSpanSectorsWithoutSplittingRecords() throws Exception {
        List<IsoFile> many = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new IsoFile(String.format("/MANY/FILE%04d.DAT", i), pattern(10 + i, i)));
        }
        Path iso = write(IsoImage.plan("MANY", TIMESTAMP, many, Optional.empty()), "many.iso");
        String listing = ExternalTools.check("xorriso", "-indev", iso.toString(), "-find", "/MANY", "-type", "f");
        assertEquals(150, listing.lines().filter(line -> line.startsWith("'/MANY/FILE")).count(), listing);
        Path extracted = directory.resolve("many");
        ExternalTools.check("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/MANY", extracted.toString());
        for (int i = 0; i < 150; i++) {
            assertArrayEquals(pattern(10 + i, i), Files.readAllBytes(extracted.resolve(String.format("FILE%04d.DAT", i))));
        }
    }

    /** The system area is the caller's (an MBR goes there); everything after it is the same image. */
    @Test
    void systemAreaHoldsTheGivenBytesAndNothingElseChanges() throws Exception {
        IsoImage image = sample();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        image.writeTo(plain);
        ByteArrayOutputStream withSystemArea = new ByteArrayOutputStream();
        image.writeTo(withSystemArea, new byte[] {1, 2, 3});
        byte[] expected = plain.toByteArray();
        expected[0] = 1;
        expected[1] = 2;
        expected[2] = 3;
        assertArrayEquals(expected, withSystemArea.toByteArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> image.writeTo(OutputStream.nullOutputStream(), new byte[IsoImage.SYSTEM_AREA_BYTES + 1]));
        assertTrue(e.getMessage().contains("sectors 0-15"), e.getMessage());
    }

    @Test
    void rejectsNamesThatAreNotLevelOneIdentifiers() {
        for (String path : List.of("/boot/LOADER.BIN", "/BOOT/LOADER.BINARY", "/BOOT/VERYLONGNAME.BIN", "/BOOT/A.B.C",
                "BOOT/X.BIN", "/TOOLONGDIR/X.BIN", "/BOOT/X-Y.BIN", "/A/B/C/D/E/F/G/H/X.BIN")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> IsoImage.plan("KILN", TIMESTAMP, List.of(new IsoFile(path, new byte[1])), Optional.empty()), path);
            assertTrue(e.getMessage().contains(path.substring(path.lastIndexOf('/') + 1)) || e.getMessage().contains(path),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> IsoImage.plan("kiln", TIMESTAMP, List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> IsoImage.plan("KILN", TIMESTAMP,
                List.of(new IsoFile("/A.BIN", new byte[1]), new IsoFile("/A.BIN", new byte[2])), Optional.empty()));
        IllegalArgumentException missingBootImage = assertThrows(IllegalArgumentException.class, () -> IsoImage.plan("KILN",
                TIMESTAMP, List.of(), Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/LOADER.BIN"))));
        assertTrue(missingBootImage.getMessage().contains("/BOOT/LOADER.BIN"), missingBootImage.getMessage());
    }

    @Test
    void rejectsABootImageTooLargeForTheCatalogSectorCount() {
        byte[] huge = new byte[0x10000 * 512];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IsoImage.plan("KILN", TIMESTAMP,
                List.of(new IsoFile("/BOOT/HUGE.BIN", huge)), Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/HUGE.BIN"))));
        assertTrue(e.getMessage().contains("sector count"), e.getMessage());
    }

    /**
     * ECMA-119 §6.9, §9.4: the L (little-endian) and M (big-endian) path tables list the same directories in
     * level/parent/name order, and each entry's extent is a directory whose "." record points back at itself.
     */
    @Test
    void pathTablesAgreeWithTheDirectoryHierarchy() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sample().writeTo(out);
        byte[] bytes = out.toByteArray();
        int pvd = 16 * IsoImage.SECTOR;
        int size = (int) littleEndian32(bytes, pvd + 132);
        int lTable = (int) littleEndian32(bytes, pvd + 140) * IsoImage.SECTOR;
        int mTable = bigEndian32(bytes, pvd + 148) * IsoImage.SECTOR;
        List<String> names = new java.util.ArrayList<>();
        List<Integer> parents = new java.util.ArrayList<>();
        for (int position = 0; position < size; ) {
            int length = bytes[lTable + position] & 0xFF;
            int extent = (int) littleEndian32(bytes, lTable + position + 2);
            int parent = littleEndian16(bytes, lTable + position + 6);
            assertEquals(extent, bigEndian32(bytes, mTable + position + 2), "M table extent");
            assertEquals(parent, ((bytes[mTable + position + 6] & 0xFF) << 8) | (bytes[mTable + position + 7] & 0xFF));
            String name = new String(bytes, lTable + position + 8, length, java.nio.charset.StandardCharsets.US_ASCII);
            names.add(name.equals("\0") ? "/" : name);
            parents.add(parent);
            int dot = extent * IsoImage.SECTOR;
            assertEquals(extent, littleEndian32(bytes, dot + 2), "the '.' record of " + name + " points at its own extent");
            assertEquals(0, bytes[dot + 33], "the first record is '.'");
            position += 8 + length + (length % 2);
        }
        assertEquals(List.of("/", "A", "BOOT", "KILN", "B", "C", "D", "E", "F", "G"), names);
        assertEquals(List.of(1, 1, 1, 1, 2, 5, 6, 7, 8, 9), parents);
    }

    private static int bigEndian32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }

    private static int littleEndian16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static long littleEndian32(byte[] bytes, int offset) {
        return littleEndian16(bytes, offset) | (long) littleEndian16(bytes, offset + 2) << 16;
    }
}
