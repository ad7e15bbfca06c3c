/* spectral-norm: the same algorithm as bench/src/kiln/bench/cpu/SpectralNorm.java. */
#include "bench.h"

static double a(int i, int j) {
    return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1);
}

static void multiply_a(const double *in, double *out, int n) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += a(i, j) * in[j];
        }
        out[i] = sum;
    }
}

static void multiply_at(const double *in, double *out, int n) {
    for (int i = 0; i < n; i++) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += a(j, i) * in[j];
        }
        out[i] = sum;
    }
}

static void multiply_ata(const double *in, double *out, double *scratch, int n) {
    multiply_a(in, scratch, n);
    multiply_at(scratch, out, n);
}

int main(int argc, char **argv) {
    int n = bench_size(argc, argv, 2000);
    double *u = malloc(n * sizeof(double)), *v = calloc(n, sizeof(double)), *scratch = calloc(n, sizeof(double));
    for (int i = 0; i < n; i++) {
        u[i] = 1.0;
    }
    for (int round = 0; round < 10; round++) {
        multiply_ata(u, v, scratch, n);
        multiply_ata(v, u, scratch, n);
    }
    double uv = 0, vv = 0;
    for (int i = 0; i < n; i++) {
        uv += u[i] * v[i];
        vv += v[i] * v[i];
    }
    print_fixed9(sqrt(uv / vv));
    return 0;
}
