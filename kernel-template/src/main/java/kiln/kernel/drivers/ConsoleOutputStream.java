package kiln.kernel.drivers;

import java.io.OutputStream;

/**
 * The byte stream under {@code System.out} and {@code System.err}: the screen ({@link Screen}), if the machine has
 * one, and COM1 ({@link Serial}, or standard output on the hosted target), unbuffered. The screen is drawn first,
 * so that whoever reads the serial port (a test, {@code kiln:run}) knows the screen already shows what arrived.
 */
public final class ConsoleOutputStream extends OutputStream {
    @Override
    public void write(int b) {
        put(b);
    }

    /** One byte to the serial port and the screen; also the line discipline's echo of what is typed. */
    static void put(int b) {
        Screen.write(b);
        Serial.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || length > bytes.length - offset) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + bytes.length);
        }
        Screen.write(bytes, offset, length);
        for (int i = 0; i < length; i++) {
            Serial.write(bytes[offset + i]);
        }
    }
}
