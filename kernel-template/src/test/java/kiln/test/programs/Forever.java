package kiln.test.programs;

/** Never exits; the test checks that the guest is killed at the timeout. */
public class Forever {
    public static void main(String[] args) {
        System.out.println("looping");
        long i = 0;
        while (args.length == 0) {
            i++;
        }
        System.out.println(i);
    }
}
