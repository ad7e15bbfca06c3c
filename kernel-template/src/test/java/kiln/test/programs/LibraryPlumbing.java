package kiln.test.programs;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The JDK plumbing that libraries from Maven Central reach without asking for it: charsets looked up by name
 * (Commons IO, jsoup), String's conversions with a charset, java.nio's heap buffers, and a stream over a plain
 * Iterable (Commons IO's IOStream.of).
 */
public class LibraryPlumbing {
    public static void main(String[] args) {
        for (String name : new String[] {"UTF-8", "utf8", "UTF-16LE", "ISO-8859-1", "latin1", "US-ASCII"}) {
            Charset charset = Charset.forName(name);
            System.out.println(name + " -> " + charset.name() + " " + charset.aliases().contains(name.toLowerCase())
                    + " " + Charset.isSupported(name) + " " + charset.canEncode());
        }
        try {
            Charset.forName("x-no-such-charset");
        } catch (UnsupportedCharsetException e) {
            System.out.println("UnsupportedCharsetException " + e.getCharsetName());
        }
        System.out.println("isSupported " + Charset.isSupported("x-no-such-charset"));
        byte[] utf16 = "Grüße".getBytes(StandardCharsets.UTF_16BE);
        System.out.println("UTF-16BE bytes " + utf16.length + " back " + new String(utf16, StandardCharsets.UTF_16BE).length());
        System.out.println("ISO-8859-1 " + java.util.Arrays.toString("a\u00e9\u20ac".getBytes(StandardCharsets.ISO_8859_1))
                + " US-ASCII " + (int) new String(new byte[] {'o', (byte) 0xE9, 'k'}, StandardCharsets.US_ASCII).charAt(1)
                + " UTF-8 " + (int) new String(new byte[] {'x', (byte) 0xC3, (byte) 0xA9}, 1, 2, StandardCharsets.UTF_8).charAt(0)
                + " UTF-16 with BOM " + "ab".getBytes(StandardCharsets.UTF_16).length);
        try {
            System.out.println("by name " + "hi".getBytes("UTF-16LE").length + " " + new String(new byte[] {104, 0}, "UTF-16LE")
                    + " " + new String(new byte[] {65, 66, 67}, 1, 2, "US-ASCII"));
            "hi".getBytes("x-no-such-charset");
        } catch (java.io.UnsupportedEncodingException e) {
            System.out.println("UnsupportedEncodingException " + e.getMessage());
        }

        CharBuffer buffer = CharBuffer.wrap("buffered text");
        buffer.position(9);
        System.out.println("CharBuffer " + buffer + " remaining " + buffer.remaining() + " get " + buffer.get()
                + " slice " + CharBuffer.wrap("abcdef", 1, 4));
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.put(new byte[] {1, 2, 3, 4, 5, 6}).flip();
        byte[] some = new byte[4];
        bytes.get(some);
        bytes.compact();
        System.out.println("ByteBuffer " + java.util.Arrays.toString(some) + " " + bytes + " " + bytes.get(0));
        java.nio.ByteBuffer words = java.nio.ByteBuffer.allocate(24);
        words.putLong(0x0102030405060708L).putInt(-2).putShort((short) 0x1234).putChar('K').putDouble(1.5);
        words.order(java.nio.ByteOrder.LITTLE_ENDIAN);
        System.out.println("words " + java.util.Arrays.toString(words.array()) + " " + Long.toHexString(words.getLong(0))
                + " " + words.getInt(8) + " " + Integer.toHexString(words.getShort(12)) + " " + (int) words.getChar(14));
        CharBuffer allocated = CharBuffer.allocate(8);
        allocated.put("xyz").flip();
        System.out.println("allocated " + allocated + " " + allocated.length());

        Iterable<Integer> counting = () -> new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= 5;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        Spliterator<Integer> spliterator = counting.spliterator();
        System.out.println("spliterator size " + spliterator.estimateSize() + " characteristics " + spliterator.characteristics());
        System.out.println("stream " + StreamSupport.stream(counting.spliterator(), false).map(i -> i * i)
                .collect(Collectors.toList()) + " " + List.of(3, 4).spliterator().estimateSize());
    }
}
