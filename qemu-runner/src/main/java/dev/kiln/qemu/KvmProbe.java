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
 * guest, a boot sector that exits at once through {@code isa-debug-exit} (the caller's, see
 * {@link RunSpec#kvmProbeGuest}), finishes under KVM within
 * {@link #BUDGET}; a healthy host needs a fraction of that. The answer is computed once per JVM.
 */
final class KvmProbe {
    static final Path DEVICE = Path.of("/dev/kvm");
    static final Duration BUDGET = Duration.ofSeconds(1);

    /** The probe guest's size: one MBR boot sector, which SeaBIOS loads at 0000:7C00 and runs in real mode. */
    static final int BOOT_SECTOR_SIZE = 512;

    private static Boolean kvmIsFast;

    private KvmProbe() {
    }

    /** Whether KVM is usable and fast; {@code probeGuest} is the boot sector timed (see {@link RunSpec#kvmProbeGuest}). */
    static synchronized boolean kvmIsFast(Path qemu, byte[] probeGuest) throws QemuException {
        if (kvmIsFast == null) {
            kvmIsFast = deviceUsable() && probeExitsInTime(qemu, probeGuest);
        }
        return kvmIsFast;
    }

    static boolean deviceUsable() {
        return Files.isReadable(DEVICE) && Files.isWritable(DEVICE);
    }

    private static boolean probeExitsInTime(Path qemu, byte[] probeGuest) throws QemuException {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("kiln-kvm-probe");
            Path image = Files.write(directory.resolve("probe.img"), probeGuest);
            RunSpec spec = RunSpec.builder(image, ImageKind.DISK).accel(Accel.KVM).timeout(BUDGET).qemuBinary(qemu).build();
            return QemuProcess.run(QemuCommandLine.build(qemu, spec, Accel.KVM, List.of()), spec).succeeded();
        } catch (IOException e) {
            return false;
        } finally {
            deleteRecursively(directory);
        }
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
