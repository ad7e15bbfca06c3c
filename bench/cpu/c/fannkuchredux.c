/* fannkuch-redux: the same algorithm as bench/src/kiln/bench/cpu/FannkuchRedux.java. */
#include <string.h>
#include "bench.h"

static int count_flips(const int *permutation, int *work, int n) {
    if (permutation[0] == 0) {
        return 0;
    }
    memcpy(work, permutation, n * sizeof(int));
    int flips = 0;
    for (int first = work[0]; first != 0; first = work[0]) {
        for (int low = 0, high = first; low < high; low++, high--) {
            int swap = work[low];
            work[low] = work[high];
            work[high] = swap;
        }
        flips++;
    }
    return flips;
}

int main(int argc, char **argv) {
    int n = bench_size(argc, argv, 10);
    int *permutation = malloc(n * sizeof(int)), *flipped = malloc(n * sizeof(int));
    int *rotations_left = calloc(n, sizeof(int));
    for (int i = 0; i < n; i++) {
        permutation[i] = i;
    }
    int checksum = 0, max_flips = 0, index = 0;
    int level = n;
    for (;;) {
        for (; level > 1; level--) {
            rotations_left[level - 1] = level;
        }
        int flips = count_flips(permutation, flipped, n);
        if (flips > max_flips) {
            max_flips = flips;
        }
        checksum += index % 2 == 0 ? flips : -flips;
        for (;;) {
            if (level == n) {
                printf("%d\nPfannkuchen(%d) = %d\n", checksum, n, max_flips);
                return 0;
            }
            int first = permutation[0];
            for (int i = 0; i < level; i++) {
                permutation[i] = permutation[i + 1];
            }
            permutation[level] = first;
            if (--rotations_left[level] > 0) {
                break;
            }
            level++;
        }
        index++;
    }
}
