package kiln.kernel.cpu;

import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.memory.PageTables;

/**
 * Brings the boot CPU from the boot stub's minimal state to the kernel's: per-CPU block, GDT + TSS with the
 * interrupt stacks, IDT, and the page tables with page 0 and the stack guard pages unmapped. Interrupts stay
 * disabled; whoever programs an interrupt controller enables them.
 */
public final class Cpu {
    private Cpu() {}

    /** Once, at boot, after the heap and {@code Interrupts.init}, before the application runs. */
    public static void init() {
        PerCpu.init();
        if (HostedLinux.isActive()) {
            HostedSignals.install(); // a Linux process has no IDT; faults arrive as signals
            return;
        }
        DescriptorTables.install();
        PageTables.init();
    }
}
