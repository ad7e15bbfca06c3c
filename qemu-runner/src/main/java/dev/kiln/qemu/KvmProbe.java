package dev.kiln.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides {@link Accel#AUTO}. KVM is not always the faster choice: on some hosts (nested virtualization
 * without hardware support for it, for one) KVM guests start in seconds and run loops hundreds of times
 * slower than under TCG. So AUTO picks KVM only if {@code /dev/kvm} is readable and writable and a probe
 * guest, a boot sector that exits at once through {@code isa-debug-exit}, finishes under KVM within
 * {@link #BUDGET}; a healthy host needs a fraction of that. The answer is computed once per JVM.
 */
final class KvmProbe {
    static final Path DEVICE = Path.of("/dev/kvm");
    static final Duration BUDGET = Duration.ofSeconds(1);

    /**
     * The probe guest: a boot sector that SeaBIOS loads at 0000:7C00 and runs in real mode.
     * <pre>
     * B0 10     mov al, 0x10     ; isa-debug-exit value for status 0 (0x10 + status)
     * E6 F4     out 0xf4, al     ; QEMU exits with (0x10 << 1) | 1 = 33
     * F4        hlt              ; not reached
     * EB FD     jmp short -3     ; back to hlt
     * ...       zero padding
     * 55 AA     boot signature at offset 510, which the BIOS checks before it jumps to the sector
     * </pre>
     */
    static final byte[] PROBE_BOOT_SECTOR = bootSector((byte) 0xB0, (byte) 0x10, (byte) 0xE6, (byte) 0xF4,
            (byte) 0xF4, (byte) 0xEB, (byte) 0xFD);

    private static Boolean kvmIsFast;

    private KvmProbe() {
    }

    static synchronized boolean kvmIsFast(Path qemu) throws QemuException {
        if (kvmIsFast == null) {
            kvmIsFast = deviceUsable() && probeExitsInTime(qemu);
        }
        return kvmIsFast;
    }

    static boolean deviceUsable() {
        return Files.isReadable(DEVICE) && Files.isWritable(DEVICE);
    }

    private static boolean probeExitsInTime(Path qemu) throws QemuException {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("kiln-kvm-probe");
            Path image = Files.write(directory.resolve("probe.img"), PROBE_BOOT_SECTOR);
            RunSpec spec = RunSpec.builder(image, ImageKind.DISK).accel(Accel.KVM).timeout(BUDGET).qemuBinary(qemu).build();
            return QemuProcess.run(QemuCommandLine.build(qemu, spec, Accel.KVM, List.of()), spec).succeeded();
        } catch (IOException e) {
            return false;
        } finally {
            deleteRecursively(directory);
        }
    }

    /** A 512-byte MBR boot sector holding {@code code} at its start and the 0x55 0xAA signature at its end. */
    static byte[] bootSector(byte... code) {
        byte[] sector = new byte[512];
        System.arraycopy(code, 0, sector, 0, code.length);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover file in the temporary directory is harmless.
        }
    }
}
