package dev.kiln.compiler.verify;

/**
 * Decodes the modified UTF-8 of {@code CONSTANT_Utf8} entries (JVMS §4.4.7): no byte is 0 or in 0xF0..0xFF,
 * characters take one to three bytes, and a multi-byte character's continuation bytes are 10xxxxxx.
 */
final class ModifiedUtf8 {
    private ModifiedUtf8() {
    }

    /** The string, or null when the bytes are not legal modified UTF-8. */
    static String decode(byte[] bytes, int start, int length) {
        char[] chars = new char[length];
        int count = 0;
        int i = start;
        int end = start + length;
        while (i < end) {
            int b = bytes[i++] & 0xFF;
            if (b == 0 || b >= 0xF0) {
                return null;
            }
            if (b < 0x80) {
                chars[count++] = (char) b;
            } else if ((b & 0xE0) == 0xC0) {
                if (i >= end || !isContinuation(bytes[i])) {
                    return null;
                }
                chars[count++] = (char) (((b & 0x1F) << 6) | (bytes[i++] & 0x3F));
            } else if ((b & 0xF0) == 0xE0) {
                if (i + 1 >= end || !isContinuation(bytes[i]) || !isContinuation(bytes[i + 1])) {
                    return null;
                }
                chars[count++] = (char) (((b & 0x0F) << 12) | ((bytes[i] & 0x3F) << 6) | (bytes[i + 1] & 0x3F));
                i += 2;
            } else {
                return null; // a continuation byte where a character should start
            }
        }
        return new String(chars, 0, count);
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
