package dev.kiln.qemu.junit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the programs Kiln's tests use as independent oracles (xorriso, mtools, fdisk, sgdisk, binutils, file,
 * GRUB, QEMU). The one place every module's tests start them through, so that a missing tool fails the test
 * with the Debian package to install (from {@code .ci/test-tools}, the list {@code ./kiln-demo} and
 * {@code .ci/run} install) instead of a raw {@code IOException: Cannot run program}. Tests never skip when a
 * tool is missing: a machine without the oracles must not pass the suite silently.
 */
public final class ExternalTools {
    /** The list of tools, found by walking up from the working directory (a module's directory under Maven). */
    static final String LIST = ".ci/test-tools";

    /** Exit code and combined stdout + stderr; exit code -1 if the program was killed at the timeout. */
    public record Result(int exitCode, String output, boolean timedOut) {
    }

    private ExternalTools() {
    }

    /**
     * Starts {@code builder}'s command, first checking that its program exists.
     *
     * @throws AssertionError naming the Debian package if the program is not installed
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        requireInstalled(builder.command().get(0));
        return builder.start();
    }

    /** Runs {@code command} with its output captured, killing it after {@code timeoutSeconds}. */
    public static Result run(long timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("kiln-oracle", ".log");
        try {
            Process process = start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return new Result(finished ? process.exitValue() : -1, Files.readString(log, StandardCharsets.UTF_8), !finished);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Runs {@code command} (60 s at most) and returns its output; fails the test unless it exits with 0. */
    public static String check(String... command) throws IOException, InterruptedException {
        Result result = run(60, List.of(command));
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + (result.timedOut() ? " did not finish within 60 s"
                    : " exited with " + result.exitCode()) + ":\n" + result.output());
        }
        return result.output();
    }

    /**
     * Fails the test unless {@code tool} (a command name, a path to a program, or an absolute path to a file a
     * test reads, such as OVMF's firmware) exists.
     */
    public static void requireInstalled(String tool) {
        boolean found = tool.contains(File.separator) ? Files.exists(Path.of(tool)) : onPath(tool);
        if (!found) {
            String name = Path.of(tool).getFileName().toString();
            throw new AssertionError(tool + " is not installed: the tests use it as an independent oracle. "
                    + packageOf(tool).or(() -> packageOf(name))
                            .map(debian -> "Install it with: sudo apt-get install -y " + debian)
                            .orElse("Install the package that provides " + name)
                    + " (or run .ci/install-test-tools, which installs every tool the tests use).");
        }
    }

    private static boolean onPath(String command) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** The Debian package {@code .ci/test-tools} gives for {@code tool}. */
    static Optional<String> packageOf(String tool) {
        return Optional.ofNullable(packages().get(tool));
    }

    private static Map<String, String> packages() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve(LIST))) {
            directory = directory.getParent();
        }
        Map<String, String> packages = new HashMap<>();
        if (directory == null) {
            return packages;
        }
        try {
            for (String line : Files.readAllLines(directory.resolve(LIST))) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length == 2 && !columns[0].startsWith("#")) {
                    packages.put(columns[0], columns[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return packages;
    }
}
