/* fasta: the same algorithm as bench/src/kiln/bench/cpu/Fasta.java (checksum, no FASTA output). */
#include <string.h>
#include "bench.h"

#define LINE 60

static const char ALU[] = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
        "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGG"
        "CAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";
static const char IUB_CODES[] = "acgtBDHKMNRSVWY";
static const double IUB_FREQUENCIES[] = {
    0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
static const char HOMO_SAPIENS_CODES[] = "acgt";
static const double HOMO_SAPIENS_FREQUENCIES[] = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008};

static int seed = 42;

static double next_random(double max) {
    seed = (seed * 3877 + 29573) % 139968;
    return max * seed / 139968;
}

static void header(const char *line, struct checksum *checksum) {
    checksum_add(checksum, (const unsigned char *) line, (int) strlen(line));
    checksum_add(checksum, (const unsigned char *) "\n", 1);
}

static void repeat(const char *sequence, int count, struct checksum *checksum) {
    unsigned char line[LINE + 1];
    int length_of_sequence = (int) strlen(sequence), position = 0;
    for (int done = 0; done < count; done += LINE) {
        int length = count - done < LINE ? count - done : LINE;
        for (int i = 0; i < length; i++) {
            line[i] = sequence[position];
            position = position + 1 == length_of_sequence ? 0 : position + 1;
        }
        line[length] = '\n';
        checksum_add(checksum, line, length + 1);
    }
}

static void random_sequence(const char *codes, const double *frequencies, int symbols, int count,
        struct checksum *checksum) {
    double cumulative[16], sum = 0;
    for (int i = 0; i < symbols; i++) {
        sum += frequencies[i];
        cumulative[i] = sum;
    }
    unsigned char line[LINE + 1];
    for (int done = 0; done < count; done += LINE) {
        int length = count - done < LINE ? count - done : LINE;
        for (int i = 0; i < length; i++) {
            double r = next_random(1.0);
            int code = 0;
            while (code < symbols - 1 && cumulative[code] < r) {
                code++;
            }
            line[i] = codes[code];
        }
        line[length] = '\n';
        checksum_add(checksum, line, length + 1);
    }
}

int main(int argc, char **argv) {
    int n = bench_size(argc, argv, 2500000);
    struct checksum checksum = {0, 0};
    header(">ONE Homo sapiens alu", &checksum);
    repeat(ALU, 2 * n, &checksum);
    header(">TWO IUB ambiguity codes", &checksum);
    random_sequence(IUB_CODES, IUB_FREQUENCIES, 15, 3 * n, &checksum);
    header(">THREE Homo sapiens frequency", &checksum);
    random_sequence(HOMO_SAPIENS_CODES, HOMO_SAPIENS_FREQUENCIES, 4, 5 * n, &checksum);
    printf("fasta %d: %lld bytes, checksum %llu\n", n, checksum.length, (unsigned long long) checksum.hash);
    return 0;
}
