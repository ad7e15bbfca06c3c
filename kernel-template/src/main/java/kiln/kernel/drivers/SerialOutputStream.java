package kiln.kernel.drivers;

import java.io.OutputStream;

/** The byte stream under {@code System.out} and {@code System.err}: COM1, unbuffered. */
public final class SerialOutputStream extends OutputStream {
    @Override
    public void write(int b) {
        Serial.write(b);
    }
}
