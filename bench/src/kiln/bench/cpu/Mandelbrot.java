package kiln.bench.cpu;

/**
 * mandelbrot: which points c of [-1.5, 0.5] × [-1, 1] on an n×n grid stay within |z| ≤ 2 for 50 iterations of
 * z ← z² + c; the points are packed 8 to a byte, each row padded to whole bytes (the PBM P4 layout), and the
 * bytes are checksummed instead of written out. Double arithmetic in a data-dependent inner loop.
 */
public final class Mandelbrot {
    private static final int ITERATIONS = 50;

    public static void main(String[] args) {
        int n = Output.size(args, 4000);
        Output.Checksum checksum = new Output.Checksum();
        byte[] row = new byte[(n + 7) / 8];
        long inside = 0;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            int bits = 0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5;
                double zr = 0, zi = 0, zr2 = 0, zi2 = 0;
                for (int i = 0; i < ITERATIONS && zr2 + zi2 <= 4.0; i++) {
                    zi = 2.0 * zr * zi + ci;
                    zr = zr2 - zi2 + cr;
                    zr2 = zr * zr;
                    zi2 = zi * zi;
                }
                bits <<= 1;
                if (zr2 + zi2 <= 4.0) {
                    bits |= 1;
                    inside++;
                }
                if (x % 8 == 7) {
                    row[x / 8] = (byte) bits;
                    bits = 0;
                }
            }
            if (n % 8 != 0) {
                row[n / 8] = (byte) (bits << (8 - n % 8));
            }
            checksum.add(row, row.length);
        }
        System.out.println("mandelbrot " + n + "x" + n + ": " + inside + " points inside, " + checksum);
    }
}
