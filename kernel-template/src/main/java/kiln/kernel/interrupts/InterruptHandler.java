package kiln.kernel.interrupts;

/**
 * Java code that runs when an interrupt vector fires ({@link Interrupts#register}). It runs on an interrupt
 * stack with interrupts disabled, between two arbitrary instructions of the interrupted code: it must not
 * allocate, take monitors or block, and should defer real work.
 */
public interface InterruptHandler {
    void handle(int vector);
}
