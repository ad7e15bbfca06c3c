package kiln.test.time;

import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Interrupts;
import kiln.kernel.interrupts.Irq;
import kiln.kernel.time.Timer;

/** Registering where the kernel does not allow it: each attempt is refused with a message that names why. */
public class ReservedVectors {
    public static void main(String[] args) {
        InterruptHandler ignore = vector -> { };
        try {
            Irq.register(16, ignore);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            Interrupts.register(Timer.VECTOR, ignore);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Interrupts.register(14, ignore);
        System.out.println("not reached");
    }
}
