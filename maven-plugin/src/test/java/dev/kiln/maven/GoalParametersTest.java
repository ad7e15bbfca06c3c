package dev.kiln.maven;

import java.util.List;

import dev.kiln.image.ImageFormat;
import dev.kiln.qemu.Firmware;

import dev.kiln.qemu.Accel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoalParametersTest {

    @Test
    void acceleratorNamesAreCaseInsensitive() throws InvalidParameterException {
        assertEquals(Accel.TCG, GoalParameters.accel("tcg"));
        assertEquals(Accel.KVM, GoalParameters.accel("KVM"));
        assertEquals(Accel.AUTO, GoalParameters.accel(" Auto "));
    }

    @Test
    void unknownAcceleratorIsAnErrorListingTheValidOnes() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> GoalParameters.accel("kvmm"));
        assertEquals("<accel> (kiln.accel) is 'kvmm', which is not an accelerator; valid values: tcg, kvm, auto",
                error.getMessage());
    }

    @Test
    void emptyAcceleratorIsAnError() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> GoalParameters.accel(" "));
        assertTrue(error.getMessage().contains("valid values: tcg, kvm, auto"), error.getMessage());
    }

    @Test
    void timeoutIsWholeSeconds() throws InvalidParameterException {
        assertEquals(Duration.ofSeconds(5), GoalParameters.timeout("5"));
        assertEquals(Duration.ofSeconds(5), GoalParameters.timeout(" 5 "));
    }

    @Test
    void timeoutMustBePositive() {
        for (int seconds : new int[] {0, -3}) {
            InvalidParameterException error = assertThrows(InvalidParameterException.class,
                    () -> GoalParameters.timeout(String.valueOf(seconds)));
            assertTrue(error.getMessage().startsWith("<timeout> (kiln.timeout) is " + seconds + ";"), error.getMessage());
        }
    }

    @Test
    void timeoutThatIsNotANumberSaysWhatToWrite() {
        for (String value : new String[] {"abc", "1.5", "60s", ""}) {
            InvalidParameterException error = assertThrows(InvalidParameterException.class,
                    () -> GoalParameters.timeout(value));
            assertEquals("<timeout> (kiln.timeout) is '" + value + "', which is not a whole number; it is the number of"
                    + " seconds the guest may run before QEMU is killed: write a number such as 60 (the default)",
                    error.getMessage());
        }
    }

    @Test
    void memoryMustBePositive() throws InvalidParameterException {
        assertEquals(512, GoalParameters.memoryMiB("512"));
        InvalidParameterException error = assertThrows(InvalidParameterException.class, () -> GoalParameters.memoryMiB("0"));
        assertTrue(error.getMessage().startsWith("<memory> (kiln.memory) is 0;"), error.getMessage());
        error = assertThrows(InvalidParameterException.class, () -> GoalParameters.memoryMiB("lots"));
        assertTrue(error.getMessage().startsWith("<memory> (kiln.memory) is 'lots', which is not a whole number"),
                error.getMessage());
    }

    @Test
    void missingMainClassSaysHowToSetIt(@TempDir Path classes) {
        for (String unset : new String[] {null, "", "  "}) {
            InvalidParameterException error = assertThrows(InvalidParameterException.class,
                    () -> GoalParameters.mainClass(unset, classes));
            assertTrue(error.getMessage().startsWith("<mainClass> is not set. kiln:image needs <mainClass> (or -Dkiln.mainClass=...)"),
                    error.getMessage());
        }
    }

    @Test
    void mainClassMustBeInTheProjectsClasses(@TempDir Path classes) throws IOException, InvalidParameterException {
        Files.createDirectories(classes.resolve("com/example"));
        Files.write(classes.resolve("com/example/App.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});

        assertEquals("com.example.App", GoalParameters.mainClass(" com.example.App ", classes));

        InvalidParameterException error = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.mainClass("com.example.Ap", classes));
        assertTrue(error.getMessage().contains(classes.resolve("com/example/Ap.class").toString()), error.getMessage());
        assertTrue(error.getMessage().startsWith("<mainClass> (kiln.mainClass) is com.example.Ap,"), error.getMessage());
    }

    @Test
    void mainClassMustBeABinaryName(@TempDir Path classes) {
        for (String malformed : new String[] {"com/example/App.class", "com.example.", "com..App", "1App"}) {
            InvalidParameterException error = assertThrows(InvalidParameterException.class,
                    () -> GoalParameters.mainClass(malformed, classes));
            assertTrue(error.getMessage().contains("which is not a class name"), error.getMessage());
        }
    }

    @Test
    void outputTimestampReadsTheFormatsMavenArchiverReads() throws InvalidParameterException {
        Instant newYear = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(Optional.of(newYear), GoalParameters.outputTimestamp("2026-01-01T00:00:00Z"));
        assertEquals(Optional.of(newYear), GoalParameters.outputTimestamp("2026-01-01T01:00:00+01:00"));
        assertEquals(Optional.of(newYear), GoalParameters.outputTimestamp(Long.toString(newYear.getEpochSecond())));
    }

    @Test
    void unsetOrSingleCharacterOutputTimestampMeansNotReproducible() throws InvalidParameterException {
        assertEquals(Optional.empty(), GoalParameters.outputTimestamp(null));
        assertEquals(Optional.empty(), GoalParameters.outputTimestamp(""));
        assertEquals(Optional.empty(), GoalParameters.outputTimestamp("a"));
    }

    @Test
    void malformedOutputTimestampIsAnError() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.outputTimestamp("yesterday"));
        assertTrue(error.getMessage().startsWith("<project.build.outputTimestamp> is 'yesterday'"), error.getMessage());
    }

    @Test
    void imageFormatsAcceptEveryFormatInAnyCaseOnce() throws Exception {
        assertEquals(List.of(ImageFormat.ISO, ImageFormat.DISK), GoalParameters.imageFormats(List.of("iso", "DISK", " iso ")));
        assertEquals(List.of(ImageFormat.TAR_GZ, ImageFormat.ELF), GoalParameters.imageFormats(List.of("tar.gz", "ELF")));
    }

    @Test
    void argumentsAreWordsThatFitTheKernelCommandLine() throws Exception {
        assertEquals(List.of("--mode=test", "42"), GoalParameters.arguments(List.of("--mode=test", "42")));
        assertEquals(List.of(), GoalParameters.arguments(null));
        InvalidParameterException space = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.arguments(List.of("two words")));
        assertTrue(space.getMessage().startsWith("<args> (kiln.args): the argument 'two words' is empty or holds a space"),
                space.getMessage());
        InvalidParameterException tooLong = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.arguments(List.of("a".repeat(1500), "b".repeat(600))));
        assertTrue(tooLong.getMessage().contains("the kernel command line is 2101 characters; the boot loaders pass at"
                + " most 2047"), tooLong.getMessage());
    }

    @Test
    void firmwareIsBiosOrUefiAndAMisspellingGetsTheClosestName() throws Exception {
        assertEquals(List.of(Firmware.UEFI, Firmware.BIOS), GoalParameters.firmware(List.of("UEFI", "bios", "uefi")));
        InvalidParameterException misspelled = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.firmware(List.of("ueif")));
        assertEquals("<firmware> (kiln.firmware) contains 'ueif', which is not a firmware; did you mean uefi?"
                + " Valid values: bios, uefi", misspelled.getMessage());
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.firmware(List.of("coreboot")));
        assertEquals("<firmware> (kiln.firmware) contains 'coreboot', which is not a firmware. Valid values: bios, uefi",
                unknown.getMessage());
    }

    @Test
    void imageFormatsRejectUnknownAndEmptyNamingTheValidOnes() {
        InvalidParameterException unknown = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.imageFormats(List.of("iso", "floppy")));
        assertTrue(unknown.getMessage().contains("'floppy'") && unknown.getMessage().contains("iso, disk, tar.gz, elf"),
                unknown.getMessage());
        InvalidParameterException close = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.imageFormats(List.of("targz")));
        assertTrue(close.getMessage().contains("did you mean tar.gz?"), close.getMessage());
        InvalidParameterException empty = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.imageFormats(List.of(" ")));
        assertTrue(empty.getMessage().contains("kiln.image.formats"), empty.getMessage());
    }

    @Test
    void testSelectionAndTagsAsFailsafeReadsThem() throws InvalidParameterException {
        dev.kiln.testengine.TestFilter filter = GoalParameters.testFilter("Calc*#add*, OtherTest", "fast", "slow");
        assertTrue(filter.includesClass("a.CalculatorTest"));
        assertTrue(filter.includesTest("a.CalculatorTest", "addsTwo", java.util.Set.of("fast")));
        assertTrue(!filter.includesTest("a.CalculatorTest", "divides", java.util.Set.of("fast")));
        assertTrue(!filter.includesTest("a.CalculatorTest", "addsTwo", java.util.Set.of("fast", "slow")));
        assertTrue(!filter.includesTest("a.CalculatorTest", "addsTwo", java.util.Set.of()));
        assertTrue(filter.includesTest("b.OtherTest", "anything", java.util.Set.of("fast")));
    }

    @Test
    void malformedTestSelectionIsAnErrorNamingTheParameter() {
        InvalidParameterException error = assertThrows(InvalidParameterException.class,
                () -> GoalParameters.testFilter("CalculatorTest#", null, null));
        assertEquals("<test> (it.test) is 'CalculatorTest#': 'CalculatorTest#' is not a test pattern; write Class,"
                + " Class#method, or use * as a wildcard (e.g. Calculator*#add*)", error.getMessage());
    }
}
