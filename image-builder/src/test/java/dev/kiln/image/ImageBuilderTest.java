package dev.kiln.image;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.linker.Kernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole images: structure checked by xorriso and file(1), boot checked by QEMU + SeaBIOS. */
class ImageBuilderTest {
    private static final Instant TIMESTAMP = Instant.parse("2026-01-01T00:00:00Z");
    private static Kernel small;

    @TempDir
    Path directory;

    @BeforeAll
    static void linkSmallKernel() throws Exception {
        small = TestKernels.withPayload(4096);
    }

    private Path build(Kernel kernel, String name) throws Exception {
        return build(kernel, name, ImageFormat.ISO);
    }

    private Path build(Kernel kernel, String name, ImageFormat format) throws Exception {
        return ImageBuilder.build(kernel, new ImageSpec(directory.resolve(name), format, "KILN_TEST", TIMESTAMP));
    }

    private static void assertBootedTheTestKernel(ExternalTools.Result boot) {
        assertEquals(TestKernels.EXIT_SUCCESS, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(TestKernels.SUCCESS), boot.output());
    }

    @Test
    void bootsUnderSeaBiosAndStartsTheKernelInTheMultiboot2State() throws Exception {
        Path iso = build(small, "small.iso");
        assertBootedTheTestKernel(Oracle.bootCdrom(iso, 128, 60, null));
    }

    /** The hybrid ISO written to a USB stick: SeaBIOS boots the MBR, the loader reads 512-byte sectors. */
    @Test
    void theIsoBootsAsAHardDiskThroughItsMasterBootRecord() throws Exception {
        Path iso = build(small, "small.iso");
        assertBootedTheTestKernel(Oracle.bootHardDisk(iso, 128, 60, null));
    }

    @Test
    void aDiskImageBootsAsAHardDisk() throws Exception {
        Path disk = build(small, "small.img", ImageFormat.DISK);
        assertBootedTheTestKernel(Oracle.bootHardDisk(disk, 128, 60, null));
    }

    /**
     * 16 MiB and more cannot come through conventional memory: this only works if the loader copies above 1 MiB.
     * One image, booted as a CD (2048-byte sectors) and as a hard disk (512-byte sectors), and a raw disk image:
     * every chunk's LBA and count is scaled right, or the checksum fails.
     */
    @Test
    void bootsAKernelLargerThanSixteenMebibytesFromCdAndDisk() throws Exception {
        Kernel large = TestKernels.withPayload(17 * 1024 * 1024 + 4);
        assertTrue(FlatKernel.of(large).bytes().length > 16 * 1024 * 1024);
        Path iso = build(large, "large.iso");
        assertBootedTheTestKernel(Oracle.bootCdrom(iso, 128, 120, null));
        assertBootedTheTestKernel(Oracle.bootHardDisk(iso, 128, 120, null));
        assertBootedTheTestKernel(Oracle.bootHardDisk(build(large, "large.img", ImageFormat.DISK), 128, 120, null));
    }

    /** Negative control: the test kernel notices a single wrong byte, so a pass above means the bytes arrived. */
    @Test
    void aCorruptedKernelByteFailsTheBootCheck() throws Exception {
        Path iso = build(small, "corrupt.iso");
        byte[] bytes = Files.readAllBytes(iso);
        byte[] flat = FlatKernel.of(small).bytes();
        int kernelStart = indexOf(bytes, flat);
        int payloadFirstWord = indexOf(flat, new byte[] {0x45, 0x23, 0x01, 0x00});
        bytes[kernelStart + payloadFirstWord + 100] ^= 0x40;
        Files.write(iso, bytes);
        ExternalTools.Result boot = Oracle.bootCdrom(iso, 128, 60, null);
        assertEquals((0x13 << 1) | 1, boot.exitCode(), "checksum failure expected\n" + boot.output());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void imageHoldsLoaderCatalogAndFlatKernel() throws Exception {
        Path iso = build(small, "small.iso");
        String description = ExternalTools.check("file", iso.toString());
        assertTrue(description.contains("ISO 9660 CD-ROM filesystem data") && description.contains("'KILN_TEST'")
                && description.contains("(bootable)"), description);
        String report = ExternalTools.check("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+\\d+\\s+\\d+.*"), report);
        assertTrue(report.contains("El Torito img path :   1  /BOOT/LOADER.BIN"), report);
        assertTrue(report.contains("El Torito cat path : /BOOT/BOOT.CAT"), report);
        Path extracted = directory.resolve("extracted");
        ExternalTools.check("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", extracted.toString());
        try (Stream<Path> files = Files.walk(extracted)) {
            assertEquals(List.of("BOOT/BOOT.CAT", "BOOT/LOADER.BIN", "KILN/KERNEL.BIN"), files.filter(Files::isRegularFile)
                    .map(file -> extracted.relativize(file).toString().replace('\\', '/')).sorted().toList());
        }
        assertArrayEquals(FlatKernel.of(small).bytes(), Files.readAllBytes(extracted.resolve("KILN/KERNEL.BIN")));
        long loaderBytes = Files.size(extracted.resolve("BOOT/LOADER.BIN"));
        assertTrue(report.matches("(?s).*none\\s+0x0000\\s+0x00\\s+" + (loaderBytes + 511) / 512 + "\\s.*"),
                "the catalog loads the whole loader: " + loaderBytes + " bytes\n" + report);
    }

    /** fdisk and file(1) read the MBR as a PC would; xorriso still sees the ISO and its El Torito entry. */
    @Test
    void theIsoIsHybridWithOnePartitionCoveringIt() throws Exception {
        Path iso = build(small, "hybrid.iso");
        long sectors = Files.size(iso) / 512;
        String partitions = ExternalTools.check("fdisk", "-l", iso.toString());
        assertTrue(partitions.contains("Disklabel type: dos"), partitions);
        assertTrue(partitions.matches("(?s).*" + Pattern.quote(iso + "1") + "\\s+\\*\\s+0\\s+" + (sectors - 1) + "\\s+" + sectors
                + "\\s+\\S+\\s+17\\s.*"), "one active partition, type 0x17, sectors 0.." + (sectors - 1) + "\n" + partitions);
        String description = ExternalTools.check("file", iso.toString());
        assertTrue(description.contains("DOS/MBR boot sector"), description);
        String report = ExternalTools.check("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.contains("El Torito img path :   1  /BOOT/LOADER.BIN"), report);
        byte[] bytes = Files.readAllBytes(iso);
        assertEquals(0x55, bytes[510] & 0xFF);
        assertEquals(0xAA, bytes[511] & 0xFF);
        for (int i = 512; i < 16 * 2048; i++) {
            assertEquals(0, bytes[i], "the rest of the system area stays zero, at byte " + i);
        }
    }

    @Test
    void aDiskImageHasTheLoaderAndKernelInItsPartitionAndNoIsoStructures() throws Exception {
        Path disk = build(small, "small.img", ImageFormat.DISK);
        byte[] flat = FlatKernel.of(small).bytes();
        long sectors = 2048 + 4 + (flat.length + 2047) / 2048 * 4;
        assertEquals(sectors * 512, Files.size(disk));
        String partitions = ExternalTools.check("fdisk", "-l", disk.toString());
        assertTrue(partitions.matches("(?s).*" + Pattern.quote(disk + "1") + "\\s+\\*\\s+2048\\s+" + (sectors - 1) + "\\s+" + (sectors - 2048)
                + "\\s+\\S+\\s+da\\s.*"), "one active partition, type 0xDA, from 1 MiB to the end\n" + partitions);
        String description = ExternalTools.check("file", disk.toString());
        assertTrue(description.contains("DOS/MBR boot sector") && !description.contains("ISO 9660"), description);
        byte[] bytes = Files.readAllBytes(disk);
        assertEquals(1024 * 1024 + 2048, indexOf(bytes, flat), "the kernel follows the loader's 2048 bytes");
    }

    @Test
    void sameInputsGiveByteIdenticalImages() throws Exception {
        for (ImageFormat format : ImageFormat.values()) {
            Path first = build(small, "first-" + format, format);
            Path second = build(TestKernels.withPayload(4096), "second-" + format, format);
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), format.toString());
        }
    }

    @Test
    void aFailedBuildLeavesNeitherImageNorTemporaryFile() throws Exception {
        Path output = directory.resolve("bad.iso");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImageBuilder.build(small, new ImageSpec(output, ImageFormat.ISO, "lower case", TIMESTAMP)));
        assertTrue(e.getMessage().contains("volume identifier 'lower case'"), e.getMessage());
        assertFalse(Files.exists(output));
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void rebuildingReplacesTheImageWhole() throws Exception {
        Path output = directory.resolve("image.iso");
        Files.write(output, new byte[10_000_000]);
        build(small, "image.iso");
        assertArrayEquals(Files.readAllBytes(build(small, "reference.iso")), Files.readAllBytes(output));
        try (Stream<Path> left = Files.list(directory)) {
            assertEquals(List.of("image.iso", "reference.iso"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
