/*
 * What the C versions of Kiln's CPU benchmarks print, byte for byte as the Java versions
 * (bench/src/kiln/bench/cpu/Output.java): fixed-point decimals by integer arithmetic and a 32-bit polynomial
 * checksum of a byte stream.
 */
#ifndef KILN_BENCH_H
#define KILN_BENCH_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* value rounded to 9 decimals, half up (floor(v * 1e9 + 0.5)), then a line feed. */
static inline void print_fixed9(double value) {
    long long scaled = (long long) floor(value * 1e9 + 0.5);
    long long magnitude = llabs(scaled);
    printf("%s%lld.%09lld\n", scaled < 0 ? "-" : "", magnitude / 1000000000LL, magnitude % 1000000000LL);
}

struct checksum {
    uint64_t hash;
    long long length;
};

static inline void checksum_add(struct checksum *checksum, const unsigned char *bytes, int count) {
    for (int i = 0; i < count; i++) {
        checksum->hash = (checksum->hash * 31 + bytes[i]) & 0xffffffffULL;
    }
    checksum->length += count;
}

/* The program's size argument (argv[1]) or default_size. */
static inline int bench_size(int argc, char **argv, int default_size) {
    return argc > 1 ? atoi(argv[1]) : default_size;
}

/* A 15-bit pseudo-random number: x <- 1103515245x + 12345 mod 2^32, bits 16..30. */
static inline int next_random15(uint32_t *seed) {
    *seed = *seed * 1103515245u + 12345u;
    return (int) ((*seed >> 16) & 0x7fff);
}

#endif
