package kiln.bench.cpu;

/**
 * What the CPU benchmarks print, made so that Java (on Kiln and on HotSpot) and C print the same bytes.
 * Doubles are printed as fixed-point decimals computed with integer arithmetic (C's printf and Java's
 * Double.toString round differently); long outputs are folded into a 32-bit checksum. bench/cpu/c/bench.h
 * is the C side of both.
 */
final class Output {
    private Output() {
    }

    /** {@code value} rounded to 9 decimals (half up, as floor(v * 1e9 + 0.5)), e.g. "-0.169075164". */
    static String fixed9(double value) {
        long scaled = (long) Math.floor(value * 1e9 + 0.5);
        long magnitude = Math.abs(scaled);
        String fraction = Long.toString(magnitude % 1_000_000_000L);
        return (scaled < 0 ? "-" : "") + magnitude / 1_000_000_000L + "." + "0".repeat(9 - fraction.length()) + fraction;
    }

    /** A polynomial hash of a byte stream (h = h * 31 + b mod 2^32) and its length. */
    static final class Checksum {
        private long hash;
        private long length;

        void add(int unsignedByte) {
            hash = (hash * 31 + unsignedByte) & 0xffff_ffffL;
            length++;
        }

        void add(byte[] bytes, int count) {
            for (int i = 0; i < count; i++) {
                add(bytes[i] & 0xff);
            }
        }

        @Override
        public String toString() {
            return length + " bytes, checksum " + hash;
        }
    }

    /** The program's size argument (the first command-line argument) or {@code defaultSize}. */
    static int size(String[] args, int defaultSize) {
        return args.length > 0 ? Integer.parseInt(args[0]) : defaultSize;
    }
}
