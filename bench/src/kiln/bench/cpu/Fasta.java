package kiln.bench.cpu;

/**
 * fasta: generates three DNA sequences in FASTA format (60 bases a line): 2n bases repeating the human Alu
 * sequence, then 3n and 5n bases drawn from two frequency tables by a linear congruential generator
 * (seed 42, x ← (3877x + 29573) mod 139968). The text is checksummed instead of written out, so that the
 * benchmark measures generation, not the terminal. Byte buffers, table lookups, double comparisons.
 */
public final class Fasta {
    private static final int LINE = 60;
    private static final String ALU = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGA"
            + "CCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGG"
            + "CAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";
    private static final byte[] IUB_CODES = "acgtBDHKMNRSVWY".getBytes();
    private static final double[] IUB_FREQUENCIES = {
        0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02};
    private static final byte[] HOMO_SAPIENS_CODES = "acgt".getBytes();
    private static final double[] HOMO_SAPIENS_FREQUENCIES = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008};

    private static int seed = 42;

    public static void main(String[] args) {
        int n = Output.size(args, 2_500_000);
        Output.Checksum checksum = new Output.Checksum();
        header(">ONE Homo sapiens alu", checksum);
        repeat(ALU.getBytes(), 2 * n, checksum);
        header(">TWO IUB ambiguity codes", checksum);
        random(IUB_CODES, cumulative(IUB_FREQUENCIES), 3 * n, checksum);
        header(">THREE Homo sapiens frequency", checksum);
        random(HOMO_SAPIENS_CODES, cumulative(HOMO_SAPIENS_FREQUENCIES), 5 * n, checksum);
        System.out.println("fasta " + n + ": " + checksum);
    }

    private static void header(String line, Output.Checksum checksum) {
        byte[] bytes = (line + "\n").getBytes();
        checksum.add(bytes, bytes.length);
    }

    private static void repeat(byte[] sequence, int count, Output.Checksum checksum) {
        byte[] line = new byte[LINE + 1];
        int position = 0;
        for (int done = 0; done < count; done += LINE) {
            int length = Math.min(LINE, count - done);
            for (int i = 0; i < length; i++) {
                line[i] = sequence[position];
                position = position + 1 == sequence.length ? 0 : position + 1;
            }
            line[length] = '\n';
            checksum.add(line, length + 1);
        }
    }

    private static double[] cumulative(double[] frequencies) {
        double[] sums = new double[frequencies.length];
        double sum = 0;
        for (int i = 0; i < frequencies.length; i++) {
            sum += frequencies[i];
            sums[i] = sum;
        }
        return sums;
    }

    private static void random(byte[] codes, double[] cumulative, int count, Output.Checksum checksum) {
        byte[] line = new byte[LINE + 1];
        for (int done = 0; done < count; done += LINE) {
            int length = Math.min(LINE, count - done);
            for (int i = 0; i < length; i++) {
                double r = nextRandom(1.0);
                int code = 0;
                while (code < cumulative.length - 1 && cumulative[code] < r) {
                    code++;
                }
                line[i] = codes[code];
            }
            line[length] = '\n';
            checksum.add(line, length + 1);
        }
    }

    private static double nextRandom(double max) {
        seed = (seed * 3877 + 29573) % 139968;
        return max * seed / 139968;
    }
}
