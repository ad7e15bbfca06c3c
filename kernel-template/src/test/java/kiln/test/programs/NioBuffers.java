package kiln.test.programs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.IntBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * java.nio's heap buffers (the JDK's bytecode over Unsafe, through ScopedMemoryAccess) and the JDK's charset
 * coders on them, as archive and serialization libraries use them.
 */
public class NioBuffers {
    public static void main(String[] args) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putInt(0x01020304).putLong(-2L).put((byte) 7).putShort((short) -300).putChar('K').putDouble(Math.PI);
        b.flip();
        System.out.println(b + " " + b.getInt() + " " + b.getLong() + " " + b.get() + " " + b.getShort() + " "
                + b.getChar() + " " + b.getDouble());
        ByteBuffer le = ByteBuffer.wrap(new byte[12]).order(ByteOrder.LITTLE_ENDIAN);
        le.putInt(0, 0x01020304).putLong(4, 0x1122334455667788L);
        System.out.println(Arrays.toString(le.array()) + " " + le.getShort(1) + " " + Long.toHexString(le.getLong(4)));
        b.clear();
        b.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).flip();
        b.get();
        b.compact();
        System.out.println("compacted " + b.position() + " " + Arrays.toString(Arrays.copyOf(b.array(), 8)));
        IntBuffer ints = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0, 0, 1, 0}).asIntBuffer();
        System.out.println("view " + ints.get(0) + " " + ints.get(1));
        ByteBuffer duplicate = ByteBuffer.allocate(4).put(ByteBuffer.wrap(new byte[] {9, 8, 7, 6}));
        System.out.println("bulk " + Arrays.toString(duplicate.array()));

        ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap("caf\u00e9 \u20ac \ud83d\ude00"));
        System.out.println(encoded.remaining() + " " + StandardCharsets.UTF_8.newDecoder().decode(encoded));
        System.out.println(Arrays.toString(Arrays.copyOf(StandardCharsets.UTF_16BE.encode("h\u00e9").array(), 4)));
        System.out.println(StandardCharsets.ISO_8859_1.decode(ByteBuffer.wrap(new byte[] {(byte) 0xe9, 65})));
        System.out.println(StandardCharsets.US_ASCII.decode(ByteBuffer.wrap(new byte[] {72, 105, (byte) 0xff})));
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(new byte[] {65, (byte) 0xc3}));
        } catch (java.nio.charset.MalformedInputException e) {
            System.out.println("MalformedInputException: " + e.getMessage());
        }
    }
}
