package kiln.kernel.interrupts;

/**
 * Runs a handler, then tells the local APIC that the interrupt is handled (SDM Vol. 3A §11.8.5), so that it
 * delivers the next one of the same or lower priority. The dispatcher leaves EOI to the handler because not
 * every vector wants one (the APIC's spurious vector must not get one, §11.9); this wrapper is how
 * {@link Irq#register} and the timer get theirs without each handler remembering. The EOI comes after the
 * handler, with interrupts still disabled, so a handler never runs nested inside itself.
 */
public final class EndOfInterrupt implements InterruptHandler {
    private final InterruptHandler handler;

    public EndOfInterrupt(InterruptHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(int vector) {
        handler.handle(vector);
        LocalApic.endOfInterrupt();
    }
}
