package kiln.kernel.drivers;

import java.io.OutputStream;

/** COM1 alone, unbuffered: the serial half of {@link ConsoleOutputStream}, for code that wants only the serial port. */
public final class SerialOutputStream extends OutputStream {
    @Override
    public void write(int b) {
        Serial.write(b);
    }
}
