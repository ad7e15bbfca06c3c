package kiln.lib.patches.jdk.internal.icu.impl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The JDK's ICU data loader with {@code readHeader(ByteBuffer, ...)} replaced (see the compiler's JdkMethodPatches):
 * the JDK's formats its rejection of a data file's version with {@code String.format}, and every image with a regular
 * expression reaches it (the pattern compiler's canonical-equivalence path, {@code java.text.Normalizer}, loads the
 * ICU normalization and property data through it), so each would carry {@code java.util.Formatter} with its locale
 * data. Kiln's checks the same header (ICU's {@code udata.h}: {@code DataHeader} = {@code MappedData} + {@code
 * UDataInfo}) with the same messages, built by concatenation.
 * <pre>
 *  offset  0: uint16 headerSize      2: uint8 magic1 = 0xda   3: uint8 magic2 = 0x27
 *          4: uint16 UDataInfo.size (>= 20)   6: uint16 reserved
 *          8: uint8 isBigEndian   9: uint8 charsetFamily (0 = ASCII)   10: uint8 sizeofUChar (2)   11: reserved
 *         12: uint8 dataFormat[4]   16: uint8 formatVersion[4]   20: uint8 dataVersion[4]
 *  headerSize: the data
 * </pre>
 */
public final class ICUBinary {
    private ICUBinary() {
    }

    /**
     * Checks the header of the data in {@code bytes} (at position 0), sets the buffer's byte order to the data's and
     * its position to the data after the header; answers the format version, its four bytes as one big-endian int.
     */
    public static int readHeader(ByteBuffer bytes, int dataFormat,
            jdk.internal.icu.impl.ICUBinary.Authenticate authenticate) throws IOException {
        if (bytes.get(2) != (byte) 0xda || bytes.get(3) != (byte) 0x27) {
            throw new IOException("ICUBinary data file error: Magic number authentication failed");
        }
        byte bigEndian = bytes.get(8);
        if (bigEndian < 0 || bigEndian > 1 || bytes.get(9) != 0 || bytes.get(10) != 2) {
            throw new IOException("ICUBinary data file error: Header authentication failed");
        }
        bytes.order(bigEndian != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int headerSize = bytes.getChar(0);
        int infoSize = bytes.getChar(4);
        if (infoSize < 20 || headerSize < infoSize + 4) {
            throw new IOException("Internal Error: Header size error");
        }
        byte[] formatVersion = {bytes.get(16), bytes.get(17), bytes.get(18), bytes.get(19)};
        boolean formatMatches = true;
        for (int i = 0; i < 4; i++) {
            formatMatches &= bytes.get(12 + i) == (byte) (dataFormat >> (24 - 8 * i));
        }
        if (!formatMatches || authenticate != null && !authenticate.isDataVersionAcceptable(formatVersion)) {
            StringBuilder message = new StringBuilder("ICUBinary data file error: Header authentication failed")
                    .append("; data format ");
            for (int i = 0; i < 4; i++) {
                int digits = bytes.get(12 + i) & 0xff;
                message.append(Character.forDigit(digits >> 4, 16)).append(Character.forDigit(digits & 0xf, 16));
            }
            message.append(", format version ");
            for (int i = 0; i < 4; i++) {
                message.append(i == 0 ? "" : ".").append(formatVersion[i] & 0xff);
            }
            throw new IOException(message.toString());
        }
        bytes.position(headerSize);
        return (formatVersion[0] & 0xff) << 24 | (formatVersion[1] & 0xff) << 16 | (formatVersion[2] & 0xff) << 8
                | formatVersion[3] & 0xff;
    }
}
