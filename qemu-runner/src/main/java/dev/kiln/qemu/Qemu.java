package dev.kiln.qemu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Boots a Kiln image in QEMU and reports how the guest ended. The contract is in the package documentation. */
public final class Qemu {
    static final String BINARY_NAME = "qemu-system-x86_64";
    static final String INSTALL_HINT = "Install it with: sudo apt-get install -y qemu-system-x86";

    private Qemu() {
    }

    /**
     * Boots {@code spec.image()} and waits until the guest exits or the timeout kills it.
     *
     * @throws QemuException if QEMU, the image or the UEFI firmware is missing, or KVM was requested and is not usable;
     *                       a failing guest is not an exception but a result
     */
    public static RunResult boot(RunSpec spec) throws QemuException {
        try (Launch launch = prepare(spec, false)) {
            return QemuProcess.run(launch.command(), spec);
        }
    }

    /**
     * Starts {@code spec.image()} for a test that talks to the guest while it runs: types on its keyboard
     * through QMP, writes to its serial port, waits for its output (see {@link RunningGuest}). The run's
     * timeout counts from now.
     *
     * @throws QemuException as {@link #boot}, and if QEMU does not start or its QMP socket does not answer
     * @throws IllegalArgumentException if {@code spec} asks for {@link RunSpec#terminalInput() terminal input}
     */
    public static RunningGuest start(RunSpec spec) throws QemuException {
        if (spec.terminalInput()) {
            throw new IllegalArgumentException("Qemu.start writes the guest's serial input itself (RunningGuest.sendSerial);"
                    + " RunSpec.terminalInput is for Qemu.boot");
        }
        Launch launch = prepare(spec, true);
        try {
            QemuProcess process = QemuProcess.start(launch.command(), spec);
            return new RunningGuest(process, QmpClient.connect(launch.qmpSocket(), process), launch);
        } catch (QemuProcess.StartFailure failure) {
            launch.close();
            throw new QemuException(failure.result.describe());
        } catch (QemuException | RuntimeException e) {
            launch.close();
            throw e;
        }
    }

    /**
     * The command line of one run and the private directory it needs (a copy of the UEFI variable store, the
     * QMP socket), deleted when the run is over.
     */
    record Launch(List<String> command, Path directory) implements AutoCloseable {
        Path qmpSocket() {
            return directory.resolve("qmp.sock");
        }

        @Override
        public void close() {
            try (var files = Files.list(directory)) {
                files.forEach(Qemu::deleteQuietly);
            } catch (IOException e) {
                // A leftover file in the temporary directory is harmless.
            }
            deleteQuietly(directory);
        }
    }

    private static Launch prepare(RunSpec spec, boolean withQmp) throws QemuException {
        Path qemu = find(spec.qemuBinary()).orElseThrow(() -> notFound(spec.qemuBinary()));
        if (!Files.isRegularFile(spec.image()) || !Files.isReadable(spec.image())) {
            throw new QemuException("The image to boot does not exist or is not readable: " + spec.image().toAbsolutePath());
        }
        Accel accel = resolve(spec, qemu);
        Path directory;
        try {
            directory = Files.createTempDirectory("kiln-qemu-");
        } catch (IOException e) {
            throw new QemuException("cannot create a temporary directory for QEMU's files: " + e, e);
        }
        Launch launch = new Launch(List.of(), directory);
        List<String> extra = new ArrayList<>();
        if (spec.firmware() == Firmware.UEFI) {
            Path root = Path.of("/");
            Ovmf.Installation ovmf = Ovmf.find(root).orElseThrow(() -> {
                launch.close();
                return Ovmf.notFound(root);
            });
            try {
                extra.addAll(Ovmf.qemuArgs(ovmf, directory.resolve("OVMF_VARS.fd")));
            } catch (IOException e) {
                launch.close();
                throw new QemuException("cannot copy the UEFI variable store " + ovmf.varsTemplate().orElseThrow()
                        + " to a temporary file: " + e, e);
            }
        }
        if (withQmp) {
            // QEMU creates the socket and listens; wait=off lets the guest run before a client connects.
            extra.addAll(List.of("-qmp", "unix:" + QemuCommandLine.optionValue(launch.qmpSocket()) + ",server=on,wait=off"));
        }
        return new Launch(QemuCommandLine.build(qemu, spec, accel, extra), directory);
    }

    /**
     * The QEMU binary to run: {@code override} (the {@code kiln.qemu} setting) if given, else
     * {@value #BINARY_NAME} on {@code PATH}. An override that is a bare file name is looked up on {@code PATH}
     * too. Empty if there is no such executable; an override that does not exist never falls back to PATH.
     */
    public static Optional<Path> find(Optional<Path> override) {
        if (override.isPresent()) {
            Path path = override.get();
            return path.getNameCount() == 1 && path.getParent() == null && !path.isAbsolute() && !isExecutable(path)
                    ? onPath(path.toString())
                    : Optional.of(path).filter(Qemu::isExecutable);
        }
        return onPath(BINARY_NAME);
    }

    private static Optional<Path> onPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Qemu::isExecutable)
                .findFirst();
    }

    private static boolean isExecutable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    static QemuException notFound(Optional<Path> override) {
        return override
                .map(path -> new QemuException("QEMU was not found at " + path + " (set by kiln.qemu): there is no"
                        + " executable file there. Point kiln.qemu at " + BINARY_NAME + ", or remove the setting to use"
                        + " the one on PATH. " + INSTALL_HINT))
                .orElseGet(() -> new QemuException("QEMU (" + BINARY_NAME + ") was not found on PATH. "
                        + INSTALL_HINT + "  (or set kiln.qemu to its path)"));
    }

    private static Accel resolve(RunSpec spec, Path qemu) throws QemuException {
        return switch (spec.accel()) {
            case TCG -> Accel.TCG;
            case KVM -> {
                if (!KvmProbe.deviceUsable()) {
                    throw new QemuException("KVM acceleration was requested, but " + KvmProbe.DEVICE
                            + " is missing or not readable and writable by this user. Use TCG (or AUTO, which falls"
                            + " back to TCG), or give this user access to " + KvmProbe.DEVICE + " (the kvm group).");
                }
                yield Accel.KVM;
            }
            case AUTO -> KvmProbe.kvmIsFast(qemu, spec.kvmProbeGuest().orElseThrow()) ? Accel.KVM : Accel.TCG;
        };
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover copy of the variable store in the temporary directory is harmless.
        }
    }
}
