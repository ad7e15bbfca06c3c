package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kiln.boot.BootStub;
import dev.kiln.boot.HostedStub;
import dev.kiln.boot.InterruptStub;
import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.Compiler;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs a test program the two ways the differential tests compare: compiled by Kiln and booted as a kernel
 * (QEMU {@code -kernel}, PVH entry) and on the HotSpot JVM that runs the tests.
 */
final class KilnRunner {
    /** The kernel template's classes (this module's main output) and the test programs. */
    static final Path KERNEL_TEMPLATE = Path.of("target/classes");
    static final Path PROGRAMS = Path.of("target/test-classes");
    private static final Path WORK = Path.of("target/kiln-test");

    /** What a program printed and how it ended. */
    record Outcome(String output, int status) {
    }

    private KilnRunner() {
    }

    static ObjectModule compile(String mainClass) throws CompilationException {
        return compile(PROGRAMS, mainClass, CompilerOptions.defaults());
    }

    static ObjectModule compile(Path programs, String mainClass, CompilerOptions options) throws CompilationException {
        return Compiler.compile(ClassPath.of(List.of(KERNEL_TEMPLATE, programs)), new EntryPoints(mainClass), options);
    }

    static RunResult boot(String mainClass, Duration timeout) throws Exception {
        return boot(mainClass, timeout, "", Optional.empty());
    }

    /** Boots with {@code commandLine} as the kernel command line (QEMU {@code -append}), e.g. a test hook's word. */
    static RunResult boot(String mainClass, Duration timeout, String commandLine) throws Exception {
        return boot(mainClass, timeout, commandLine, Optional.empty());
    }

    /** Boots with the serial output also copied, as it arrives, to {@code echo}. */
    static RunResult boot(String mainClass, Duration timeout, PrintStream echo) throws Exception {
        return boot(mainClass, timeout, "", Optional.of(echo));
    }

    private static RunResult boot(String mainClass, Duration timeout, String commandLine, Optional<PrintStream> echo)
            throws Exception {
        return Qemu.boot(bootSpec(mainClass, timeout, commandLine, echo));
    }

    /**
     * Compiles and links {@code mainClass} into a kernel ELF and says how to boot it with QEMU {@code -kernel}:
     * with {@code commandLine} as the kernel command line unless it is empty, copying the serial output to
     * {@code echo} if given.
     */
    static RunSpec bootSpec(String mainClass, Duration timeout, String commandLine, Optional<PrintStream> echo)
            throws Exception {
        return bootSpec(compile(mainClass), mainClass, timeout, commandLine, echo);
    }

    private static RunSpec bootSpec(ObjectModule compiled, String mainClass, Duration timeout, String commandLine,
            Optional<PrintStream> echo) throws Exception {
        Kernel kernel = Linker.link(List.of(BootStub.module(), InterruptStub.module(), compiled), LinkOptions.defaults());
        Files.createDirectories(WORK);
        String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Path elf = WORK.resolve(simpleName + ".elf");
        kernel.writeElf(elf);
        kernel.writeMap(WORK.resolve(simpleName + ".map"));
        return RunSpec.builder(elf, ImageKind.KERNEL_ELF)
                .timeout(timeout)
                .serialLog(WORK.resolve(simpleName + ".serial.log"))
                .echo(echo)
                .extraArgs(commandLine.isEmpty() ? List.of() : List.of("-append", commandLine))
                .build();
    }

    static Outcome onKiln(String mainClass) throws Exception {
        return onKiln(mainClass, "");
    }

    static Outcome onKiln(String mainClass, String commandLine) throws Exception {
        return outcome(mainClass, boot(mainClass, Duration.ofSeconds(60), commandLine));
    }

    /** A program compiled (from another class path, with other options) by the caller, booted in QEMU. */
    static Outcome onKiln(ObjectModule compiled, String mainClass) throws Exception {
        return outcome(mainClass, Qemu.boot(bootSpec(compiled, mainClass, Duration.ofSeconds(60), "", Optional.empty())));
    }

    private static Outcome outcome(String mainClass, RunResult result) {
        if (result.outcome() != RunResult.Outcome.SUCCESS && result.outcome() != RunResult.Outcome.FAILURE) {
            throw new AssertionError(mainClass + " on Kiln: " + result.describe() + "\n" + result.serialOutput());
        }
        return new Outcome(result.serialOutput(), result.guestStatus().orElse(-1));
    }

    /**
     * Compiled by Kiln for the hosted target and run as a Linux process (no QEMU), with empty standard input;
     * {@code arguments} are the process's, which the kernel reads as its command line (test hooks).
     */
    static Outcome onLinux(String mainClass, String... arguments) throws Exception {
        return onLinux(compile(mainClass), mainClass, new byte[0], arguments);
    }

    /** As {@link #onLinux(String, String...)}, with {@code input} on the process's standard input, then end of file. */
    static Outcome onLinux(String mainClass, byte[] input, String... arguments) throws Exception {
        return onLinux(compile(mainClass), mainClass, input, arguments);
    }

    /** A program compiled (from another class path, with other options) by the caller, run as a Linux process. */
    static Outcome onLinux(ObjectModule compiled, String mainClass, String... arguments) throws Exception {
        return onLinux(compiled, mainClass, new byte[0], arguments);
    }

    private static Outcome onLinux(ObjectModule compiled, String mainClass, byte[] input, String... arguments)
            throws Exception {
        Kernel kernel = Linker.link(List.of(BootStub.module(), InterruptStub.module(), compiled, HostedStub.module()),
                new LinkOptions(LinkOptions.DEFAULT_BASE_ADDRESS, HostedStub.ENTRY));
        Files.createDirectories(WORK);
        Path executable = WORK.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".linux");
        kernel.writeElf(executable);
        executable.toFile().setExecutable(true);
        List<String> command = new java.util.ArrayList<>(List.of(executable.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = feedAndCollect(process, input);
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass + " as a Linux process did not exit within 60 s");
        }
        return new Outcome(output, process.exitValue());
    }

    /** Writes {@code input} to the process's standard input and closes it, then reads all it prints. */
    private static String feedAndCollect(Process process, byte[] input) throws IOException {
        try (var stdin = process.getOutputStream()) {
            stdin.write(input); // small inputs: the pipe holds them before the program reads
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The program's output and exit status on Kiln must equal HotSpot's, byte for byte. */
    static void assertSameAsHotSpot(String mainClass, Outcome onKiln) throws IOException, InterruptedException {
        assertSameAsHotSpot(mainClass, new byte[0], onKiln);
    }

    /** As {@link #assertSameAsHotSpot(String, Outcome)}, HotSpot reading {@code input} from standard input. */
    static void assertSameAsHotSpot(String mainClass, byte[] input, Outcome onKiln)
            throws IOException, InterruptedException {
        Outcome expected = onHotSpot(PROGRAMS, mainClass, input);
        assertEquals(expected.output(), onKiln.output(), "output of " + mainClass);
        assertEquals(expected.status(), onKiln.status(), "exit status of " + mainClass);
    }

    /** As {@link #assertSameAsHotSpot(String, Outcome)}, HotSpot started with {@code jvmOptions} too. */
    static void assertSameAsHotSpot(String mainClass, List<String> jvmOptions, Outcome onKiln)
            throws IOException, InterruptedException {
        Outcome expected = onHotSpot(mainClass, jvmOptions);
        assertEquals(expected.output(), onKiln.output(), "output of " + mainClass);
        assertEquals(expected.status(), onKiln.status(), "exit status of " + mainClass);
    }

    static Outcome onHotSpot(String mainClass) throws IOException, InterruptedException {
        return onHotSpot(PROGRAMS, mainClass, new byte[0]);
    }

    static Outcome onHotSpot(Path programs, String mainClass) throws IOException, InterruptedException {
        return onHotSpot(programs, mainClass, new byte[0]);
    }

    /** As {@link #onHotSpot(Path, String)}, with {@code input} on the JVM's standard input, then end of file. */
    static Outcome onHotSpot(Path programs, String mainClass, byte[] input) throws IOException, InterruptedException {
        return onHotSpot(programs, mainClass, input, List.of(), List.of());
    }

    /** As {@link #onHotSpot(Path, String)}, with {@code arguments} for {@code main}. */
    static Outcome onHotSpotWithArguments(Path programs, String mainClass, String... arguments)
            throws IOException, InterruptedException {
        return onHotSpot(programs, mainClass, new byte[0], List.of(), List.of(arguments));
    }

    /** As {@link #onHotSpot(Path, String)}, the JVM started with {@code jvmOptions} too. */
    static Outcome onHotSpot(Path programs, String mainClass, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return onHotSpot(programs, mainClass, new byte[0], jvmOptions, List.of());
    }

    /** As {@link #onHotSpot(String)}, the JVM started with {@code jvmOptions} too (e.g. a heap size). */
    static Outcome onHotSpot(String mainClass, List<String> jvmOptions) throws IOException, InterruptedException {
        return onHotSpot(PROGRAMS, mainClass, new byte[0], jvmOptions, List.of());
    }

    private static Outcome onHotSpot(Path programs, String mainClass, byte[] input, List<String> jvmOptions,
            List<String> arguments) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // The guest's defaults (docs/compiler.md "Locale data and resource bundles"), whatever the host's LANG and TZ.
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-Duser.language=en", "-Duser.country=",
                "-Duser.variant=", "-Duser.script=", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", programs.toString(), mainClass));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        String output = feedAndCollect(process, input);
        return new Outcome(output, process.waitFor());
    }
}
