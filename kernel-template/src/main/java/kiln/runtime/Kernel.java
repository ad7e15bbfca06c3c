package kiln.runtime;

/**
 * Boot path from the machine into Java, and the way out.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>boot stub</dt><dd>the few hand-written instructions at the ELF entry (Multiboot2 or PVH) that the
 *       Java code cannot be: switch to long mode with the first 4 GiB identity-mapped, load a stack, store
 *       the boot loader's eax/ebx at {@code kiln_boot_magic}/{@code kiln_boot_info}, and call
 *       {@code kiln_java_start} (this class's {@link #start}) with rbp = 0.</dd>
 *   <dt>image heap</dt><dd>objects the compiler laid out in the image (string literals, Class objects,
 *       vtables): usable before the heap exists.</dd>
 *   <dt>heap</dt><dd>{@link Heap}, everything {@code new} creates at run time.</dd>
 *   <dt>exit device</dt><dd>QEMU's isa-debug-exit at port 0xf4 (docs/abi.md "Exit protocol").</dd>
 * </dl>
 *
 * <h2>Boot path</h2>
 * boot stub → {@link #start}: serial port, heap, then the application's {@code main} inside a catch-all
 * that prints an uncaught exception like HotSpot does and exits with status 1; a normal return flushes the
 * standard streams and exits with status 0, like the {@code java} launcher.
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>Calling {@code main} straight from the boot stub: the uncaught-exception report and the exit
 *       protocol would then be assembly, and every change to them a change to the stub.</li>
 *   <li>A C-like "kernel main" that sets up the machine and then starts Java: Kiln is a pure-Java product,
 *       and each piece of machine setup that can be written with intrinsics is easier to read and test in
 *       Java (the serial driver, the memory map parser).</li>
 *   <li>Running every class initializer up front from here: the order would be a guess; the compiler
 *       owns class initialization, and the runtime's own classes avoid needing it (heap and serial port
 *       initialize themselves lazily as well).</li>
 * </ul>
 */
public final class Kernel {
    private static final int EXIT_PORT = 0xf4;
    private static final int EXIT_STATUS_BIAS = 0x10;
    private static final int SYS_EXIT_GROUP = 231;
    private static final int MAX_EXIT_STATUS = 111; // 0x10 + 111 = 0x7f: QEMU exits with 255, the largest status

    private Kernel() {}

    /** Called once by the boot stub ({@code kiln_java_start}). Never returns. */
    static void start() {
        Serial.init();
        Heap.init();
        int status = 0;
        try {
            Intrinsics.callMain(new String[0]);
        } catch (Throwable uncaught) {
            Exceptions.reportUncaught(uncaught);
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        exit(status);
    }

    /** True when the kernel runs as a Linux process (the hosted target, see HostedStub in the compiler). */
    static boolean isHosted() {
        return Intrinsics.readLong(Intrinsics.symbol("kiln_hosted")) != 0;
    }

    /**
     * Ends the program with {@code status}. Under QEMU with the exit device, QEMU exits with
     * {@code ((0x10 + status) << 1) | 1}. Like a POSIX process, only the low 8 bits of the status count
     * (exit(-1) is 255, a failure), then values above 111 are clamped to 111 so that the device's range is
     * not exceeded. Without the device, prints the status and halts the CPU for good. On the hosted target,
     * flushes standard output and ends the process with exit_group(status).
     */
    public static void exit(int status) {
        if (isHosted()) {
            Serial.flushHosted();
            Intrinsics.syscall(SYS_EXIT_GROUP, status, 0, 0);
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
