package dev.kiln.qemu;

import dev.kiln.qemu.RunResult.Outcome;
import dev.kiln.qemu.junit.QemuBooter;
import dev.kiln.qemu.junit.QemuExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Boots hand-made guests in the real QEMU under TCG. A missing QEMU fails these tests with the install command. */
@ExtendWith(QemuExtension.class)
class QemuBootTest {
    /** Generous: these guests exit within a fraction of a second; the limit only stops a broken run. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    private RunSpec.Builder disk(String name, byte[] content) throws IOException {
        return RunSpec.builder(TestGuests.write(directory, name, content), ImageKind.DISK).timeout(LIMIT);
    }

    @Test
    void runningGuestWaitsForOutputAnswersQmpAndReportsTheEnd() throws Exception {
        RunSpec spec = disk("loop.img", TestGuests.printAndLoopForeverBootSector("ready\n")).build();
        try (RunningGuest guest = Qemu.start(spec)) {
            guest.awaitOutput("ready\n");
            assertTrue(guest.keyboard().humanMonitorCommand("info status").contains("running"));
            QemuException error = assertThrows(QemuException.class,
                    () -> guest.keyboard().sendKey("no_such_key"));
            assertTrue(error.getMessage().startsWith("QMP command send-key failed: GenericError: "), error.getMessage());
            guest.keyboard().execute("quit", java.util.Map.of());
            QemuException ended = assertThrows(QemuException.class, () -> guest.awaitOutput("never printed"));
            assertTrue(ended.getMessage().contains("before QEMU exited"), ended.getMessage());
            assertEquals(Outcome.RESET, guest.awaitExit().outcome()); // QEMU's own exit 0, no guest status
        }
    }

    @Test
    void guestThatExitsWithStatusZeroSucceedsAndItsSerialOutputIsKept(QemuBooter qemu) throws IOException {
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        RunSpec spec = disk("hello.img", TestGuests.printAndExitBootSector("kiln\n", 0))
                .echo(new PrintStream(echo, true, StandardCharsets.UTF_8))
                .build();

        RunResult result = qemu.boot(spec);

        assertEquals(Outcome.SUCCESS, result.outcome());
        assertEquals(33, result.qemuExitCode());
        assertEquals(OptionalInt.of(0), result.guestStatus());
        assertEquals("kiln\n", result.serialOutput());
        assertEquals("kiln\n", echo.toString(StandardCharsets.UTF_8));
        Path log = directory.resolve("hello.img.serial.log");
        assertEquals(Optional.of(log.toAbsolutePath()), result.serialLog());
        assertEquals("kiln\n", Files.readString(log));
        assertEquals(List.of("-drive", "format=raw,file=" + spec.image()),
                result.commandLine().subList(result.commandLine().size() - 2, result.commandLine().size()));
    }

    @Test
    void guestThatExitsWithStatusThreeFails(QemuBooter qemu) throws IOException {
        RunResult result = qemu.run(disk("three.img", TestGuests.printAndExitBootSector("bad", 3)).build());

        assertEquals(Outcome.FAILURE, result.outcome());
        assertEquals(39, result.qemuExitCode());
        assertEquals(OptionalInt.of(3), result.guestStatus());
        assertEquals("bad", result.serialOutput());
        assertTrue(result.describe().startsWith("guest exited with status 3."), result.describe());
    }

    @Test
    void guestThatNeverExitsIsKilledAtTheTimeoutAndKeepsWhatItPrinted(QemuBooter qemu) throws IOException {
        RunSpec spec = disk("forever.img", TestGuests.printAndLoopForeverBootSector("alive"))
                .timeout(Duration.ofSeconds(2))
                .build();

        RunResult result = qemu.run(spec);

        assertEquals(Outcome.TIMEOUT, result.outcome());
        assertEquals(OptionalInt.empty(), result.guestStatus());
        assertEquals("alive", result.serialOutput());
        assertEquals("alive", Files.readString(spec.serialLog()));
        assertTrue(result.describe().startsWith("guest did not exit within 2 s (kiln.timeout); it was killed."),
                result.describe());
        assertNoQemuRunsWith(spec.image());
    }

    @Test
    void serialOutputIsEchoedWhileTheGuestRunsAndInterruptingTheBootKillsQemu() throws Exception {
        RunSpec.Builder spec = disk("live.img", TestGuests.printAndLoopForeverBootSector("alive"));
        CountDownLatch echoed = new CountDownLatch(1);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        spec.echo(new PrintStream(new OutputStream() {
            @Override
            public synchronized void write(int b) {
                received.write(b);
                if (received.toString(StandardCharsets.US_ASCII).equals("alive")) {
                    echoed.countDown();
                }
            }
        }, true, StandardCharsets.US_ASCII));
        CompletableFuture<RunResult> boot = new CompletableFuture<>();
        Thread booting = new Thread(() -> {
            try {
                boot.complete(Qemu.boot(spec.build()));
            } catch (QemuException | RuntimeException e) {
                boot.completeExceptionally(e);
            }
        });
        booting.start();

        assertTrue(echoed.await(LIMIT.toSeconds(), TimeUnit.SECONDS), "no echo of the serial output while QEMU runs");
        booting.interrupt();

        ExecutionException stopped = assertThrows(ExecutionException.class, () -> boot.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(stopped.getCause() instanceof QemuException, stopped.toString());
        assertNoQemuRunsWith(spec.build().image());
    }

    private static void assertNoQemuRunsWith(Path image) {
        assertFalse(ProcessHandle.allProcesses().anyMatch(process -> process.info().arguments().stream()
                        .flatMap(Arrays::stream).anyMatch(argument -> argument.contains(image.toString()))),
                "QEMU for " + image + " is still running");
    }

    @Test
    void guestThatTripleFaultsEndsInReset(QemuBooter qemu) throws IOException {
        RunResult result = qemu.run(disk("fault.img", TestGuests.tripleFaultBootSector()).build());

        assertEquals(Outcome.RESET, result.outcome());
        assertEquals(0, result.qemuExitCode());
        assertTrue(result.describe().contains("reset the machine"), result.describe());
    }

    @Test
    void cdImageBootsThroughElTorito(QemuBooter qemu) throws IOException {
        Path image = TestGuests.write(directory, "boot.iso",
                TestGuests.elToritoCd(TestGuests.printAndExitBootSector("from cd", 0)));

        RunResult result = qemu.boot(RunSpec.builder(image, ImageKind.ISO).timeout(LIMIT).build());

        assertEquals("from cd", result.serialOutput());
    }

    @Test
    void elfKernelBootsThroughItsPvhNote(QemuBooter qemu) throws IOException {
        Path image = TestGuests.write(directory, "kernel.elf", TestGuests.pvhKernel("from pvh", 0));

        RunResult result = qemu.boot(RunSpec.builder(image, ImageKind.KERNEL_ELF).timeout(LIMIT).build());

        assertEquals("from pvh", result.serialOutput());
    }

    /**
     * OVMF finds nothing to boot on the BIOS-only disk and falls back to its UEFI shell, which runs
     * {@code startup.nsh} from the FAT drive QEMU makes of a directory; {@code mm F4 10 -IO -w 1} writes
     * 0x10 to port 0xf4. Slow (about 10 s under TCG: OVMF's start and the shell's 5-second startup.nsh
     * countdown), but it runs the whole UEFI path: firmware search, pflash drives, writable variable store.
     */
    @Test
    void uefiFirmwareBoots(QemuBooter qemu) throws IOException {
        Path shellDrive = Files.createDirectory(directory.resolve("shell"));
        Files.writeString(shellDrive.resolve("startup.nsh"), "echo kiln-uefi\r\nmm F4 10 -IO -w 1 -n\r\n");
        RunSpec spec = disk("uefi.img", TestGuests.printAndExitBootSector("not under UEFI", 1))
                .firmware(Firmware.UEFI)
                .extraArgs(List.of("-drive", "format=raw,file=fat:rw:" + QemuCommandLine.optionValue(shellDrive),
                        "-nic", "none"))                      // no network: OVMF would try PXE boot first
                .build();

        RunResult result = qemu.boot(spec);

        assertTrue(result.serialOutput().contains("kiln-uefi"), result.serialOutput());
        String varsDrive = "if=pflash,format=raw,unit=1,file=";
        Path varsCopy = result.commandLine().stream().filter(argument -> argument.startsWith(varsDrive))
                .map(argument -> Path.of(argument.substring(varsDrive.length()))).findFirst().orElseThrow();
        assertFalse(Files.exists(varsCopy), "the per-run copy of the variable store is deleted afterwards");
    }

    @Test
    void qemuThatRejectsItsCommandLineIsAQemuErrorQuotingStderr(QemuBooter qemu) throws IOException {
        RunResult result = qemu.run(disk("any.img", TestGuests.printAndExitBootSector("", 0))
                .extraArgs(List.of("-no-such-option")).build());

        assertEquals(Outcome.QEMU_ERROR, result.outcome());
        assertEquals(1, result.qemuExitCode());
        assertTrue(result.qemuErrorOutput().contains("-no-such-option"), result.qemuErrorOutput());
        assertTrue(result.describe().contains("-no-such-option"), result.describe());
    }

    @Test
    void qemuOverrideThatDoesNotExistIsAnErrorNamingKilnQemu() throws IOException {
        Path missing = directory.resolve("no-such-qemu");
        RunSpec spec = disk("any.img", TestGuests.printAndExitBootSector("", 0)).qemuBinary(missing).build();

        QemuException error = assertThrows(QemuException.class, () -> Qemu.boot(spec));

        assertTrue(error.getMessage().contains("kiln.qemu"), error.getMessage());
        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }

    @Test
    void missingImageIsAnError() {
        Path missing = directory.resolve("missing.img");

        QemuException error = assertThrows(QemuException.class,
                () -> Qemu.boot(RunSpec.builder(missing, ImageKind.DISK).build()));

        assertTrue(error.getMessage().contains(missing.toString()), error.getMessage());
    }
}
