package kiln.test.programs;

import java.util.HexFormat;
import java.util.zip.Deflater;

/**
 * Prints, in hex, one line per sample of {@link ZipStreams#samples()}, what this runtime's Deflater makes of it at
 * each of the levels 0, 1, default and 9, wrapped and raw: run on Kiln, HotSpot's Inflater (zlib) reads the
 * lines back in ZipDifferentialTest.
 */
public class ZipStreamsEmit {
    public static final int[] LEVELS = {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION,
        Deflater.BEST_COMPRESSION};

    public static void main(String[] args) {
        for (byte[] sample : ZipStreams.samples()) {
            for (int level : LEVELS) {
                for (boolean nowrap : new boolean[] {false, true}) {
                    System.out.println(HexFormat.of().formatHex(ZipStreams.deflate(sample, level, nowrap, 5000)));
                }
            }
        }
    }
}
