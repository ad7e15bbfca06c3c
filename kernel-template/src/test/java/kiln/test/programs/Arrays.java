package kiln.test.programs;

public class Arrays {
    public static void main(String[] args) {
        int[] primes = new int[20];
        int count = 0;
        for (int n = 2; count < primes.length; n++) {
            boolean prime = true;
            for (int i = 0; i < count && primes[i] * primes[i] <= n; i++) {
                if (n % primes[i] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[count++] = n;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int p : primes) {
            sb.append(p).append(' ');
        }
        System.out.println(sb);
        long[][] grid = new long[4][5];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                grid[i][j] = (long) i * j - 3;
            }
        }
        long sum = 0;
        for (long[] row : grid) {
            for (long v : row) {
                sum += v;
            }
        }
        System.out.println(sum + " " + grid.length + " " + grid[2].length);
        int[][] jagged = {{1}, {2, 3}, {4, 5, 6}};
        System.out.println(jagged[2][1] + jagged[1][0]);
        char[] letters = {'d', 'a', 'c', 'b'};
        for (int i = 0; i < letters.length; i++) {
            for (int j = i + 1; j < letters.length; j++) {
                if (letters[j] < letters[i]) {
                    char t = letters[i];
                    letters[i] = letters[j];
                    letters[j] = t;
                }
            }
        }
        System.out.println(new String(letters));
        int[] copy = primes.clone();
        copy[0] = 99;
        System.out.println(primes[0] + " " + copy[0] + " " + copy.length);
        int[] dest = new int[6];
        System.arraycopy(primes, 2, dest, 1, 4);
        System.arraycopy(dest, 1, dest, 2, 3);
        for (int v : dest) {
            System.out.print(v);
            System.out.print(',');
        }
        System.out.println();
        String[] words = {"x", "yy", "zzz"};
        Object[] objects = words;
        System.out.println(objects.length + words[2]);
        try {
            objects[0] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("caught ArrayStoreException");
        }
        try {
            System.out.println(primes[20]);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println(e.getMessage());
        }
        try {
            int[] negative = new int[count - 30];
            System.out.println(negative.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("caught NegativeArraySizeException");
        }
        byte[] bytes = new byte[3];
        bytes[0] = (byte) 0xff;
        short[] shorts = {-1, 300};
        boolean[] bools = new boolean[2];
        bools[1] = true;
        System.out.println(bytes[0] + " " + shorts[0] + shorts[1] + " " + bools[0] + bools[1]);
    }
}
