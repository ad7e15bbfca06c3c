package dev.kiln.image;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.boot.loader.Lz4Block;
import dev.kiln.boot.loader.UefiBootLoader;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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

/**
 * Whole images: structure checked by xorriso, fdisk, sgdisk, mtools and file(1), boot checked by QEMU under
 * SeaBIOS and OVMF.
 */
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

    /** Booted and found all in order; SeaBIOS in text mode gives no framebuffer tag. */
    private static void assertBootedTheTestKernel(ExternalTools.Result boot) {
        assertEquals(TestKernels.EXIT_SUCCESS, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(TestKernels.SUCCESS), boot.output());
        assertFalse(boot.output().contains(TestKernels.FRAMEBUFFER_SEEN), boot.output());
    }

    /** Booted under UEFI: the loader also handed over the GOP framebuffer, and the tag describes it well. */
    private static void assertBootedWithFramebuffer(ExternalTools.Result boot) {
        assertEquals(TestKernels.EXIT_SUCCESS, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(TestKernels.FRAMEBUFFER_SEEN + "\n" + TestKernels.SUCCESS), boot.output());
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
        assertTrue(FlatKernel.of(large).compressed().length > 16 * 1024 * 1024, "the patterned payload does not shrink");
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
        byte[] stored = Lz4Block.stored(FlatKernel.of(small).compressed());
        int kernelStart = indexOf(bytes, stored);
        // The patterned payload has no repeats, so the LZ4 block holds it as literals: one wrong byte of the image is
        // one wrong byte of the decoded payload.
        int payloadFirstWord = indexOf(stored, new byte[] {0x45, 0x23, 0x01, 0x00});
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

    /**
     * UEFI (OVMF): the hybrid ISO as a CD (El Torito's 0xEF entry) and as a disk (the GPT's EFI system partition),
     * and the raw disk; each time Kiln's BOOTX64.EFI starts the kernel in the Multiboot2 state with a memory map and
     * the GOP's framebuffer.
     */
    @Test
    void bootsUnderOvmfFromTheIsoAsCdAndAsDiskAndFromTheRawDisk() throws Exception {
        Path iso = build(small, "uefi.iso");
        assertBootedWithFramebuffer(Oracle.bootUefi(iso, true, 120, null));
        assertBootedWithFramebuffer(Oracle.bootUefi(iso, false, 120, null));
        assertBootedWithFramebuffer(Oracle.bootUefi(build(small, "uefi.img", ImageFormat.DISK), false, 120, null));
    }

    /**
     * A kernel linked where the machine has no RAM (3 GiB, with 256 MiB of it): the UEFI loader's AllocatePages
     * at the link address fails, and it says so on the firmware console (which OVMF copies to COM1) instead of
     * writing over memory it does not own.
     */
    @Test
    void theUefiLoaderRefusesAKernelWhoseMemoryIsNotFree() throws Exception {
        Kernel high = TestKernels.withPayload(4096, new LinkOptions(0xC000_0000L, LinkOptions.DEFAULT_ENTRY_SYMBOL));
        Path disk = build(high, "high.img", ImageFormat.DISK);
        ExternalTools.Result boot = Oracle.bootUefi(disk, false, 60, UefiBootLoader.MEMORY_ERROR.strip());
        assertTrue(boot.output().contains(UefiBootLoader.MEMORY_ERROR.strip()), boot.output());
        assertFalse(boot.output().contains(TestKernels.SUCCESS), boot.output());
    }

    /** The ISO's files, its El Torito catalog with both entries, and the kernel inside the ESP's BOOTX64.EFI. */
    @Test
    void imageHoldsLoaderCatalogAndTheEfiSystemPartition() throws Exception {
        Path iso = build(small, "small.iso");
        String description = ExternalTools.check("file", iso.toString());
        assertTrue(description.contains("ISO 9660 CD-ROM filesystem data") && description.contains("'KILN_TEST'")
                && description.contains("(bootable)"), description);
        String report = ExternalTools.check("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+\\d+\\s+\\d+.*"), report);
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+2\\s+UEFI\\s+y\\s+none\\s+0x0000\\s+0x00\\s+\\d+\\s+\\d+.*"), report);
        assertTrue(report.contains("El Torito img path :   1  /BOOT/LOADER.BIN"), report);
        assertTrue(report.contains("El Torito img path :   2  /BOOT/EFI.IMG"), report);
        assertTrue(report.contains("El Torito cat path : /BOOT/BOOT.CAT"), report);
        Path extracted = directory.resolve("extracted");
        ExternalTools.check("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", extracted.toString());
        try (Stream<Path> files = Files.walk(extracted)) {
            assertEquals(List.of("BOOT/BOOT.CAT", "BOOT/EFI.IMG", "BOOT/LOADER.BIN"), files.filter(Files::isRegularFile)
                    .map(file -> extracted.relativize(file).toString().replace('\\', '/')).sorted().toList());
        }
        long loaderBytes = Files.size(extracted.resolve("BOOT/LOADER.BIN"));
        assertTrue(report.matches("(?s).*BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+" + (loaderBytes + 511) / 512 + "\\s.*"),
                "the catalog loads the whole loader: " + loaderBytes + " bytes\n" + report);
        long espBytes = Files.size(extracted.resolve("BOOT/EFI.IMG"));
        assertTrue(report.matches("(?s).*UEFI\\s+y\\s+none\\s+0x0000\\s+0x00\\s+" + espBytes / 512 + "\\s.*"),
                "the EFI entry covers the whole FAT image: " + espBytes + " bytes\n" + report);
        assertEfiSystemPartition(extracted.resolve("BOOT/EFI.IMG").toString(), false);
    }

    /**
     * mtools lists the ESP; BOOTX64.EFI, copied out with mcopy, is a PE32+ EFI application for x86-64 (file(1))
     * holding the flat kernel (its LZ4 block) on a 2048-byte boundary (where the BIOS loader reads it).
     */
    private void assertEfiSystemPartition(String mtoolsImage, boolean withBiosLoader) throws Exception {
        String root = ExternalTools.check("mdir", "-i", mtoolsImage, "::/");
        assertTrue(root.contains("KILN EFI") && root.contains("EFI"), root);
        String boot = ExternalTools.check("mdir", "-i", mtoolsImage, "::/EFI/BOOT");
        assertTrue(boot.matches("(?s).*BOOTX64\\s+EFI\\s+\\d+.*"), boot);
        String kiln = ExternalTools.run(60, List.of("mdir", "-i", mtoolsImage, "::/KILN")).output();
        assertEquals(withBiosLoader, kiln.matches("(?s).*LOADER\\s+BIN\\s+\\d+.*"), kiln);
        Path efi = directory.resolve("BOOTX64.EFI");
        ExternalTools.check("mcopy", "-o", "-i", mtoolsImage, "::/EFI/BOOT/BOOTX64.EFI", efi.toString());
        String type = ExternalTools.check("file", efi.toString());
        assertTrue(type.contains("PE32+ executable") && type.contains("EFI application") && type.contains("x86-64"), type);
        byte[] executable = Files.readAllBytes(efi);
        assertEquals(0, indexOf(executable, Lz4Block.stored(FlatKernel.of(small).compressed())) % 2048,
                "the kernel starts on a 2048-byte boundary");
    }

    /**
     * The ISO's system area: a protective MBR (partition 0xEE from LBA 1) and a GPT whose one partition, the EFI
     * system partition, is the extent of /BOOT/EFI.IMG. fdisk and sgdisk read it as a disk; xorriso still sees the
     * ISO and relates the partition to the file.
     */
    @Test
    void theIsoCarriesAProtectiveMbrAndAGptWhoseEspIsTheEfiImage() throws Exception {
        Path iso = build(small, "hybrid.iso");
        long sectors = Files.size(iso) / 512;
        assertEquals(0, Files.size(iso) % 2048, "the file stays whole CD sectors");
        String partitions = ExternalTools.check("fdisk", "-l", iso.toString());
        assertTrue(partitions.contains("Disklabel type: gpt"), partitions);
        assertTrue(partitions.matches("(?s).*" + Pattern.quote(iso + "1") + "\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\S+\\s+EFI System.*"),
                partitions);
        String check = ExternalTools.check("sgdisk", "-v", iso.toString());
        assertTrue(check.contains("No problems found"), check);
        String systemArea = ExternalTools.check("xorriso", "-indev", iso.toString(), "-report_system_area", "plain");
        assertTrue(systemArea.contains("MBR protective-msdos-label") && systemArea.contains("GPT"), systemArea);
        assertTrue(systemArea.matches("(?s).*MBR partition\\s+:\\s+1\\s+0x00\\s+0xee\\s+1\\s+" + (sectors - 1) + "\\s.*"),
                systemArea);
        assertTrue(systemArea.contains("GPT partition path :   1  /BOOT/EFI.IMG"), systemArea);
        assertTrue(systemArea.contains("GPT type GUID      :   1  28732ac11ff8d211ba4b00a0c93ec93b"), systemArea);
        String description = ExternalTools.check("file", iso.toString());
        assertTrue(description.contains("DOS/MBR boot sector"), description);
    }

    @Test
    void aDiskImageHasAGptWithTheEspFromOneMebibyteAndNoIsoStructures() throws Exception {
        Path disk = build(small, "small.img", ImageFormat.DISK);
        assertEquals(0, Files.size(disk) % (1024 * 1024), "the disk ends on a MiB boundary");
        String partitions = ExternalTools.check("fdisk", "-l", disk.toString());
        assertTrue(partitions.contains("Disklabel type: gpt"), partitions);
        assertTrue(partitions.matches("(?s).*" + Pattern.quote(disk + "1") + "\\s+2048\\s+\\d+\\s+\\d+\\s+\\S+\\s+EFI System.*"),
                "one partition, the ESP, from 1 MiB\n" + partitions);
        String check = ExternalTools.check("sgdisk", "-v", disk.toString());
        assertTrue(check.contains("No problems found"), check);
        String description = ExternalTools.check("file", disk.toString());
        assertTrue(description.contains("DOS/MBR boot sector") && description.contains("ID=0xee")
                && !description.contains("ISO 9660"), description);
        assertEfiSystemPartition(disk + "@@1M", true);
    }

    /**
     * The tar.gz for cloud imports: GNU tar reads disk.raw as a sparse file of exactly 1 GiB (Google Compute
     * Engine's import wants whole GiB), sgdisk finds the GPT's backup at the GiB's end, the ESP is the raw disk
     * image's, Commons Compress (which kiln:boot-test unpacks with) reads the same size, the archive stays small,
     * and the unpacked disk boots under SeaBIOS and OVMF.
     */
    @Test
    void theTarGzHoldsASparseDiskOfOneGibibyteThatBootsUnderBothFirmwares() throws Exception {
        Path archive = build(small, "small.tar.gz", ImageFormat.TAR_GZ);
        Path disk = build(small, "small.img", ImageFormat.DISK);
        assertTrue(Files.size(archive) < Files.size(disk), Files.size(archive) + " bytes: the padding must be a hole");
        String listing = ExternalTools.check("tar", "-tvzf", archive.toString());
        assertTrue(listing.matches("-rw-r--r-- root/root\\s+1073741824 2026-01-01 00:00 disk.raw\\s*"), listing);
        Path unpacked = Files.createDirectories(directory.resolve("unpacked"));
        ExternalTools.check("tar", "-xSzf", archive.toString(), "-C", unpacked.toString());
        Path raw = unpacked.resolve("disk.raw");
        assertEquals(1L << 30, Files.size(raw));
        String check = ExternalTools.check("sgdisk", "-v", raw.toString());
        assertTrue(check.contains("No problems found"), check);
        long esp = ImageBuilder.DISK_PARTITION_START * 512;
        int espBytes = (int) (Files.size(disk) - esp - 33 * 512);
        try (FileChannel rawChannel = FileChannel.open(raw); FileChannel diskChannel = FileChannel.open(disk)) {
            ByteBuffer fromRaw = ByteBuffer.allocate(espBytes);
            ByteBuffer fromDisk = ByteBuffer.allocate(espBytes);
            rawChannel.read(fromRaw, esp);
            diskChannel.read(fromDisk, esp);
            assertArrayEquals(fromDisk.array(), fromRaw.array(), "the partitions are the same in both");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(archive)))) {
            TarArchiveEntry entry = tar.getNextEntry();
            assertEquals("disk.raw", entry.getName());
            assertTrue(entry.isOldGNUSparse(), "an old GNU sparse entry");
            assertEquals(1L << 30, entry.getRealSize());
        }
        assertBootedTheTestKernel(Oracle.bootHardDisk(raw, 256, 60, null));
        assertBootedWithFramebuffer(Oracle.bootUefi(raw, false, 120, null));
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

    /** An output path whose directory cannot exist (a file stands in its place) is named, with what to do. */
    @Test
    void anUnwritableOutputPathIsAnErrorThatSaysWhatToChange() throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "not a directory");
        Path output = file.resolve("image.iso");
        IOException e = assertThrows(IOException.class,
                () -> ImageBuilder.build(small, new ImageSpec(output, ImageFormat.ISO, "KILN", TIMESTAMP)));
        assertTrue(e.getMessage().startsWith("cannot write " + output + ": its directory " + file
                + " cannot be created or written to"), e.getMessage());
        assertTrue(e.getMessage().endsWith("choose an output path in a directory you may write to"), e.getMessage());
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
