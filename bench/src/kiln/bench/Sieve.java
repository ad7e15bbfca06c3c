package kiln.bench;

/** Array loops: the sieve of Eratosthenes up to 2 million, 20 times. */
public class Sieve {
    public static void main(String[] args) {
        int count = 0;
        for (int round = 0; round < 20; round++) {
            boolean[] composite = new boolean[2_000_000];
            count = 0;
            for (int i = 2; i < composite.length; i++) {
                if (!composite[i]) {
                    count++;
                    for (long j = (long) i * i; j < composite.length; j += i) {
                        composite[(int) j] = true;
                    }
                }
            }
        }
        System.out.println(count);
    }
}
