package kiln.test.programs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * The JDK's ObjectOutputStream as far as an image runs it (docs/compiler.md "The class library"): the stream
 * header, primitive data in block-data mode and null references, byte for byte. Objects themselves are not
 * serialized in an image; ObjectSerialization shows how that fails.
 */
public class ObjectStreams {
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(42);
            out.writeUTF("h\u00e9llo \ud83d\ude00");
            out.writeLong(-7L);
            out.writeDouble(0.1);
            out.writeBoolean(true);
            out.writeObject(null);
            out.writeChars("xy");
            out.write(new byte[1500]);
            out.writeShort(-2);
        }
        byte[] stream = bytes.toByteArray();
        System.out.println("written " + stream.length + " bytes, header " + Integer.toHexString(stream[0] & 0xff)
                + Integer.toHexString(stream[1] & 0xff) + " " + java.util.Arrays.hashCode(stream));
        StringBuilder dump = new StringBuilder();
        for (int i = 0; i < 48; i++) {
            dump.append(Integer.toHexString(stream[i] & 0xff)).append(' ');
        }
        System.out.println(dump.toString().trim());
    }
}
