package dev.kiln.toolchain.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KilnCommandTest {
    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = KilnCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void missingMainIsAUsageError() {
        int exit = run("image", "--classpath", directory.toString(), "-o", directory.resolve("x.iso").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("Missing required option: '--main=<class>'"), err.toString());
        assertTrue(err.toString().contains("Usage: kiln image"), err.toString());
    }

    @Test
    void badTimestampIsAUsageError() {
        int exit = run("image", "--classpath", directory.toString(), "--main", "a.B", "-o",
                directory.resolve("x.iso").toString(), "--timestamp", "yesterday");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--timestamp 'yesterday' is not an ISO-8601 instant"), err.toString());
    }

    @Test
    void unknownFormatIsAUsageError() {
        int exit = run("image", "--classpath", directory.toString(), "--main", "a.B", "-o",
                directory.resolve("x.img").toString(), "--format", "VHD");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--format") && err.toString().contains("iso, disk, tar.gz, elf"), err.toString());
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("missing subcommand"), err.toString());
    }

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("image", "--help"));
        for (String option : new String[] {"--classpath", "--main", "--output", "--format", "--timestamp", "--map", "--elf"}) {
            assertTrue(out.toString().contains(option), out.toString());
        }
    }

    /** Until the compiler can compile anything, this is the path every build takes: exit 1, a message, no image. */
    @Test
    void aFailedBuildExitsWithOneAndWritesNoImage() {
        Path image = directory.resolve("hello.iso");
        int exit = run("image", "--classpath", directory.toString(), "--main", "com.example.DoesNotExist", "-o", image.toString());
        assertEquals(1, exit, err.toString());
        assertTrue(err.toString().startsWith("kiln: "), err.toString());
        assertFalse(Files.exists(image));
    }
}
