package kiln.test.time;

import kiln.kernel.interrupts.InterruptHandler;
import kiln.kernel.interrupts.Irq;

/** Interrupt handlers that break the rules: the build must fail naming each, the rule and its call chain. */
public class BadHandlers {
    static final class Allocating implements InterruptHandler {
        private Object[] buffer = new Object[4];

        @Override
        public void handle(int vector) {
            grow();
        }

        private void grow() {
            Object[] bigger = new Object[buffer.length * 2];
            System.arraycopy(buffer, 0, bigger, 0, buffer.length);
            buffer = bigger;
        }
    }

    static final class Locking implements InterruptHandler {
        private final Object lock = new Object();
        private int count;

        @Override
        public void handle(int vector) {
            synchronized (lock) {
                count++;
            }
        }
    }

    static final class Sleeping implements InterruptHandler {
        @Override
        public void handle(int vector) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static final class Hidden implements InterruptHandler {
        private Object last;
        private Runnable later;

        @Override
        public void handle(int vector) {
            last = "vector " + vector;
            last = vector;
            later = () -> last = null;
        }
    }

    public static void main(String[] args) {
        Irq.register(1, new Allocating());
        Irq.register(3, new Locking());
        Irq.register(4, new Sleeping());
        Irq.register(5, new Hidden());
    }
}
