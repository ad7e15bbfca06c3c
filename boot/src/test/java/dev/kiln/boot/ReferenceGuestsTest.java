package dev.kiln.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.qemu.Accel;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.qemu.junit.QemuBooter;
import dev.kiln.qemu.junit.QemuExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The reference guests booted in QEMU (SeaBIOS, TCG) and read back by binutils. */
@ExtendWith(QemuExtension.class)
class ReferenceGuestsTest {
    @TempDir
    Path directory;

    @Test
    void printingBootSectorPrintsAndExitsWithStatusZero(QemuBooter qemu) throws Exception {
        Path image = Files.write(directory.resolve("print.img"), ReferenceGuests.printingBootSector("reference ok\n"));
        RunResult result = qemu.boot(RunSpec.builder(image, ImageKind.DISK).build());
        assertEquals("reference ok\n", result.serialOutput());
    }

    /** The probe's verdict needs KVM, which tests do not use; its guest must at least be right, and accepted. */
    @Test
    void kvmProbeGuestExitsAtOnceWithStatusZero(QemuBooter qemu) throws Exception {
        byte[] probe = ReferenceGuests.kvmProbeBootSector();
        Path image = Files.write(directory.resolve("probe.img"), probe);
        RunResult result = qemu.boot(RunSpec.builder(image, ImageKind.DISK).build());
        assertEquals("", result.serialOutput());
        RunSpec auto = RunSpec.builder(image, ImageKind.DISK).accel(Accel.AUTO).kvmProbeGuest(probe).build();
        assertTrue(Arrays.equals(probe, auto.kvmProbeGuest().orElseThrow()));
    }

    /** Real-mode code, as objdump decodes it: ends in the isa-debug-exit write and a halt loop. */
    @Test
    void bootSectorIsRealModeCodeWithTheBootSignature() throws Exception {
        byte[] sector = ReferenceGuests.printingBootSector("x");
        assertEquals(512, sector.length);
        assertEquals(0x55, sector[510] & 0xFF);
        assertEquals(0xAA, sector[511] & 0xFF);
        List<String> code = StubCode.disassemble(directory, "sector.bin", Arrays.copyOf(sector, 40), "i8086");
        String joined = String.join("\n", code);
        assertTrue(joined.contains("mov    dx,0xf4") && joined.contains("mov    al,0x10") && joined.contains("hlt"),
                joined);
    }

    @Test
    void textThatDoesNotFitIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReferenceGuests.printingBootSector("x".repeat(500)));
        assertTrue(error.getMessage().contains("does not fit in a boot sector"), error.getMessage());
    }

    @Test
    void efiApplicationIsAPe32PlusEfiApplication() throws Exception {
        Path file = Files.write(directory.resolve("BOOTX64.EFI"), ReferenceGuests.printingEfiApplication("ok\n"));
        String description = ExternalTools.check("file", file.toString());
        assertTrue(description.contains("PE32+") && description.contains("EFI application"), description);
    }
}
