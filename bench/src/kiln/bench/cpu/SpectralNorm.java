package kiln.bench.cpu;

/**
 * spectral-norm: the largest singular value of the infinite matrix A(i,j) = 1 / ((i+j)(i+j+1)/2 + i + 1),
 * truncated to n×n, by 10 rounds of the power method on AᵀA. Nested double loops over arrays, divisions.
 */
public final class SpectralNorm {
    public static void main(String[] args) {
        int n = Output.size(args, 2000);
        double[] u = new double[n];
        double[] v = new double[n];
        double[] scratch = new double[n];
        java.util.Arrays.fill(u, 1.0);
        for (int round = 0; round < 10; round++) {
            multiplyAtA(u, v, scratch);
            multiplyAtA(v, u, scratch);
        }
        double uv = 0, vv = 0;
        for (int i = 0; i < n; i++) {
            uv += u[i] * v[i];
            vv += v[i] * v[i];
        }
        System.out.println(Output.fixed9(Math.sqrt(uv / vv)));
    }

    private static double a(int i, int j) {
        return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
    }

    private static void multiplyA(double[] in, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int j = 0; j < in.length; j++) {
                sum += a(i, j) * in[j];
            }
            out[i] = sum;
        }
    }

    private static void multiplyAt(double[] in, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int j = 0; j < in.length; j++) {
                sum += a(j, i) * in[j];
            }
            out[i] = sum;
        }
    }

    private static void multiplyAtA(double[] in, double[] out, double[] scratch) {
        multiplyA(in, scratch);
        multiplyAt(scratch, out);
    }
}
