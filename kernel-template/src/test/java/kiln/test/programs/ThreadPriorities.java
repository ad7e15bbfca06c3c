package kiln.test.programs;

/** Thread priorities as the JDK defines them: inherited from the creator, range-checked, kept by a thread that ended. */
public class ThreadPriorities {
    public static void main(String[] args) throws Exception {
        Thread main = Thread.currentThread();
        System.out.println("main starts at " + main.getPriority());
        main.setPriority(7);
        Thread child = new Thread(() -> {
            Thread self = Thread.currentThread();
            Thread grandchild = new Thread(() -> { });
            System.out.println("child runs at " + self.getPriority() + ", its new thread gets " + grandchild.getPriority());
            self.setPriority(Thread.MIN_PRIORITY);
        });
        System.out.println("a new thread gets its creator's: " + child.getPriority());
        for (int wrong : new int[] {Thread.MIN_PRIORITY - 1, Thread.MAX_PRIORITY + 1}) {
            try {
                child.setPriority(wrong);
            } catch (IllegalArgumentException e) {
                System.out.println("setPriority(" + wrong + "): " + e.getClass().getName() + " " + e.getMessage());
            }
        }
        child.setPriority(Thread.MAX_PRIORITY);
        child.start();
        child.join();
        System.out.println("after it lowered its own: " + child.getPriority());
        child.setPriority(4);
        System.out.println("setPriority on an ended thread changes nothing: " + child.getPriority());
        main.setPriority(Thread.NORM_PRIORITY);
    }
}
