package kiln.kernel.drivers;

import kiln.runtime.Intrinsics;

/**
 * The way out of the guest: QEMU's {@code isa-debug-exit} device at port 0xf4 (docs/abi.md "Exit
 * protocol"), or {@code exit_group} on the hosted target.
 */
public final class ExitDevice {
    private static final int EXIT_PORT = 0xf4;
    private static final int EXIT_STATUS_BIAS = 0x10;
    private static final int MAX_EXIT_STATUS = 111; // 0x10 + 111 = 0x7f: QEMU exits with 255, the largest status

    private ExitDevice() {}

    /**
     * Ends the program with {@code status}. Under QEMU with the exit device, QEMU exits with
     * {@code ((0x10 + status) << 1) | 1}. Like a POSIX process, only the low 8 bits of the status count
     * (exit(-1) is 255, a failure), then values above 111 are clamped to 111 so that the device's range is
     * not exceeded. Without the device, prints the status and halts the CPU for good. On the hosted target,
     * flushes standard output and ends the process with exit_group(status). Allocates nothing.
     */
    public static void exit(int status) {
        if (HostedLinux.isActive()) {
            Serial.flushHosted();
            HostedLinux.exitGroup(status);
        }
        int deviceStatus = Math.min(status & 0xFF, MAX_EXIT_STATUS);
        Intrinsics.outl(EXIT_PORT, EXIT_STATUS_BIAS + deviceStatus);
        Serial.writeAscii("kiln: halted (exit status ");
        Serial.writeDecimal(status);
        Serial.writeAscii(")\n");
        Intrinsics.disableInterrupts();
        while (true) {
            Intrinsics.halt();
        }
    }
}
