package kiln.kernel.boot;

import kiln.runtime.Intrinsics;

/**
 * Faults on purpose, for the kernel's own boot tests, chosen by a word on the kernel command line (QEMU
 * {@code -append}); documented in docs/abi.md "Test hooks".
 * <ul>
 *   <li>{@code kiln.test=kernel-fault}: a read through a null address in kernel code, before main runs; the
 *       kernel must panic with a report and a failing exit status.</li>
 *   <li>{@code kiln.test=guard-page-only}: disarms the prologue's stack check for the whole run, so that a
 *       StackOverflowError can only come from the boot stack's guard page.</li>
 * </ul>
 * Why the command line and not an API: only whoever boots the machine controls it. An application cannot reach
 * these methods — they are private, and the kernel's packages refuse application classes — and a program
 * without the word in its command line behaves exactly as if this class did not exist.
 */
final class TestHooks {
    private TestHooks() {}

    static void runRequested() {
        if (BootInformation.commandLineHas("kiln.test=kernel-fault")) {
            faultInKernel();
        }
        if (BootInformation.commandLineHas("kiln.test=guard-page-only")) {
            Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_guard"), 0);
            Intrinsics.writeLong(Intrinsics.symbol("kiln_stack_limit"), 0);
        }
    }

    /** Reads address 8, in page 0, which PageTables leaves unmapped. */
    private static void faultInKernel() {
        Intrinsics.readLong(8);
    }
}
