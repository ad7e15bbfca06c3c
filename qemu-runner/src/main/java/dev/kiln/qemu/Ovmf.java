package dev.kiln.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Finds OVMF, the UEFI firmware for QEMU, where Linux distributions install it, and turns it into QEMU arguments.
 *
 * <p>A split build (OVMF_CODE + OVMF_VARS) goes on two pflash drives: the code read-only, the variable store
 * as a writable copy per run, so that runs never change the installed template or each other. A combined
 * OVMF.fd is loaded with {@code -bios}; OVMF then keeps its variables in RAM.
 */
final class Ovmf {
    static final String INSTALL_HINT = "Install it with: sudo apt-get install -y ovmf";

    /** One installed firmware: its code and, for split builds, the variable-store template. */
    record Installation(Path code, Optional<Path> varsTemplate) {
    }

    /** Locations relative to the file-system root, in order of preference. */
    private static final List<Installation> KNOWN = List.of(
            split("usr/share/OVMF/OVMF_CODE_4M.fd", "usr/share/OVMF/OVMF_VARS_4M.fd"),   // Debian 12, Ubuntu 22.04+
            split("usr/share/OVMF/OVMF_CODE.fd", "usr/share/OVMF/OVMF_VARS.fd"),         // Debian/Ubuntu 2 MiB build
            split("usr/share/edk2/ovmf/OVMF_CODE.fd", "usr/share/edk2/ovmf/OVMF_VARS.fd"), // Fedora
            split("usr/share/edk2/x64/OVMF_CODE.fd", "usr/share/edk2/x64/OVMF_VARS.fd"),   // Arch
            combined("usr/share/ovmf/OVMF.fd"),
            combined("usr/share/qemu/OVMF.fd"));

    private Ovmf() {
    }

    private static Installation split(String code, String vars) {
        return new Installation(Path.of(code), Optional.of(Path.of(vars)));
    }

    private static Installation combined(String code) {
        return new Installation(Path.of(code), Optional.empty());
    }

    /** The first known firmware installed under {@code root} (the file-system root outside tests). */
    static Optional<Installation> find(Path root) {
        return KNOWN.stream()
                .map(known -> new Installation(root.resolve(known.code()), known.varsTemplate().map(root::resolve)))
                .filter(found -> Files.isReadable(found.code())
                        && found.varsTemplate().map(Files::isReadable).orElse(true))
                .findFirst();
    }

    static QemuException notFound(Path root) {
        return new QemuException("UEFI firmware (OVMF) was not found; looked for "
                + KNOWN.stream().map(known -> root.resolve(known.code()).toString()).toList()
                + ". " + INSTALL_HINT + "  (or boot with BIOS firmware)");
    }

    /**
     * QEMU arguments for {@code firmware}; for a split build the variable store is copied to {@code varsCopy}
     * first.
     */
    static List<String> qemuArgs(Installation firmware, Path varsCopy) throws IOException {
        if (firmware.varsTemplate().isEmpty()) {
            return List.of("-bios", firmware.code().toString());
        }
        Files.copy(firmware.varsTemplate().get(), varsCopy, StandardCopyOption.REPLACE_EXISTING);
        return List.of(
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + QemuCommandLine.optionValue(firmware.code()),
                "-drive", "if=pflash,format=raw,unit=1,file=" + QemuCommandLine.optionValue(varsCopy));
    }
}
