package kiln.kernel.cpu;

import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.Serial;
import kiln.runtime.Intrinsics;
import kiln.runtime.MethodTable;

/**
 * The kernel's last words when a fault cannot become a Java exception: a fault in kernel code, in an interrupt
 * handler, a double fault, NMI or machine check. Prints the vector, error code, registers, CR2 and the faulting
 * Java method with its callers (file:line from the method table) on the console, then ends the machine with
 * {@link #EXIT_STATUS}. Allocates nothing and calls nothing that could fault on a healthy kernel: the heap or
 * the stack it would use may be what broke.
 *
 * <p><i>Rejected</i>: halting (a test would only see a timeout) and a triple fault (QEMU resets silently).
 */
public final class Panic {
    /** The exit status of a panic: distinct from an uncaught exception's 1 (EX_SOFTWARE in sysexits.h). */
    public static final int EXIT_STATUS = 70;
    /** Frames printed at most: a corrupt chain must not print forever. */
    private static final int MAX_FRAMES = 64;
    private static boolean panicking;

    private Panic() {}

    /** Reports the fault saved at {@code frame} and ends the machine. Never returns. */
    static void fault(long frame, int vector, String why) {
        if (panicking) {
            Serial.writeAscii("\nkiln: panic: another fault while reporting a panic (vector ");
            Serial.writeDecimal(vector);
            Serial.writeAscii(")\n");
            ExitDevice.exit(EXIT_STATUS);
        }
        panicking = true;
        Serial.writeAscii("\nkiln: panic: ");
        Serial.writeAscii(Faults.name(vector));
        Serial.writeAscii(" (vector ");
        Serial.writeDecimal(vector);
        if (InterruptFrame.hasErrorCode(vector)) {
            Serial.writeAscii(", error code ");
            writeHex(InterruptFrame.errorCode(frame, vector));
        }
        Serial.writeAscii(") ");
        Serial.writeAscii(why);
        Serial.writeAscii("\n  rip ");
        writeHex(InterruptFrame.rip(frame, vector));
        Serial.writeAscii("  rsp ");
        writeHex(InterruptFrame.rsp(frame, vector));
        Serial.writeAscii("  rbp ");
        writeHex(InterruptFrame.rbp(frame));
        Serial.writeAscii("  rflags ");
        writeHex(InterruptFrame.rflags(frame, vector));
        Serial.writeAscii("  cpu ");
        Serial.writeDecimal(PerCpu.number());
        Serial.writeAscii("\n  rax ");
        writeHex(InterruptFrame.rax(frame));
        Serial.writeAscii("  rcx ");
        writeHex(InterruptFrame.rcx(frame));
        Serial.writeAscii("  rdx ");
        writeHex(InterruptFrame.rdx(frame));
        Serial.writeAscii("  rsi ");
        writeHex(InterruptFrame.rsi(frame));
        Serial.writeAscii("  rdi ");
        writeHex(InterruptFrame.rdi(frame));
        if (vector == DescriptorTables.PAGE_FAULT) {
            Serial.writeAscii("\n  cr2 ");
            writeHex(InterruptFrame.faultAddress(frame));
        }
        Serial.writeAscii("\n");
        // The faulting instruction itself, then the return addresses up the frame-pointer chain.
        writeFrame(InterruptFrame.rip(frame, vector));
        writeCallersAndExit(InterruptFrame.rbp(frame));
    }

    /**
     * Ends a panic that kernel code (not a fault) found and began to describe on the console after
     * "{@code kiln: panic: }": a line feed, the caller's method and its callers, and the panic's exit status.
     * Allocates nothing.
     */
    public static void endWithCallers() {
        Serial.writeAscii("\n");
        writeCallersAndExit(Intrinsics.readLong(Intrinsics.framePointer()));
    }

    /** Writes the return addresses up the frame-pointer chain from {@code fp}, then ends the machine. */
    private static void writeCallersAndExit(long fp) {
        for (int i = 0; i < MAX_FRAMES && fp != 0; i++) {
            long caller = Intrinsics.readLong(fp);
            long returnAddress = Intrinsics.readLong(fp + 8);
            if (caller == 0) {
                break; // Kernel.start's frame: the boot stub's call, not Java code
            }
            writeFrame(returnAddress - 1);
            if (caller <= fp) {
                Serial.writeAscii("\t(frame chain ends: corrupt link)\n");
                break;
            }
            fp = caller;
        }
        ExitDevice.exit(EXIT_STATUS);
    }

    /** "\tat pkg.Class.method(File.java:12)" for the code at {@code address}, like a stack trace line. */
    private static void writeFrame(long address) {
        Serial.writeAscii("\tat ");
        long method = MethodTable.find(address);
        if (method == 0) {
            Serial.writeAscii("<not Java code> ");
            writeHex(address);
            Serial.writeAscii("\n");
            return;
        }
        Serial.writeAscii(MethodTable.name(method));
        Serial.writeAscii("(");
        String file = MethodTable.sourceFile(method);
        Serial.writeAscii(file == null ? "Unknown Source" : file);
        int line = MethodTable.lineNumber(method, address);
        if (file != null && line >= 0) {
            Serial.writeAscii(":");
            Serial.writeDecimal(line);
        }
        Serial.writeAscii(")\n");
    }

    private static void writeHex(long value) {
        Serial.writeAscii("0x");
        for (int shift = 60; shift >= 0; shift -= 4) {
            Serial.write("0123456789abcdef".charAt((int) (value >>> shift) & 0xF));
        }
    }
}
