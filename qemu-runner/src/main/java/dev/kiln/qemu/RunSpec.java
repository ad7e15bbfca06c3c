package dev.kiln.qemu;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to boot and how. Build one with {@link #builder(Path, ImageKind)}, which fills in the defaults.
 *
 * @param image       the image file to boot
 * @param kind        how QEMU is told to boot {@code image}
 * @param firmware    SeaBIOS or OVMF
 * @param accel       TCG, KVM or AUTO (see {@link Accel#AUTO})
 * @param timeout     how long the guest may run before it is killed and the run counts as {@link RunResult.Outcome#TIMEOUT}
 * @param qemuBinary  the {@code qemu-system-x86_64} to run (the {@code kiln.qemu} setting); empty: search {@code PATH}
 * @param serialLog   file that receives every byte the guest writes to its first serial port (COM1), as it arrives
 * @param echo        where to copy the serial output live as well (e.g. {@code System.out}), if anywhere
 * @param terminalInput whether QEMU reads this JVM's standard input (a person's terminal), so that what is typed
 *                    there reaches the guest's COM1; otherwise QEMU's stdin is a pipe that only
 *                    {@link RunningGuest#sendSerial} writes
 * @param memoryMiB   guest RAM in MiB
 * @param extraArgs   appended to QEMU's command line as they are
 * @param kvmProbeGuest for {@link Accel#AUTO}: the probe guest, a 512-byte boot sector that exits at once with
 *                    status 0, timed under KVM to decide whether KVM is fast here. This module sits below all
 *                    others and has no assembler, so the caller brings it: Kiln's is the boot module's
 *                    {@code ReferenceGuests.kvmProbeBootSector()}. Required with AUTO, unused otherwise.
 */
public record RunSpec(Path image, ImageKind kind, Firmware firmware, Accel accel, Duration timeout,
                      Optional<Path> qemuBinary, Path serialLog, Optional<PrintStream> echo, boolean terminalInput, int memoryMiB,
                      List<String> extraArgs, Optional<byte[]> kvmProbeGuest) {

    public static final Firmware DEFAULT_FIRMWARE = Firmware.BIOS;
    public static final Accel DEFAULT_ACCEL = Accel.TCG;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MEMORY_MIB = 256;

    public RunSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(firmware, "firmware");
        Objects.requireNonNull(accel, "accel");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(qemuBinary, "qemuBinary");
        Objects.requireNonNull(serialLog, "serialLog");
        Objects.requireNonNull(echo, "echo");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException("memoryMiB must be positive, was " + memoryMiB);
        }
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(kvmProbeGuest, "kvmProbeGuest");
        if (accel == Accel.AUTO && kvmProbeGuest.isEmpty()) {
            throw new IllegalArgumentException("Accel.AUTO times a probe guest under KVM; give one with"
                    + " RunSpec.Builder.kvmProbeGuest (Kiln's: dev.kiln.boot.ReferenceGuests.kvmProbeBootSector())");
        }
        if (kvmProbeGuest.isPresent() && kvmProbeGuest.get().length != KvmProbe.BOOT_SECTOR_SIZE) {
            throw new IllegalArgumentException("the KVM probe guest must be one " + KvmProbe.BOOT_SECTOR_SIZE
                    + "-byte boot sector, not " + kvmProbeGuest.get().length + " bytes");
        }
    }

    /**
     * A builder with the defaults: BIOS, TCG, 60 s, 256 MiB, QEMU from {@code PATH}, no echo, no terminal input, no extra arguments,
     * and the serial log next to the image ({@code <image>.serial.log}).
     */
    public static Builder builder(Path image, ImageKind kind) {
        return new Builder(image, kind);
    }

    /** The serial log used when none is given: {@code <image file name>.serial.log} in the image's directory. */
    public static Path defaultSerialLog(Path image) {
        return image.resolveSibling(image.getFileName() + ".serial.log");
    }

    public static final class Builder {
        private final Path image;
        private final ImageKind kind;
        private Firmware firmware = DEFAULT_FIRMWARE;
        private Accel accel = DEFAULT_ACCEL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Optional<Path> qemuBinary = Optional.empty();
        private Path serialLog;
        private Optional<PrintStream> echo = Optional.empty();
        private boolean terminalInput;
        private int memoryMiB = DEFAULT_MEMORY_MIB;
        private List<String> extraArgs = List.of();
        private Optional<byte[]> kvmProbeGuest = Optional.empty();

        private Builder(Path image, ImageKind kind) {
            this.image = Objects.requireNonNull(image, "image");
            this.kind = Objects.requireNonNull(kind, "kind");
            this.serialLog = defaultSerialLog(image);
        }

        public Builder firmware(Firmware firmware) {
            this.firmware = firmware;
            return this;
        }

        public Builder accel(Accel accel) {
            this.accel = accel;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder qemuBinary(Optional<Path> qemuBinary) {
            this.qemuBinary = qemuBinary;
            return this;
        }

        public Builder qemuBinary(Path qemuBinary) {
            return qemuBinary(Optional.of(qemuBinary));
        }

        public Builder serialLog(Path serialLog) {
            this.serialLog = serialLog;
            return this;
        }

        public Builder echo(Optional<PrintStream> echo) {
            this.echo = echo;
            return this;
        }

        public Builder echo(PrintStream echo) {
            return echo(Optional.of(echo));
        }

        public Builder terminalInput(boolean terminalInput) {
            this.terminalInput = terminalInput;
            return this;
        }

        public Builder memoryMiB(int memoryMiB) {
            this.memoryMiB = memoryMiB;
            return this;
        }

        public Builder extraArgs(List<String> extraArgs) {
            this.extraArgs = extraArgs;
            return this;
        }

        public Builder kvmProbeGuest(byte[] bootSector) {
            this.kvmProbeGuest = Optional.of(bootSector.clone());
            return this;
        }

        public RunSpec build() {
            return new RunSpec(image, kind, firmware, accel, timeout, qemuBinary, serialLog, echo, terminalInput, memoryMiB,
                    extraArgs, kvmProbeGuest);
        }
    }
}
