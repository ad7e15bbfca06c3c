package kiln.kernel.interrupts;

import kiln.kernel.cpu.Faults;
import kiln.kernel.cpu.InterruptFrame;
import kiln.kernel.cpu.PerCpu;

/**
 * The Java side of every interrupt and CPU exception: the interrupt stub calls {@link #dispatch} on an IST
 * stack, with interrupts disabled and rbp = 0 (docs/abi.md "Interrupts").
 */
public final class InterruptDispatcher {
    private InterruptDispatcher() {}

    /**
     * {@code frame}: the state the stub saved ({@link InterruptFrame}). Keeps the per-CPU nesting depth, so that a
     * fault can tell whether it interrupted an interrupt.
     */
    static void dispatch(long frame) {
        int vector = InterruptFrame.vector(frame);
        int depth = PerCpu.interruptDepth();
        PerCpu.setInterruptDepth(depth + 1);
        if (vector < Interrupts.FIRST_FREE_VECTOR) {
            Faults.handle(frame, vector, depth);
        } else {
            Interrupts.dispatch(vector);
        }
        PerCpu.setInterruptDepth(depth);
        InterruptFrame.finish(frame, vector);
    }
}
