package dev.kiln.toolchain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kiln bench}: measurements with a reference taken in the same run, never assertions. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks with a reference measured in the same run.",
        subcommands = {BootBenchCommand.class, CpuBenchCommand.class})
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: use 'kiln bench boot' or 'kiln bench cpu'");
    }
}
