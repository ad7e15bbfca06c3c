package dev.kiln.qemu;

import dev.kiln.qemu.RunResult.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunSpecAndResultTest {
    private static final Path LOG = Path.of("target/kiln/hello.serial.log");

    @Test
    void builderDefaults() {
        RunSpec spec = RunSpec.builder(Path.of("target/kiln/hello.iso"), ImageKind.ISO).build();

        assertEquals(Firmware.BIOS, spec.firmware());
        assertEquals(Accel.TCG, spec.accel());
        assertEquals(Duration.ofSeconds(60), spec.timeout());
        assertEquals(256, spec.memoryMiB());
        assertEquals(Optional.empty(), spec.qemuBinary());
        assertEquals(Optional.empty(), spec.echo());
        assertEquals(false, spec.terminalInput());
        assertEquals(List.of(), spec.extraArgs());
        assertEquals(Path.of("target/kiln/hello.iso.serial.log"), spec.serialLog());
    }

    @Test
    void autoNeedsAProbeGuestOfOneSector() {
        RunSpec.Builder auto = RunSpec.builder(Path.of("target/kiln/hello.iso"), ImageKind.ISO).accel(Accel.AUTO);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, auto::build);
        assertTrue(missing.getMessage().contains("kvmProbeGuest"), missing.getMessage());
        IllegalArgumentException wrongSize = assertThrows(IllegalArgumentException.class,
                () -> auto.kvmProbeGuest(new byte[100]).build());
        assertTrue(wrongSize.getMessage().contains("one 512-byte boot sector"), wrongSize.getMessage());
        assertEquals(512, auto.kvmProbeGuest(TestGuests.printAndExitBootSector("", 0)).build().kvmProbeGuest()
                .orElseThrow().length);
    }

    @Test
    void aRunningGuestCannotTakeItsSerialInputFromTheTerminal() {
        RunSpec spec = RunSpec.builder(Path.of("target/kiln/hello.iso"), ImageKind.ISO).terminalInput(true).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Qemu.start(spec));
        assertTrue(e.getMessage().contains("RunSpec.terminalInput is for Qemu.boot"), e.getMessage());
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        RunSpec.Builder builder = RunSpec.builder(Path.of("a.img"), ImageKind.DISK).timeout(Duration.ZERO);

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    private static RunResult result(Outcome outcome, int exitCode, String stderr) {
        return new RunResult(outcome, exitCode, IsaDebugExit.guestStatus(exitCode), "", Duration.ofSeconds(30),
                List.of("qemu-system-x86_64", "-bad"), Optional.of(LOG), Duration.ofSeconds(30), stderr);
    }

    @Test
    void describeSaysWhatHappenedAndWhereTheLogIs() {
        assertEquals("guest exited with status 0", result(Outcome.SUCCESS, 33, "").describe());
        assertEquals("guest exited with status 1. Serial log: " + LOG, result(Outcome.FAILURE, 35, "").describe());
        assertEquals("guest did not exit within 30 s (kiln.timeout); it was killed. Serial log: " + LOG,
                result(Outcome.TIMEOUT, 137, "").describe());
        assertTrue(result(Outcome.RESET, 0, "").describe()
                .startsWith("guest reset the machine (triple fault?) without reporting a status"));
    }

    @Test
    void describeOfAQemuErrorQuotesStderrAndTheCommand() {
        String description = result(Outcome.QEMU_ERROR, 1, "qemu-system-x86_64: -bad: invalid option\n").describe();

        assertEquals("QEMU exited with code 1, which is not a guest status (those are odd codes >= 33):"
                + " qemu-system-x86_64: -bad: invalid option. Command line: qemu-system-x86_64 -bad. Serial log: " + LOG,
                description);
    }

    @Test
    void resultWithoutLogDescribesWithoutOne() {
        RunResult result = new RunResult(Outcome.FAILURE, 37, OptionalInt.of(2), "", Duration.ofMillis(200), List.of());

        assertEquals("guest exited with status 2.", result.describe());
    }
}
