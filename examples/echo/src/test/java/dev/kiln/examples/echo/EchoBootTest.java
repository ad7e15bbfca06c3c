package dev.kiln.examples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import dev.kiln.qemu.RunningGuest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Boots target/echo.iso (written by kiln:image) from the CD under SeaBIOS and talks to it the two ways a
 * person would: typing on the PS/2 keyboard (QMP send-key) and on a terminal at the serial port.
 */
class EchoBootTest {
    @Test
    void answersLinesTypedOnTheKeyboardAndSentToTheSerialPort() throws Exception {
        RunSpec spec = RunSpec.builder(Path.of("target/echo.iso"), ImageKind.ISO)
                .timeout(Duration.ofSeconds(120))
                .serialLog(Path.of("target/kiln/echo-boot-test.serial.log"))
                .build();
        try (RunningGuest guest = Qemu.start(spec)) {
            guest.awaitOutput("Kiln echo: type a line, or quit\n> ");
            guest.keyboard().type("Hello, keyboard!\n");
            guest.awaitOutput("Hello, keyboard!\necho: Hello, keyboard!\n> ");
            guest.sendSerial("hello from the serial port\r");
            guest.awaitOutput("hello from the serial port\necho: hello from the serial port\n> ");
            guest.keyboard().type("quiet\b\bt\n");
            RunResult result = guest.awaitExit();

            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + result.serialOutput());
            assertEquals("Kiln echo: type a line, or quit\n"
                    + "> Hello, keyboard!\necho: Hello, keyboard!\n"
                    + "> hello from the serial port\necho: hello from the serial port\n"
                    + "> quiet\b \b\b \bt\nbye after 2 lines\n", result.serialOutput());
        }
    }
}
