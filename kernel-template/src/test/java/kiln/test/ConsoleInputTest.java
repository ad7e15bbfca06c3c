package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunningGuest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * System.in in a QEMU guest: lines typed on the PS/2 keyboard (QMP send-key) and sent to COM1 reach
 * BufferedReader and Scanner through the kernel's line discipline, which echoes them and applies backspace;
 * Ctrl-D at the start of a line is end of input.
 */
class ConsoleInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void bufferedReaderReadsLinesFromTheSerialPortAndTheKeyboard() throws Exception {
        try (RunningGuest guest = Qemu.start(KilnRunner.bootSpec("kiln.test.programs.ReadLines", LIMIT, "", Optional.empty()))) {
            guest.awaitOutput("(Ctrl-D):\n");
            guest.sendSerial("from the serial line\r"); // a terminal sends CR for Enter
            guest.awaitOutput("from the serial line\n1: [from the serial line] 20 chars, upper FROM THE SERIAL LINE\n");
            guest.keyboard().type("Typed, Shifted: OK?\n");
            guest.awaitOutput("Typed, Shifted: OK?\n2: [Typed, Shifted: OK?] 19 chars, upper TYPED, SHIFTED: OK?\n");
            guest.keyboard().sendKey("caps_lock");
            guest.keyboard().type("caps\tlocK\n");
            guest.awaitOutput("3: [CAPS\tLOCk] 9 chars");
            guest.keyboard().sendKey("caps_lock");
            guest.keyboard().type("tyoo\b\bpo\n");
            guest.awaitOutput("4: [typo] 4 chars");
            guest.sendSerial("caf\u00e9 x\u007f\u007fs\n"); // DEL from a terminal's Backspace key; é is two bytes
            guest.awaitOutput("5: [cafés] 5 chars, upper CAFÉS\n");
            guest.keyboard().sendKey("ctrl", "d");
            RunResult result = guest.awaitExit();
            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + result.serialOutput());
            assertTrue(result.serialOutput().endsWith("5 lines, then end of input\n"), result.serialOutput());
        }
    }

    @Test
    void scannerReadsTokensAndLinesFromTheSerialPort() throws Exception {
        try (RunningGuest guest = Qemu.start(KilnRunner.bootSpec("kiln.test.programs.ScanTokens", LIMIT, "", Optional.empty()))) {
            guest.awaitOutput("(Ctrl-D):\n");
            guest.sendSerial("12 apples and 30\npears line: the rest, kept whole\n-7 2147483648 +5\n\u0004");
            RunResult result = guest.awaitExit();
            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + result.serialOutput());
            String expected = String.join("\n", "Numbers and words, then end of input (Ctrl-D):",
                    "12 apples and 30", "int 12", "word apples", "word and", "int 30",
                    "pears line: the rest, kept whole", "word pears", "rest of line [ the rest, kept whole]",
                    "-7 2147483648 +5", "int -7", "word 2147483648", "int 5",
                    "sum 40, 4 words", "");
            assertEquals(expected, result.serialOutput());
        }
    }

    /**
     * A thread that waits for a line parks in the scheduler: main keeps printing ticks and a spinning thread keeps
     * the CPU busy meanwhile, and the serial interrupt's deferred wake-up makes the reader runnable again.
     */
    @Test
    void aThreadWaitingForInputLetsTheOthersRun() throws Exception {
        try (RunningGuest guest = Qemu.start(KilnRunner.bootSpec("kiln.test.programs.InputWhileTicking", LIMIT, "", Optional.empty()))) {
            guest.awaitOutput("reader waiting\n");
            guest.awaitOutput("tick 5\n"); // five ticks after the reader began to wait
            guest.sendSerial("hello tasklets\r");
            RunResult result = guest.awaitExit();
            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + result.serialOutput());
            String output = result.serialOutput();
            assertTrue(output.endsWith("read [hello tasklets] while ticking; spinner ran: true\n"), output);
            assertTrue(output.indexOf("reader waiting\n") < output.indexOf("tick 5\n"), output);
            assertFalse(output.contains("deadlock"), output);
        }
    }

    /**
     * Keys typed while the program does not read (it sleeps) are taken by the keyboard's interrupt handler: 30
     * keys are 60 scancode bytes, far more than the 16 that QEMU's PS/2 keyboard holds for a driver that does
     * not read them; all of them arrive, echoed once the program reads.
     */
    @Test
    void keysTypedWhileTheProgramSleepsWaitInTheInputRing() throws Exception {
        try (RunningGuest guest = Qemu.start(KilnRunner.bootSpec("kiln.test.programs.TypeAhead", LIMIT, "", Optional.empty()))) {
            guest.awaitOutput("type now\n");
            guest.keyboard().type("the quick brown fox jumps over\n");
            RunResult result = guest.awaitExit();
            assertEquals(RunResult.Outcome.SUCCESS, result.outcome(), result.describe() + "\n" + result.serialOutput());
            assertEquals("type now\nreading\nthe quick brown fox jumps over\ngot [the quick brown fox jumps over]\n",
                    result.serialOutput());
        }
    }
}
