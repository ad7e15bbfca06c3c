/* mandelbrot: the same algorithm as bench/src/kiln/bench/cpu/Mandelbrot.java (checksum, no PBM output). */
#include "bench.h"

#define ITERATIONS 50

int main(int argc, char **argv) {
    int n = bench_size(argc, argv, 4000);
    struct checksum checksum = {0, 0};
    int row_bytes = (n + 7) / 8;
    unsigned char *row = calloc(row_bytes, 1);
    long long inside = 0;
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
                row[x / 8] = (unsigned char) bits;
                bits = 0;
            }
        }
        if (n % 8 != 0) {
            row[n / 8] = (unsigned char) (bits << (8 - n % 8));
        }
        checksum_add(&checksum, row, row_bytes);
    }
    printf("mandelbrot %dx%d: %lld points inside, %lld bytes, checksum %llu\n", n, n, inside, checksum.length,
            (unsigned long long) checksum.hash);
    return 0;
}
