package dev.kiln.qemu;

import java.util.OptionalInt;

/**
 * The meaning of QEMU's exit code when the {@code isa-debug-exit} device is present. A guest write of
 * {@code value} to the device's port makes QEMU exit with {@code (value << 1) | 1}; Kiln kernels write
 * {@code 0x10 + status}, so status 0 is exit code 33, status 1 is 35, and so on (docs/abi.md, "Exit protocol").
 */
final class IsaDebugExit {
    /** The port Kiln kernels write their exit value to (QEMU: {@code -device isa-debug-exit,iobase=0xf4,iosize=0x04}). */
    static final int PORT = 0xf4;
    /** Added to the status so that no guest status can produce exit code 1, QEMU's own error code. */
    static final int STATUS_BASE = 0x10;
    static final int SUCCESS_EXIT_CODE = (STATUS_BASE << 1) | 1;

    private IsaDebugExit() {
    }

    /** The guest status an exit code carries: odd codes from 33 up. */
    static OptionalInt guestStatus(int qemuExitCode) {
        boolean fromDevice = qemuExitCode >= SUCCESS_EXIT_CODE && (qemuExitCode & 1) == 1;
        return fromDevice ? OptionalInt.of((qemuExitCode - SUCCESS_EXIT_CODE) / 2) : OptionalInt.empty();
    }

    /** The outcome of a QEMU process that exited by itself with {@code qemuExitCode}. */
    static RunResult.Outcome outcome(int qemuExitCode) {
        OptionalInt status = guestStatus(qemuExitCode);
        if (status.isPresent()) {
            return status.getAsInt() == 0 ? RunResult.Outcome.SUCCESS : RunResult.Outcome.FAILURE;
        }
        // With -no-reboot a reset (including the one a triple fault causes, Intel SDM Vol. 3A §6.15, #DF)
        // makes QEMU shut down normally, with exit code 0.
        return qemuExitCode == 0 ? RunResult.Outcome.RESET : RunResult.Outcome.QEMU_ERROR;
    }
}
