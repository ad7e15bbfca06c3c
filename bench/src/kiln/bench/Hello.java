package kiln.bench;

/** The baseline that the other programs' whole-process times include: start-up, one line of output, exit. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
