package kiln.kernel.interrupts;

import kiln.kernel.cpu.Faults;
import kiln.kernel.cpu.InterruptFrame;
import kiln.kernel.cpu.PerCpu;
import kiln.kernel.drivers.HostedLinux;
import kiln.kernel.memory.Stacks;
import kiln.runtime.Intrinsics;

/**
 * The Java side of every interrupt and CPU exception: the interrupt stub calls {@link #dispatch} on an IST
 * stack, with interrupts disabled and rbp = 0 (docs/abi.md "Interrupts"). On the hosted target the same method
 * receives the fault signals (SIGSEGV, SIGFPE, SIGILL, SIGBUS) on the signal stack, from the hosted stub's
 * signal entry, with the signal's {@code ucontext_t} as the frame.
 */
public final class InterruptDispatcher {
    private InterruptDispatcher() {}

    /**
     * {@code frame}: the state the stub saved ({@link InterruptFrame}). Keeps the per-CPU nesting depth, so that a
     * fault can tell whether it interrupted an interrupt.
     */
    static void dispatch(long frame) {
        // No stack check here (KernelAbi): the limit words belong to the interrupted stack, a tasklet's anywhere
        // in the heap, so they are disarmed for the IST stack (16 KiB, enough for handlers) before any call and
        // put back before the return; a handler that moved to another tasklet's stack does not return here.
        long limitWord = Intrinsics.symbol("kiln_stack_limit");
        long guardWord = Intrinsics.symbol("kiln_stack_guard");
        long interruptedLimit = Intrinsics.readLong(limitWord);
        long interruptedGuard = Intrinsics.readLong(guardWord);
        Intrinsics.writeLong(limitWord, 0);
        Intrinsics.writeLong(guardWord, 0);
        boolean hosted = HostedLinux.isActive();
        int vector = hosted ? InterruptFrame.hostedVector(frame) : InterruptFrame.vector(frame);
        int depth = PerCpu.interruptDepth();
        PerCpu.setInterruptDepth(depth + 1);
        if (vector < Interrupts.FIRST_FREE_VECTOR) {
            Faults.handle(frame, vector, depth);
        } else {
            Interrupts.dispatch(vector);
        }
        PerCpu.setInterruptDepth(depth);
        if (!hosted) {
            InterruptFrame.finish(frame, vector);
        }
        // A preemption request poisons the limit of the interrupted code, unless its check was disarmed.
        boolean preempt = Stacks.takePreemptionRequest() && interruptedLimit != 0;
        Intrinsics.writeLong(limitWord, preempt ? Stacks.PREEMPT_POISON : interruptedLimit);
        Intrinsics.writeLong(guardWord, interruptedGuard);
    }
}
