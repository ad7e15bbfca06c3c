package dev.kiln.toolchain.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How many counted runs a bench command makes of each side (a picocli mixin). */
final class BenchRuns {
    @Option(names = "--runs", defaultValue = "5", paramLabel = "<n>",
            description = "Counted runs of each (default ${DEFAULT-VALUE}), after one warm-up.")
    int runs;

    /** The count, or a usage error (exit code 2) when it is below 1. */
    int count(CommandSpec spec) {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not " + runs);
        }
        return runs;
    }
}
