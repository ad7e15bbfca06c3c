package kiln.test.programs;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The JDK's InputStreamReader (StreamDecoder over NIO buffers) and OutputStreamWriter with several charsets,
 * by name and by Charset, on well-formed and malformed input, read a few bytes at a time; Charset.forName with
 * aliases; and new String(bytes, charset) agreeing with the reader. Only the charsets of StandardCharsets are in
 * an image (kiln.lib.patches.java.nio.charset.Charset), so the names here are theirs.
 */
public class CharsetReaders {
    static String codes(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(Integer.toHexString(c)).append(' '));
        return out.toString().trim();
    }

    static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[5];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    public static void main(String[] args) throws IOException {
        String text = "a\u00e9\u20ac\ud83d\ude00 \u00ff\u0100z";
        String[] names = {"UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16", "UTF-16BE", "UTF-16LE", "utf8", "latin1",
            "ascii", "UnicodeBigUnmarked", "X-UTF-16LE", "no-such-charset"};
        for (String name : names) {
            try {
                Charset charset = Charset.forName(name);
                byte[] bytes = text.getBytes(charset);
                StringBuilder line = new StringBuilder(name + " -> " + charset.name() + " " + charset.aliases().contains(name)
                        + " encoded " + bytes.length + ":");
                for (int chunk = 1; chunk <= 3; chunk++) {
                    InputStreamReader reader = new InputStreamReader(new ReaderDecoding.Trickle(bytes, chunk), name);
                    String decoded = readAll(reader);
                    line.append(" [").append(codes(decoded)).append("] ").append(decoded.equals(new String(bytes, charset)))
                            .append(' ').append(reader.getEncoding());
                    reader.close();
                }
                System.out.println(line);
            } catch (UnsupportedCharsetException e) {
                System.out.println(name + ": UnsupportedCharsetException " + e.getMessage());
            }
        }

        byte[][] malformed = {
            {'a', (byte) 0xC3, '(', (byte) 0xFF, 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            {(byte) 0xE2, (byte) 0x82},
            {'x', (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xAF, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, 'y'},
            {(byte) 0xFE, (byte) 0xFF, 0, 'h', (byte) 0xD8, 0},
            {(byte) 0xFF, (byte) 0xFE, 'h', 0, 'i'},
        };
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16}) {
            for (byte[] bytes : malformed) {
                StringBuilder line = new StringBuilder(charset + ":");
                for (int chunk = 1; chunk <= 4; chunk += 3) {
                    String decoded = readAll(new InputStreamReader(new ReaderDecoding.Trickle(bytes, chunk), charset));
                    line.append(" [").append(codes(decoded)).append("] ").append(decoded.equals(new String(bytes, charset)));
                }
                try {
                    CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                    line.append(" strict: ").append(codes(strict.decode(ByteBuffer.wrap(bytes)).toString()));
                } catch (CharacterCodingException e) {
                    line.append(" strict: ").append(e);
                }
                System.out.println(line);
            }
        }

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ReaderDecoding.Trickle(
                "first\r\nsecond\nthird \u00e9\u00e8".getBytes(StandardCharsets.UTF_8), 2), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println("line [" + line + "] " + line.length());
            }
        }

        CharsetDecoder replacing = StandardCharsets.US_ASCII.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .replaceWith("?");
        System.out.println("decoder reader: " + readAll(new InputStreamReader(new ByteArrayInputStream(
                new byte[] {'o', 'k', (byte) 0x99, '!'}), replacing)));

        for (String name : new String[] {"UTF-8", "ISO-8859-1", "US-ASCII", "UTF-16LE"}) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(sink, name)) {
                writer.write(text);
                writer.write('\n');
            }
            System.out.println("writer " + name + ": " + java.util.Arrays.toString(sink.toByteArray()));
        }

        CharBuffer chars = StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(new byte[] {(byte) 0xA9, 0x41}));
        System.out.println("Charset.decode " + codes(chars.toString()) + " " + Charset.isSupported("utf-16le") + " " + Charset.isSupported("x-no-such") + " "
                + Charset.defaultCharset() + " " + Charset.forName("UTF-8").equals(StandardCharsets.UTF_8));
        try {
            new InputStreamReader(System.in, "x-no-such-charset");
        } catch (java.io.UnsupportedEncodingException e) {
            System.out.println("UnsupportedEncodingException " + e.getMessage());
        }
        try {
            Charset.forName("bad name!");
        } catch (RuntimeException e) {
            System.out.println(e);
        }
    }
}
