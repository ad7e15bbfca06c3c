package kiln.test.programs;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;

/**
 * InputStreamReader decoding UTF-8 from a stream that hands out a few bytes per read, so that sequences are cut
 * at every position; malformed bytes become U+FFFD as the JDK decodes them.
 */
public class ReaderDecoding {
    /** A stream that answers at most {@code chunk} bytes per read, as a slow device or a pipe does. */
    static final class Trickle extends ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            return super.read(into, offset, Math.min(length, chunk));
        }
    }

    public static void main(String[] args) throws IOException {
        byte[] text = {'a', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xF0, (byte) 0x9F,
            (byte) 0x98, (byte) 0x80, '\n', (byte) 0xFF, 'b', (byte) 0xC3, '(', (byte) 0xED, (byte) 0xA0, (byte) 0x80,
            '\n', 'e', 'n', 'd', (byte) 0xE2, (byte) 0x82};
        for (int chunk = 1; chunk <= 4; chunk++) {
            InputStreamReader reader = new InputStreamReader(new Trickle(text, chunk), "UTF-8");
            System.out.print(reader.getEncoding() + ", " + chunk + " byte(s) per read:");
            BufferedReader lines = new BufferedReader(reader);
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.print(" [");
                line.chars().forEach(c -> System.out.print(" " + Integer.toHexString(c)));
                System.out.print(" ]");
            }
            lines.close();
            System.out.println(", closed: " + reader.getEncoding());
        }
        try {
            new InputStreamReader(System.in, "x-no-such-charset");
        } catch (UnsupportedEncodingException e) {
            System.out.println("UnsupportedEncodingException");
        }
    }
}
