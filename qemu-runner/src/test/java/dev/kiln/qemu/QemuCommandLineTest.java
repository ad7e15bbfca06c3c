package dev.kiln.qemu;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QemuCommandLineTest {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @Test
    void diskUnderTcgWithDefaults() {
        RunSpec spec = RunSpec.builder(Path.of("/images/app.img"), ImageKind.DISK).build();

        assertEquals(List.of("/usr/bin/qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-m", "256",
                        "-display", "none", "-monitor", "none", "-serial", "stdio",
                        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot",
                        "-drive", "format=raw,file=/images/app.img"),
                QemuCommandLine.build(QEMU, spec, Accel.TCG, List.of()));
    }

    @Test
    void firmwareThenImageThenExtraArguments() {
        RunSpec spec = RunSpec.builder(Path.of("app.iso"), ImageKind.ISO)
                .memoryMiB(512).extraArgs(List.of("-smp", "2")).build();

        List<String> command = QemuCommandLine.build(QEMU, spec, Accel.KVM, List.of("-bios", "OVMF.fd"));

        assertEquals(List.of("-accel", "kvm", "-m", "512"), command.subList(1, 5));  // no -cpu max under KVM
        assertEquals(List.of("-bios", "OVMF.fd", "-cdrom", "app.iso", "-boot", "d", "-smp", "2"),
                command.subList(command.size() - 8, command.size()));
    }

    @Test
    void elfKernelIsLoadedWithDashKernel() {
        assertEquals(List.of("-kernel", "kernel.elf"), QemuCommandLine.imageArgs(ImageKind.KERNEL_ELF, Path.of("kernel.elf")));
    }

    @Test
    void commaInADrivePathIsDoubled() {
        assertEquals(List.of("-drive", "format=raw,file=/tmp/a,,b.img"),
                QemuCommandLine.imageArgs(ImageKind.DISK, Path.of("/tmp/a,b.img")));
    }

    @Test
    void autoMustBeResolvedFirst() {
        RunSpec spec = RunSpec.builder(Path.of("app.img"), ImageKind.DISK).accel(Accel.AUTO)
                .kvmProbeGuest(TestGuests.printAndExitBootSector("", 0)).build();

        assertThrows(IllegalArgumentException.class, () -> QemuCommandLine.build(QEMU, spec, Accel.AUTO, List.of()));
    }
}
