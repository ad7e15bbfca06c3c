package dev.kiln.toolchain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.qemu.Firmware;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import dev.kiln.qemu.junit.QemuBooter;
import dev.kiln.qemu.junit.QemuExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln bench boot}'s floors boot: the BIOS one (the boot module's printing boot sector on a CD) under SeaBIOS,
 * the UEFI one (its printing EFI application on a bare FAT disk) under OVMF.
 */
@ExtendWith(QemuExtension.class)
class BootBenchReferenceTest {
    @Test
    void referenceBootCdPrintsAndExitsUnderSeaBios(QemuBooter qemu, @TempDir Path directory) throws Exception {
        Path cd = Files.write(directory.resolve("boot-sector.iso"), BootBenchCommand.referenceBootCd());
        RunResult result = qemu.boot(RunSpec.builder(cd, ImageKind.ISO).timeout(Duration.ofSeconds(60)).build());
        assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe());
        assertEquals("ok\n", result.serialOutput().substring(result.serialOutput().length() - 3));
    }

    @Test
    void referenceEfiDiskPrintsAndExitsUnderOvmf(QemuBooter qemu, @TempDir Path directory) throws Exception {
        Path disk = Files.write(directory.resolve("reference-esp.img"), BootBenchCommand.referenceEfiDisk());
        RunResult result = qemu.boot(RunSpec.builder(disk, ImageKind.DISK).firmware(Firmware.UEFI)
                .timeout(Duration.ofSeconds(120)).build());
        assertEquals("ok\n", result.serialOutput().substring(result.serialOutput().length() - 3));
    }
}
