package kiln.bench.cpu;

/**
 * fannkuch-redux: over all permutations of 0..n-1, in the order the counting rotations produce, the number of
 * prefix reversals ("pancake flips") until 0 comes first; prints the alternating-sign checksum of the counts
 * and the largest. Small int arrays, tight loops, data-dependent branches.
 */
public final class FannkuchRedux {
    public static void main(String[] args) {
        int n = Output.size(args, 10);
        int[] permutation = new int[n];
        int[] flipped = new int[n];
        int[] rotationsLeft = new int[n];
        for (int i = 0; i < n; i++) {
            permutation[i] = i;
        }
        int checksum = 0, maxFlips = 0, index = 0;
        int level = n;
        while (true) {
            for (; level > 1; level--) {
                rotationsLeft[level - 1] = level;
            }
            int flips = countFlips(permutation, flipped);
            maxFlips = Math.max(maxFlips, flips);
            checksum += index % 2 == 0 ? flips : -flips;
            // The next permutation: rotate the first level+1 elements left by one; once a prefix has been rotated
            // through all its positions, rotate the next longer one.
            while (true) {
                if (level == n) {
                    System.out.println(checksum);
                    System.out.println("Pfannkuchen(" + n + ") = " + maxFlips);
                    return;
                }
                int first = permutation[0];
                for (int i = 0; i < level; i++) {
                    permutation[i] = permutation[i + 1];
                }
                permutation[level] = first;
                if (--rotationsLeft[level] > 0) {
                    break;
                }
                level++;
            }
            index++;
        }
    }

    private static int countFlips(int[] permutation, int[] work) {
        if (permutation[0] == 0) {
            return 0;
        }
        System.arraycopy(permutation, 0, work, 0, permutation.length);
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
}
