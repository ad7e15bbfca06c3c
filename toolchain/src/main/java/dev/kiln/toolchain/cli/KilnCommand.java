package dev.kiln.toolchain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kiln}: the command-line face of the Kiln toolchain. Exit codes: 0 success, 1 the build failed
 * (compile, link or I/O errors, printed one per line), 2 the command line is wrong (picocli's usage error).
 */
@Command(name = "kiln", mixinStandardHelpOptions = true, version = "kiln 0.1.0-SNAPSHOT",
        description = "Turns Java class files into a bootable x86-64 operating-system image.",
        subcommands = {ImageCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class KilnCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new KilnCommand()).setCaseInsensitiveEnumValuesAllowed(true); // --format disk
    }

    /** {@code kiln} without a subcommand: say which ones exist. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: use 'kiln image ...'");
    }
}
