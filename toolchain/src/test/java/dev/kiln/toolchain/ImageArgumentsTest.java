package dev.kiln.toolchain;

import dev.kiln.image.ImageSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.Oracle;

import dev.kiln.boot.loader.CommandLineTag;
import dev.kiln.toolchain.programs.Hello;
import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An image's arguments reach main(String[]) through Kiln's loaders, under a BIOS and under UEFI. */
class ImageArgumentsTest {
    @TempDir
    Path directory;

    private Path build(ImageFormat format, List<String> arguments) throws Exception {
        Path image = directory.resolve("hello" + format.extension());
        KilnBuild.build(new BuildSpec(List.of(Path.of("target/test-classes")), Hello.class.getName(),
                new ImageSpec(image, format, ImageSpec.DEFAULT_VOLUME_ID, Instant.EPOCH, arguments),
                Optional.empty(), Optional.empty(), Optional.empty(), false, warning -> { }));
        return image;
    }

    @Test
    void theIsoPassesItsArgumentsUnderSeaBiosAndTheDiskUnderOvmf() throws Exception {
        ExternalTools.Result bios = Oracle.bootCdrom(build(ImageFormat.ISO, List.of("first", "--second=2")), 256, 60, null);
        assertEquals(33, bios.exitCode(), bios.output());
        assertTrue(bios.output().contains("Hello from Kiln, 42\nargs: [first|--second=2]"), bios.output());
        ExternalTools.Result uefi = Oracle.bootUefi(build(ImageFormat.DISK, List.of("uefi", "x")), false, 120, null);
        assertEquals(33, uefi.exitCode(), uefi.output());
        assertTrue(uefi.output().contains("Hello from Kiln, 42\nargs: [uefi|x]"), uefi.output());
    }

    @Test
    void withoutArgumentsMainGetsAnEmptyArray() throws Exception {
        ExternalTools.Result bios = Oracle.bootHardDisk(build(ImageFormat.DISK, List.of()), 256, 60, null);
        assertEquals(33, bios.exitCode(), bios.output());
        assertTrue(bios.output().contains("args: []"), bios.output());
    }

    /** The hosted target's command line is the process's: its arguments, less the kernel's own kiln.* words. */
    @Test
    void theHostedExecutableGetsTheProcessArguments() throws Exception {
        Path executable = directory.resolve("hello.linux");
        KilnBuild.buildHostedExecutable(List.of(Path.of("target/test-classes")), Hello.class.getName(), executable);
        ExternalTools.Result run = ExternalTools.run(60, List.of(executable.toString(), "one", "kiln.test=none", "two"));
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Hello from Kiln, 42\nargs: [one|two]"), run.output());
    }

    @Test
    void argumentsTheCommandLineCannotCarryAreErrorsThatSayWhy() {
        Path output = directory.resolve("bad.iso");
        String tooLong = "x".repeat(CommandLineTag.CAPACITY);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> new ImageSpec(output, ImageFormat.ISO, "KILN", Instant.EPOCH, List.of(tooLong)));
        assertEquals("the kernel command line is 2048 characters; the boot loaders pass at most 2047 (shorten the"
                + " arguments)", length.getMessage());
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
                () -> new ImageSpec(output, ImageFormat.ISO, "KILN", Instant.EPOCH, List.of("two words")));
        assertTrue(space.getMessage().contains("'two words' is empty or holds a space"), space.getMessage());
        IllegalArgumentException nonAscii = assertThrows(IllegalArgumentException.class,
                () -> new ImageSpec(output, ImageFormat.ISO, "KILN", Instant.EPOCH, List.of("caf\u00e9")));
        assertTrue(nonAscii.getMessage().contains("U+00E9 at index 3"), nonAscii.getMessage());
        assertFalse(Files.exists(output));
    }
}
