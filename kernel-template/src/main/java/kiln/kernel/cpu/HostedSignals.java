package kiln.kernel.cpu;

import kiln.kernel.drivers.ExitDevice;
import kiln.kernel.drivers.Serial;
import kiln.runtime.Intrinsics;
import kiln.runtime.ObjectModel;

/**
 * The hosted target's stand-in for the IDT: the CPU faults that Linux reports as signals reach the same
 * {@link Faults} as on bare metal, so a null dereference or an integer division by zero throws the same Java
 * exception in a Linux process as in a QEMU guest.
 * <ul>
 *   <li>{@code sigaltstack(2)}: the handler runs on the interrupt stacks' memory, never on the faulting stack
 *       (which may be the overflowed one);</li>
 *   <li>{@code rt_sigaction(2)} for SIGSEGV, SIGFPE, SIGILL and SIGBUS with SA_SIGINFO (the handler gets the
 *       ucontext), SA_ONSTACK (on the alternate stack), SA_RESTORER ({@code kiln_signal_return}, a
 *       two-instruction {@code rt_sigreturn}) and SA_NODEFER (a fault inside the handler is delivered too, lower
 *       on the same signal stack, and panics with a report instead of Linux killing the process silently); the
 *       handler is {@code kiln_signal_entry} (both InterruptStub);</li>
 *   <li>{@code mprotect(2)} makes the two stack guard pages inaccessible, as the page tables do on bare metal.
 *       Page 0 needs nothing: Linux never maps it ({@code vm.mmap_min_addr}).</li>
 *   <li>SIGALRM stands in for the timer interrupt ({@link #startTimer}: {@code setitimer(2)} ITIMER_REAL), with the
 *       same entry and the same dispatcher, so the timer's handler poisons the stack limit and preempts a loop
 *       without calls natively too (docs/abi.md "Preemption"). Its action has SA_RESTART instead of SA_NODEFER:
 *       a tick must not nest in a tick, and a system call it interrupts ({@code read}, {@code write}) goes on
 *       rather than failing with EINTR ({@code nanosleep} returns early, which the sleep loop expects).</li>
 * </ul>
 * The handler rewrites the ucontext's rip and rsp as the IDT path rewrites the interrupt frame; rt_sigreturn
 * then resumes the faulting thread inside the throw routine. The signal mask saved in the ucontext is restored by
 * rt_sigreturn too, so the next fault is delivered again.
 * <p><i>Rejected</i>: {@code signal(2)}-style handlers without SA_SIGINFO (no context to rewrite), and
 * {@code longjmp} out of the handler (the exception must be built in the faulting context for its stack trace).
 */
public final class HostedSignals {
    private static final int SYS_MPROTECT = 10, SYS_RT_SIGACTION = 13, SYS_SETITIMER = 38, SYS_SIGALTSTACK = 131;
    private static final int SIGILL = 4, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;
    /** The interval timer's signal ({@code setitimer(2)}, ITIMER_REAL). */
    static final int SIGALRM = 14;
    private static final int ITIMER_REAL = 0;
    private static final long SA_SIGINFO = 0x4, SA_ONSTACK = 0x0800_0000, SA_RESTORER = 0x0400_0000,
            SA_NODEFER = 0x4000_0000, SA_RESTART = 0x1000_0000;
    /** The kernel's sigset_t is one 64-bit word; rt_sigaction insists on its size. */
    private static final long SIGSET_BYTES = 8;
    private static final long PROT_NONE = 0, PAGE = 4096;
    private static final long SIGNAL_STACK_BYTES = 6 * 16 * 1024;

    /** The vector the timer signal is dispatched as ({@link #startTimer}); 0 until then. */
    private static int timerVector;

    private HostedSignals() {}

    static void install() {
        // stack_t: void *ss_sp; int ss_flags; size_t ss_size
        long[] signalStack = {Intrinsics.symbol("kiln_ist_stacks"), 0, SIGNAL_STACK_BYTES};
        check(Intrinsics.syscall(SYS_SIGALTSTACK, ObjectModel.elementAddress(signalStack, 0), 0, 0), "sigaltstack");
        // the kernel's struct sigaction: sa_handler, sa_flags, sa_restorer, sa_mask (nothing extra blocked)
        long[] action = {Intrinsics.symbol("kiln_signal_entry"), SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_NODEFER,
                Intrinsics.symbol("kiln_signal_return"), 0};
        long actionAddress = ObjectModel.elementAddress(action, 0);
        for (int signal : new int[] {SIGSEGV, SIGFPE, SIGILL, SIGBUS}) {
            check(Intrinsics.syscall(SYS_RT_SIGACTION, signal, actionAddress, 0, SIGSET_BYTES), "rt_sigaction");
        }
        action[1] = SA_SIGINFO | SA_ONSTACK | SA_RESTORER | SA_RESTART;
        check(Intrinsics.syscall(SYS_RT_SIGACTION, SIGALRM, actionAddress, 0, SIGSET_BYTES), "rt_sigaction");
        check(Intrinsics.syscall(SYS_MPROTECT, Intrinsics.symbol("kiln_boot_stack"), PAGE, PROT_NONE), "mprotect");
        check(Intrinsics.syscall(SYS_MPROTECT, Intrinsics.symbol("kiln_overflow_stack"), PAGE, PROT_NONE), "mprotect");
    }

    /**
     * Delivers SIGALRM every {@code periodNanos} from now on, each dispatched as an interrupt on {@code vector} (the
     * handler registered with {@code Interrupts.register}; no end-of-interrupt, there is no APIC).
     */
    public static void startTimer(int vector, long periodNanos) {
        timerVector = vector;
        // struct itimerval: it_interval {tv_sec, tv_usec}, it_value {tv_sec, tv_usec}; the first after one period
        long seconds = periodNanos / 1_000_000_000L;
        long micros = periodNanos % 1_000_000_000L / 1000;
        long[] interval = {seconds, micros, seconds, micros};
        check(Intrinsics.syscall(SYS_SETITIMER, ITIMER_REAL, ObjectModel.elementAddress(interval, 0), 0), "setitimer");
    }

    /** The vector a signal is dispatched as: the timer's for SIGALRM, else the CPU exception that raised it. */
    static int vector(int signal, int trapNumber) {
        return signal == SIGALRM ? timerVector : trapNumber;
    }

    private static void check(long result, String call) {
        if (result < 0) {
            Serial.writeAscii("kiln: ");
            Serial.writeAscii(call);
            Serial.writeAscii(" failed with errno ");
            Serial.writeDecimal(-result);
            Serial.writeAscii("; the hosted target cannot catch faults or preempt without it\n");
            ExitDevice.exit(Panic.EXIT_STATUS);
        }
    }
}
