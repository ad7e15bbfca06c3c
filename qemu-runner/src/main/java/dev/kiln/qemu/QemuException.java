package dev.kiln.qemu;

/**
 * QEMU could not be run at all: the binary or the firmware is missing, or the requested accelerator is not
 * available. The message says what is missing and how to fix it. (A guest that fails is not an exception:
 * it is a {@link RunResult} whose {@link RunResult#outcome()} says so.)
 */
public final class QemuException extends Exception {
    private static final long serialVersionUID = 1L;

    public QemuException(String message) {
        super(message);
    }

    public QemuException(String message, Throwable cause) {
        super(message, cause);
    }
}
