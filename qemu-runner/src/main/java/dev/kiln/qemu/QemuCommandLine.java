package dev.kiln.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds QEMU's argument list from a {@link RunSpec} once the binary, accelerator and firmware are settled. */
final class QemuCommandLine {
    private QemuCommandLine() {
    }

    /**
     * @param accel        TCG or KVM (AUTO already resolved)
     * @param machineArgs  the arguments that select the firmware (none for SeaBIOS, QEMU's default) and open the
     *                     QMP socket, if wanted
     */
    static List<String> build(Path qemu, RunSpec spec, Accel accel, List<String> machineArgs) {
        if (accel == Accel.AUTO) {
            throw new IllegalArgumentException("resolve Accel.AUTO before building the command line");
        }
        List<String> args = new ArrayList<>(List.of(qemu.toString(), "-accel", accel == Accel.KVM ? "kvm" : "tcg"));
        if (accel == Accel.TCG) {
            // Every feature TCG emulates. Not under KVM, where "max" means the host's CPU: on a nested-virtualization
            // host QEMU 7.2 aborts with it ("failed to set MSR 0x10a"), so KVM keeps QEMU's default model.
            args.addAll(List.of("-cpu", "max"));
        }
        args.addAll(List.of(
                "-m", Integer.toString(spec.memoryMiB()),
                "-display", "none",
                "-monitor", "none",
                // COM1 on QEMU's stdout, which a reader thread copies to the log as it arrives.
                "-serial", "stdio",
                "-device", "isa-debug-exit,iobase=0x" + Integer.toHexString(IsaDebugExit.PORT) + ",iosize=0x04",
                // A reset (or triple fault) ends QEMU with exit code 0 instead of rebooting the guest forever.
                "-no-reboot"));
        args.addAll(machineArgs);
        args.addAll(imageArgs(spec.kind(), spec.image()));
        args.addAll(spec.extraArgs());
        return List.copyOf(args);
    }

    static List<String> imageArgs(ImageKind kind, Path image) {
        return switch (kind) {
            case ISO -> List.of("-cdrom", image.toString(), "-boot", "d");
            case DISK -> List.of("-drive", "format=raw,file=" + optionValue(image));
            case KERNEL_ELF -> List.of("-kernel", image.toString());
        };
    }

    /** A path inside a QEMU option list ({@code key=value,key=value}), where a literal comma is written twice. */
    static String optionValue(Path path) {
        return path.toString().replace(",", ",,");
    }
}
