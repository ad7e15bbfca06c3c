package kiln.test.time;

import kiln.kernel.interrupts.Deferred;
import kiln.kernel.interrupts.EndOfInterrupt;
import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.LocalApic;

/**
 * A handler registered on a free vector, raised by self-IPIs: it counts and hands work to the deferred queue,
 * which runs outside interrupt context when main sleeps.
 */
public class SelfInterrupts {
    static final int VECTOR = 0x80;
    static int handled;
    static int deferredRuns;

    static final class Counter implements InterruptHandler {
        private final Runnable task = () -> deferredRuns++;

        @Override
        public void handle(int vector) {
            handled++;
            Deferred.post(task);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Interrupts.register(VECTOR, new EndOfInterrupt(new Counter()));
        for (int i = 0; i < 10; i++) {
            LocalApic.sendSelf(VECTOR);
        }
        System.out.println("handled " + handled + ", deferred before sleep " + deferredRuns);
        Thread.sleep(1);
        System.out.println("deferred after sleep " + deferredRuns + ", dropped " + Deferred.dropped());
    }
}
