package kiln.test.programs;

/**
 * Reaches a native method without a Kiln implementation only through an interface call: BadProgramTest checks that
 * the build error's "reached from" chain goes back through the interface call to main.
 */
public class NativeThroughInterface {
    public static void main(String[] args) {
        Runnable task = new Poker();
        task.run();
    }

    static final class Poker implements Runnable {
        @Override
        public void run() {
            poke();
        }

        private static native void poke();
    }
}
