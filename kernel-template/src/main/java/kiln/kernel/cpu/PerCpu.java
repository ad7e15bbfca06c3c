package kiln.kernel.cpu;

import kiln.kernel.drivers.HostedLinux;
import kiln.runtime.Intrinsics;

/**
 * The per-CPU block: what each CPU needs to find without a lock, reached through the GS segment base
 * (IA32_GS_BASE, SDM Vol. 3A §3.4.4.1 and Vol. 4 MSR 0xC0000101). Its memory is {@code kiln_cpu_block}, which
 * the boot stub lays out (docs/abi.md "Per-CPU block"):
 * <pre>
 *   +0   self        the block's own address: {@code gs:[0]}, read by {@link Intrinsics#cpuBlock()}
 *   +8   stack limit {@code kiln_stack_limit}: every prologue compares rsp with it
 *   +16  stack guard {@code kiln_stack_guard}: the armed value of the limit
 *   +24  CPU number  0 for the boot CPU
 *   +32  interrupt nesting depth: how many interrupt or exception entries are running on this CPU
 * </pre>
 * With one CPU the prologue still reads the limit by its symbol (RIP-relative, one instruction shorter than
 * the {@code gs:} form); the word is the same, so a second CPU only changes the prologue's addressing.
 *
 * <p><i>Rejected</i>: a static field per value (not per CPU, and tasklets will switch the stack words), and
 * reaching the block by the local APIC ID (an MMIO read per access).
 */
public final class PerCpu {
    private static final int IA32_GS_BASE = 0xC000_0101;
    /** arch_prctl(2) on the hosted target, which cannot write MSRs. */
    private static final int SYS_ARCH_PRCTL = 158, ARCH_SET_GS = 0x1001;
    private static final long STACK_LIMIT = 8, STACK_GUARD = 16, CPU_NUMBER = 24, INTERRUPT_DEPTH = 32;

    private PerCpu() {}

    /** Points GS at the boot CPU's block. Before this, {@link Intrinsics#cpuBlock()} must not be used. */
    static void init() {
        long block = Intrinsics.symbol("kiln_cpu_block");
        if (HostedLinux.isActive()) {
            Intrinsics.syscall(SYS_ARCH_PRCTL, ARCH_SET_GS, block, 0);
        } else {
            Intrinsics.writeMsr(IA32_GS_BASE, block);
        }
    }

    /**
     * Turns the prologue's stack check off for good (limit and armed value 0), so that only the guard page stops
     * a runaway recursion: for the kernel's test hooks.
     */
    public static void disarmStackCheck() {
        Intrinsics.writeLong(Intrinsics.cpuBlock() + STACK_GUARD, 0);
        Intrinsics.writeLong(Intrinsics.cpuBlock() + STACK_LIMIT, 0);
    }

    public static int number() {
        return (int) Intrinsics.readLong(Intrinsics.cpuBlock() + CPU_NUMBER);
    }

    public static int interruptDepth() {
        return (int) Intrinsics.readLong(Intrinsics.cpuBlock() + INTERRUPT_DEPTH);
    }

    public static void setInterruptDepth(int depth) {
        Intrinsics.writeLong(Intrinsics.cpuBlock() + INTERRUPT_DEPTH, depth);
    }
}
