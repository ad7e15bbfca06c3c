package dev.kiln.boot.loader;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.image.Oracle;
import dev.kiln.image.iso.ElToritoBoot;
import dev.kiln.image.iso.IsoFile;
import dev.kiln.image.iso.IsoImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiosBootLoaderTest {
    private static final BootParameters TYPICAL = new BootParameters(30, 4096, 4096, 0x100000, 8192, 0x100018);

    @TempDir
    Path directory;

    @Test
    void sizeDoesNotDependOnTheParameters() {
        int size = BiosBootLoader.assemble(TYPICAL).length;
        assertEquals(size, BiosBootLoader.assemble(new BootParameters(0, 4, 4, 0x100000, 4, 0x100000)).length);
        assertEquals(size, BiosBootLoader.assemble(new BootParameters(0x3FFF_FFFFL, 4, 0x7000_0000L, 0x8000_0000L,
                0x7FFF_E000L, 0x8000_0000L, "x".repeat(CommandLineTag.CAPACITY - 1))).length);
        assertTrue(BiosBootLoader.ORIGIN + size <= BiosBootLoader.BOOT_INFO, "fits below the boot information: " + size);
    }

    @Test
    void rejectsParametersItCannotHonour() {
        assertRejected(() -> new BootParameters(30, 4096, 4096, 0x8000, 8192, 0x8000), "below 1 MiB");
        assertRejected(() -> new BootParameters(30, 4097, 4097, 0x100000, 8192, 0x100000), "multiples of 4");
        assertRejected(() -> new BootParameters(30, 4096, 4096, 0xFFFF_F000L, 8192, 0xFFFF_F000L), "above 4 GiB");
        assertRejected(() -> new BootParameters(30, 4096, 4096, 0x100000, 1024, 0x100000), "smaller than the kernel");
        assertRejected(() -> new BootParameters(30, 4096, 4096, 0x100000, 8192, 0x200000), "entry 0x200000 is outside");
        assertRejected(() -> new BootParameters(-1, 4096, 4096, 0x100000, 8192, 0x100000), "not below 2^30");
        assertRejected(() -> new BootParameters(1L << 30, 4096, 4096, 0x100000, 8192, 0x100000), "512-byte sector number");
        assertRejected(() -> new BootParameters(30, 0, 0, 0x100000, 8192, 0x100000), "kernel size 0");
        assertRejected(() -> new BootParameters(30, 0, 4096, 0x100000, 8192, 0x100000), "compressed kernel size 0");
        assertRejected(() -> new BootParameters(30, 0x1000_0000L, 4096, 0xF000_0000L, 8192, 0xF000_0000L),
                "read the compressed kernel up to 0x");
    }

    private static void assertRejected(Runnable construction, String expectedMessagePart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    /** A kernel "sector" past the end of the CD: the BIOS read fails and the loader says so, on COM1 too. */
    @Test
    void reportsADiskReadErrorAndHalts() throws Exception {
        byte[] loader = BiosBootLoader.assemble(new BootParameters(0x00F0_0000L, 4096, 4096, 0x100000, 4096, 0x100000));
        IsoImage image = IsoImage.plan("KILN", Instant.EPOCH.plusSeconds(86400L * 365 * 40),
                List.of(new IsoFile("/BOOT/LOADER.BIN", loader)),
                Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/LOADER.BIN")));
        Path iso = directory.resolve("bad-sector.iso");
        try (OutputStream out = Files.newOutputStream(iso)) {
            image.writeTo(out);
        }
        ExternalTools.Result boot = Oracle.bootCdrom(iso, 64, 60, BiosBootLoader.DISK_ERROR.strip());
        assertTrue(boot.output().contains("kiln: disk read error"), boot.output());
        assertEquals(-1, boot.exitCode(), "the loader halts rather than starting anything");
    }
}
