package kiln.kernel.boot;

import kiln.kernel.cpu.Cpu;
import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.drivers.Serial;
import kiln.kernel.interrupts.Deferred;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.memory.Heap;
import kiln.kernel.memory.StackRoots;
import kiln.kernel.sched.Scheduler;
import kiln.kernel.time.Clock;
import kiln.kernel.time.Timer;
import kiln.runtime.Exceptions;
import kiln.runtime.Intrinsics;
import kiln.runtime.OutOfMemory;

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
 *   <dt>heap</dt><dd>{@link Heap}, everything {@code new} creates at run time, in the RAM that
 *       {@link BootInformation} found free above the kernel image.</dd>
 *   <dt>exit device</dt><dd>QEMU's isa-debug-exit at port 0xf4 (docs/abi.md "Exit protocol").</dd>
 * </dl>
 *
 * <h2>Boot path</h2>
 * boot stub → {@link #start}: on bare metal the PIT window of the clocks' calibration opens ({@link Clock}), serial
 * port, boot information → heap, the scheduler (the boot path becomes the tasklet "main"), CPU tables (per-CPU
 * block, GDT, TSS, IDT, page tables: {@link Cpu}), the test hooks the kernel command line asks for ({@link
 * TestHooks}), then the application's {@code main} inside a catch-all that prints an uncaught exception like
 * HotSpot does (status 1); then, like the {@code java} launcher, it waits for the non-daemon threads to end, runs
 * the deferred work still queued, flushes the standard streams and exits with status 0 (or 1). On bare metal the
 * interrupt controllers, the timer, the console's input and interrupts on are the boot path too, but started by
 * their first user ({@link LateStart}); the TSC's calibration likewise ends at the first use of a clock
 * ({@link Clock}).
 *
 * <h2>Rejected alternatives</h2>
 * <ul>
 *   <li>Calling {@code main} straight from the boot stub: the uncaught-exception report and the exit
 *       protocol would then be assembly, and every change to them a change to the stub.</li>
 *   <li>A C-like "kernel main" that sets up the machine and then starts Java: Kiln is a pure-Java product,
 *       and each piece of machine setup that can be written with intrinsics is easier to read and test in
 *       Java (the serial driver, the memory map parser).</li>
 *   <li>Letting the heap initialize itself on the first allocation: it would have to parse the boot
 *       protocols itself, and every new firmware (UEFI) would touch the allocator. An allocation before
 *       {@link #start} set the heap up is a kernel bug and stops the machine with a message.</li>
 *   <li>Running every class initializer up front from here: the order would be a guess; the compiler
 *       owns class initialization, and the runtime's own classes avoid needing it (heap and serial port
 *       initialize themselves lazily as well).</li>
 * </ul>
 */
public final class Kernel {
    private Kernel() {}

    /** Called once by the boot stub ({@code kiln_java_start}). Never returns. */
    static void start() {
        boolean bareMetal = !HostedLinux.isActive();
        if (bareMetal) {
            Clock.startCalibration(); // its window runs while the rest starts up; the first clock use closes it
        }
        Serial.init();
        long heapStart = Heap.firstFreeAddress();
        Heap.init(heapStart, BootInformation.availableRamEnd(heapStart));
        StackRoots.configure();
        Scheduler.init(); // before anything that could take a monitor: every monitor owner is a tasklet
        Interrupts.init();
        if (bareMetal) {
            AcpiTables.rememberBiosDataArea(); // in page 0, which Cpu.init unmaps; the tables are read by LateStart
        }
        Cpu.init();
        OutOfMemory.preallocate(); // needs the heap, a tasklet, and the per-CPU block it asks about interrupts
        if (!bareMetal) {
            Timer.start(); // SIGALRM: the ticks that preempt tasklets
        }
        // On bare metal the interrupt controllers, timer and console input wait for their first user (LateStart).
        TestHooks.runRequested();
        int status = 0;
        try {
            Intrinsics.callMain(BootInformation.arguments());
        } catch (Throwable uncaught) {
            Exceptions.reportUncaught("main", uncaught);
            status = 1;
        }
        Scheduler.awaitNonDaemonTasklets();
        Runtime.runShutdownHooks();
        Deferred.drain();
        System.out.flush();
        System.err.flush();
        StackRoots.report();
        ExitDevice.exit(status);
    }
}
