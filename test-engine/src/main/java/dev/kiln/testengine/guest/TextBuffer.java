package dev.kiln.testengine.guest;

import java.io.OutputStream;

/** Collects printed bytes and answers them as text (UTF-8): a stack trace, or a test's unfinished output line. */
final class TextBuffer extends OutputStream {
    private byte[] bytes = new byte[256];
    private int length;

    @Override
    public void write(int b) {
        if (length == bytes.length) {
            byte[] larger = new byte[bytes.length * 2];
            System.arraycopy(bytes, 0, larger, 0, length);
            bytes = larger;
        }
        bytes[length++] = (byte) b;
    }

    boolean isEmpty() {
        return length == 0;
    }

    void clear() {
        length = 0;
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length);
    }
}
