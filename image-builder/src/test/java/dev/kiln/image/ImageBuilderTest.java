package dev.kiln.image;

import dev.kiln.linker.Kernel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
        return ImageBuilder.build(kernel, new ImageSpec(directory.resolve(name), ImageFormat.ISO, "KILN_TEST", TIMESTAMP));
    }

    @Test
    void bootsUnderSeaBiosAndStartsTheKernelInTheMultiboot2State() throws Exception {
        Path iso = build(small, "small.iso");
        Oracle.Result boot = Oracle.bootCdrom(iso, 128, 60, null);
        assertEquals(TestKernels.EXIT_SUCCESS, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(TestKernels.SUCCESS), boot.output());
    }

    /** 16 MiB and more cannot come through conventional memory: this only works if the loader copies above 1 MiB. */
    @Test
    void bootsAKernelLargerThanSixteenMebibytes() throws Exception {
        Kernel large = TestKernels.withPayload(17 * 1024 * 1024 + 4);
        assertTrue(FlatKernel.of(large).bytes().length > 16 * 1024 * 1024);
        Path iso = build(large, "large.iso");
        Oracle.Result boot = Oracle.bootCdrom(iso, 128, 120, null);
        assertEquals(TestKernels.EXIT_SUCCESS, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(TestKernels.SUCCESS), boot.output());
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
        Oracle.Result boot = Oracle.bootCdrom(iso, 128, 60, null);
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
        String description = Oracle.check("file", iso.toString());
        assertTrue(description.contains("ISO 9660 CD-ROM filesystem data 'KILN_TEST'") && description.contains("(bootable)"),
                description);
        String report = Oracle.check("xorriso", "-indev", iso.toString(), "-report_el_torito", "plain");
        assertTrue(report.matches("(?s).*El Torito boot img :\\s+1\\s+BIOS\\s+y\\s+none\\s+0x0000\\s+0x00\\s+\\d+\\s+\\d+.*"), report);
        assertTrue(report.contains("El Torito img path :   1  /BOOT/LOADER.BIN"), report);
        assertTrue(report.contains("El Torito cat path : /BOOT/BOOT.CAT"), report);
        Path extracted = directory.resolve("extracted");
        Oracle.check("xorriso", "-osirrox", "on", "-indev", iso.toString(), "-extract", "/", extracted.toString());
        try (Stream<Path> files = Files.walk(extracted)) {
            assertEquals(List.of("BOOT/BOOT.CAT", "BOOT/LOADER.BIN", "KILN/KERNEL.BIN"), files.filter(Files::isRegularFile)
                    .map(file -> extracted.relativize(file).toString().replace('\\', '/')).sorted().toList());
        }
        assertArrayEquals(FlatKernel.of(small).bytes(), Files.readAllBytes(extracted.resolve("KILN/KERNEL.BIN")));
        long loaderBytes = Files.size(extracted.resolve("BOOT/LOADER.BIN"));
        assertTrue(report.matches("(?s).*none\\s+0x0000\\s+0x00\\s+" + (loaderBytes + 511) / 512 + "\\s.*"),
                "the catalog loads the whole loader: " + loaderBytes + " bytes\n" + report);
    }

    @Test
    void sameInputsGiveByteIdenticalImages() throws Exception {
        Path first = build(small, "first.iso");
        Path second = build(TestKernels.withPayload(4096), "second.iso");
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
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
