package kiln.kernel.boot;

import kiln.kernel.cpu.PerCpu;
import kiln.kernel.drivers.Serial;
import kiln.kernel.interrupts.Interrupts;
import kiln.runtime.Intrinsics;

/**
 * Faults on purpose, for the kernel's own boot tests, chosen by a word on the kernel command line (QEMU
 * {@code -append}; on the hosted target, a program argument); documented in docs/abi.md "Test hooks".
 * <ul>
 *   <li>{@code kiln.test=kernel-fault}: a read through a null address in kernel code, before main runs; the
 *       kernel must panic with a report and a failing exit status.</li>
 *   <li>{@code kiln.test=kernel-general-protection}: a read at a non-canonical address in kernel code (#GP).</li>
 *   <li>{@code kiln.test=double-fault}: points the page fault's interrupt stack (TSS IST4) into the unmapped page
 *       0, then faults: the CPU cannot push the page fault's frame, which is a double fault (SDM Vol. 3A §6.15,
 *       interrupt 8, Table 6-5) on its own stack, IST1; it must panic with a report, not reset.</li>
 *   <li>{@code kiln.test=fault-in-handler}: an interrupt handler that reads through a null address: a fault
 *       while an interrupt is being handled, which must panic.</li>
 *   <li>{@code kiln.test=interrupts}: raises vector 0x99 before and after registering a handler for it, and tries
 *       two registrations that must be refused; reports what happened on the console, then main runs.</li>
 *   <li>{@code kiln.test=heap-exhausted-in-kernel}: kernel code allocates until the heap is exhausted, before
 *       main runs; the kernel must panic naming the method, since an exception could leave kernel structures
 *       half-changed.</li>
 *   <li>{@code kiln.test=guard-page-only}: disarms the prologue's stack check for the whole run, so that a
 *       StackOverflowError can only come from the boot stack's guard page.</li>
 * </ul>
 * Why the command line and not an API: only whoever boots the machine controls it. An application cannot reach
 * these methods — they are private, and the kernel's packages refuse application classes — and a program
 * without the word in its command line behaves exactly as if this class did not exist.
 */
final class TestHooks {
    private static final int TEST_VECTOR = 0x99, FAULTING_VECTOR = 0x9A;
    /** Bits 63:47 differ: not canonical, so any access raises #GP (SDM Vol. 3A §3.3.7.1). */
    private static final long NON_CANONICAL_ADDRESS = 0x8000_0000_0000_0000L;
    /** TSS offset of IST4, the page fault's stack (SDM Vol. 3A Figure 8-11; kiln.kernel.cpu.DescriptorTables). */
    private static final long TSS_IST4 = 36 + 3 * 8;
    /** A stack top whose first push lands in page 0. */
    private static final long PAGE_FAULT_STACK_IN_PAGE_0 = 0x1000;
    private static int handledVector;

    private TestHooks() {}

    static void runRequested() {
        if (BootInformation.commandLineHas("kiln.test=kernel-fault")) {
            faultInKernel();
        }
        if (BootInformation.commandLineHas("kiln.test=kernel-general-protection")) {
            Intrinsics.readLong(NON_CANONICAL_ADDRESS);
        }
        if (BootInformation.commandLineHas("kiln.test=interrupts")) {
            interrupts();
        }
        if (BootInformation.commandLineHas("kiln.test=double-fault")) {
            Intrinsics.writeLong(Intrinsics.symbol("kiln_tss") + TSS_IST4, PAGE_FAULT_STACK_IN_PAGE_0);
            faultInKernel();
        }
        if (BootInformation.commandLineHas("kiln.test=fault-in-handler")) {
            Interrupts.register(FAULTING_VECTOR, vector -> Intrinsics.readLong(8));
            Intrinsics.softwareInterrupt(FAULTING_VECTOR);
        }
        if (BootInformation.commandLineHas("kiln.test=heap-exhausted-in-kernel")) {
            exhaustHeap();
        }
        if (BootInformation.commandLineHas("kiln.test=guard-page-only")) {
            PerCpu.disarmStackCheck();
        }
    }

    /** Chains 1 MiB arrays until an allocation fails. */
    private static void exhaustHeap() {
        Object[] chain = null;
        while (true) {
            chain = new Object[] {chain, new long[128 * 1024]};
        }
    }

    private static void interrupts() {
        Intrinsics.softwareInterrupt(TEST_VECTOR);
        Intrinsics.softwareInterrupt(TEST_VECTOR);
        Interrupts.register(TEST_VECTOR, vector -> handledVector = vector);
        Intrinsics.softwareInterrupt(TEST_VECTOR);
        Serial.writeAscii("kiln.test: unexpected " + Interrupts.unexpectedCount(TEST_VECTOR) + ", handled vector "
                + handledVector + "\n");
        refuse(14);
        refuse(TEST_VECTOR);
    }

    private static void refuse(int vector) {
        try {
            Interrupts.register(vector, ignored -> { });
            Serial.writeAscii("kiln.test: registered vector " + vector + "\n");
        } catch (IllegalArgumentException e) {
            Serial.writeAscii("kiln.test: " + e.getMessage() + "\n");
        }
    }

    /** Reads address 8, in page 0, which PageTables leaves unmapped. */
    private static void faultInKernel() {
        Intrinsics.readLong(8);
    }
}
