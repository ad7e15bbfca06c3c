package kiln.test.programs;

public class Arithmetic {
    static int counter;

    public static void main(String[] args) {
        int[] ints = {0, 1, -1, 7, -7, 100, Integer.MAX_VALUE, Integer.MIN_VALUE, 123456789, -987654321};
        long acc = 17;
        for (int a : ints) {
            for (int b : ints) {
                acc = acc * 31 + (a + b);
                acc = acc * 31 + (a - b);
                acc = acc * 31 + (a * b);
                if (b != 0) {
                    acc = acc * 31 + (a / b);
                    acc = acc * 31 + (a % b);
                }
                acc = acc * 31 + (a << (b & 31)) + (a >> (b & 31)) + (a >>> (b & 31));
                acc ^= (a & b) | (a ^ b);
                acc += Integer.compare(a, b);
                acc += (a < b ? 1 : 0) + (a <= b ? 2 : 0) + (a > b ? 4 : 0) + (a >= b ? 8 : 0) + (a == b ? 16 : 0);
            }
        }
        System.out.println(acc);
        long[] longs = {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, -(1L << 33) + 5, 9876543210L};
        long h = 0;
        for (long a : longs) {
            for (long b : longs) {
                h = h * 1000003 + (a + b) + (a - b) * 3 + (a * b);
                if (b != 0) {
                    h += a / b + a % b;
                }
                h += (a << (b & 63)) ^ (a >> (b & 63)) ^ (a >>> (b & 63));
                h += Long.compare(a, b);
            }
        }
        System.out.println(h);
        System.out.println(Integer.MIN_VALUE / -1);
        System.out.println(Integer.MIN_VALUE % -1);
        System.out.println(Long.MIN_VALUE / -1);
        System.out.println((byte) 200 + " " + (short) 70000 + " " + (char) 65 + " " + (int) (char) -1);
        System.out.println((int) 4000000000L + " " + (long) -5);
        System.out.println(Integer.MAX_VALUE + 1);
        System.out.println(Long.MAX_VALUE + 1);
        System.out.println(Integer.toHexString(-1) + " " + Integer.toBinaryString(10) + " " + Long.toHexString(255L));
        System.out.println(Integer.parseInt("-12345") + Integer.parseInt("777"));
        System.out.println(Math.abs(-5) + Math.max(3, 9) + Math.min(-2L, 4L));
        for (int i = 0; i < 10; i++) {
            counter += i;
        }
        System.out.println(counter);
        boolean t = true;
        char c = 'x';
        System.out.println(t);
        System.out.println(c);
        System.out.println(!t);
    }
}
