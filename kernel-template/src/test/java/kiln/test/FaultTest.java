package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.qemu.RunResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Faults that are not the program's: the kernel's test hooks (kiln.kernel.boot.TestHooks), chosen on the kernel
 * command line, which only the one who boots the machine controls.
 */
class FaultTest {
    /** Panic.EXIT_STATUS in the kernel template. */
    private static final int PANIC_STATUS = 70;

    /** Boots Hello with the hook {@code commandLine} and returns the console output of the panic it must end in. */
    private static String panicReport(String commandLine) throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.programs.Hello", Duration.ofSeconds(60), commandLine);
        String serial = result.serialOutput();
        assertEquals(RunResult.Outcome.FAILURE, result.outcome(), result.describe() + "\n" + serial);
        assertEquals(PANIC_STATUS, result.guestStatus().orElse(-1), serial);
        return serial;
    }

    @Test
    void aFaultInKernelCodePanicsWithASymbolizedReportAndAFailingStatus() throws Exception {
        String serial = panicReport("kiln.test=kernel-fault");
        assertTrue(serial.contains("kiln: panic: page fault (vector 14, error code 0x0000000000000000) in kernel code"), serial);
        assertTrue(serial.contains("  cr2 0x0000000000000008"), serial);
        assertTrue(serial.matches("(?s).*  rip 0x\\p{XDigit}{16}  rsp 0x\\p{XDigit}{16}  rbp 0x\\p{XDigit}{16}  rflags 0x\\p{XDigit}{16}  cpu 0\n.*"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.boot.TestHooks.faultInKernel(TestHooks.java:"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.boot.Kernel.start(Kernel.java:"), serial);
        assertTrue(!serial.contains("Hello"), "main must not have run: " + serial);
    }

    @Test
    void aGeneralProtectionFaultInKernelCodePanicsToo() throws Exception {
        String serial = panicReport("kiln.test=kernel-general-protection");
        assertTrue(serial.contains("kiln: panic: general protection fault (vector 13, error code 0x0000000000000000) in kernel code"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.boot.TestHooks.runRequested(TestHooks.java:"), serial);
    }

    @Test
    void aDoubleFaultPanicsOnItsOwnStack() throws Exception {
        String serial = panicReport("kiln.test=double-fault");
        assertTrue(serial.contains("kiln: panic: double fault (vector 8, error code 0x0000000000000000) (not recoverable)"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.boot.TestHooks.runRequested(TestHooks.java:"), serial);
    }

    @Test
    void heapExhaustedByKernelCodePanicsInsteadOfThrowing() throws Exception {
        String serial = panicReport("kiln.test=heap-exhausted-in-kernel");
        assertTrue(serial.matches("(?s).*kiln: panic: out of memory in kernel code: kiln\\.kernel\\.boot\\.TestHooks\\.exhaustHeap: \\d+ bytes requested\n.*"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.boot.TestHooks.runRequested(TestHooks.java:"), serial);
        assertTrue(!serial.contains("OutOfMemoryError"), serial);
    }

    @Test
    void aFaultInAnInterruptHandlerPanics() throws Exception {
        String serial = panicReport("kiln.test=fault-in-handler");
        assertTrue(serial.contains("kiln: panic: page fault (vector 14, error code 0x0000000000000000) in an interrupt handler"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.interrupts.Interrupts.dispatch(Interrupts.java:"), serial);
        assertTrue(serial.contains("\tat kiln.kernel.interrupts.InterruptDispatcher.dispatch(InterruptDispatcher.java:"), serial);
    }

    @Test
    void interruptsReachTheirHandlerAndStrayOnesAreCountedNotFatal() throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.programs.Hello", Duration.ofSeconds(60), "kiln.quiet kiln.test=interrupts");
        String serial = result.serialOutput();
        assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + serial);
        String stray = "kiln: interrupt vector 153 has no handler; ignored (counted in Interrupts.unexpectedCount)\n";
        assertEquals(serial.indexOf(stray), serial.lastIndexOf(stray), "reported once: " + serial);
        assertTrue(serial.contains(stray), serial);
        assertTrue(serial.contains("kiln.test: unexpected 2, handled vector 153\n"), serial);
        assertTrue(serial.contains("kiln.test: interrupt vector 14 is reserved for the CPU exception 'page fault'"), serial);
        assertTrue(serial.contains("kiln.test: interrupt vector 153 already has a handler"), serial);
        assertTrue(serial.endsWith(KilnRunner.onHotSpot("kiln.test.programs.Hello").output()), serial);
    }

    @Test
    void theGuardPageAloneStopsUnboundedRecursion() throws Exception {
        String program = "kiln.test.programs.DeepRecursion";
        KilnRunner.assertSameAsHotSpot(program, KilnRunner.onKiln(program, "kiln.test=guard-page-only"));
    }

    @Test
    void aFaultInKernelCodePanicsOnTheHostedTargetToo() throws Exception {
        KilnRunner.Outcome outcome = KilnRunner.onLinux("kiln.test.programs.Hello", "kiln.test=kernel-fault");
        String output = outcome.output();
        assertEquals(PANIC_STATUS, outcome.status(), output);
        assertTrue(output.contains("kiln: panic: page fault (vector 14, error code 0x"), output);
        assertTrue(output.contains(") in kernel code\n"), output);
        assertTrue(output.contains("  cr2 0x0000000000000008"), output);
        assertTrue(output.contains("\tat kiln.kernel.boot.TestHooks.faultInKernel(TestHooks.java:"), output);
    }

    @Test
    void theGuardPageAloneStopsUnboundedRecursionOnTheHostedTargetToo() throws Exception {
        String program = "kiln.test.programs.DeepRecursion";
        KilnRunner.assertSameAsHotSpot(program, KilnRunner.onLinux(program, "kiln.test=guard-page-only"));
    }

    @Test
    void aWordThatIsNotAHookChangesNothing() throws Exception {
        String program = "kiln.test.programs.NullPointers";
        KilnRunner.assertSameAsHotSpot(program, KilnRunner.onKiln(program, "kiln.test=kernel-faultx quiet"));
    }
}
