package dev.kiln.it.compat;

import java.io.File;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * Picocli builds its command model from annotations by reflection and parses fixed argument arrays: options with
 * values, repeated flags, enums, maps, positional parameters with an arity, a second command, type conversion and
 * its errors, the version option. (Usage help is left out: it wraps text with java.text.BreakIterator, whose rule data
 * Kiln's locale data does not have yet.)
 */
public class PicocliMain {
    enum Format { ZIP, TAR, XZ }

    @Command(name = "archive", mixinStandardHelpOptions = true, version = "archive 1.0",
            description = "Packs files into an archive.")
    static class Archive implements Callable<Integer> {
        @Option(names = {"-l", "--level"}, description = "Compression level.", defaultValue = "6")
        int level;

        @Option(names = {"-v", "--verbose"}, description = "Say more.")
        boolean[] verbose = new boolean[0];

        @Option(names = "--format", description = "One of: ${COMPLETION-CANDIDATES}.")
        Format format = Format.ZIP;

        @Option(names = {"-D", "--define"}, description = "Properties.")
        Map<String, String> properties;

        @Parameters(index = "0", description = "The archive to write.")
        File output;

        @Parameters(index = "1..*", arity = "1..*", description = "Files to pack.")
        java.util.List<String> inputs;

        @Override
        public Integer call() {
            System.out.println("level=" + level + " verbosity=" + verbose.length + " format=" + format
                    + " properties=" + properties + " output=" + output + " inputs=" + inputs);
            return inputs.size();
        }
    }

    @Command(name = "list", description = "Lists an archive.")
    static class List implements Callable<Integer> {
        @Option(names = "--long")
        boolean longFormat;

        @Parameters(paramLabel = "ARCHIVE")
        File archive;

        @Override
        public Integer call() {
            System.out.println("list " + archive + (longFormat ? " in the long format" : ""));
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new Archive());
        PrintWriter out = new PrintWriter(System.out, true);
        cl.setOut(out);
        cl.setErr(out);
        System.out.println("command " + cl.getCommandName() + ", options " + cl.getCommandSpec().options().size()
                + ", positionals " + cl.getCommandSpec().positionalParameters().size());
        System.out.println("exit code " + cl.execute("-vv", "--level", "9", "--format", "TAR", "-Da=1", "-Db=2",
                "out.tar", "a.txt", "b.txt"));
        System.out.println("exit code " + new CommandLine(new List()).execute("--long", "some.tar"));
        ParseResult result = cl.parseArgs("--level=3", "x.zip", "only.txt");
        System.out.println("matched " + result.matchedOptions().size() + " options, level "
                + result.matchedOptionValue("--level", -1) + ", positionals " + result.matchedPositionals().size()
                + ", has --format " + result.hasMatchedOption("--format"));
        for (String[] bad : new String[][] {{"--level", "x", "out"}, {"--format", "RAR", "o", "f"}, {"--nope", "o", "f"},
            {"out"}}) {
            try {
                cl.parseArgs(bad);
                System.out.println("parsed " + String.join(" ", bad));
            } catch (ParameterException e) {
                System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        System.out.println("exit code " + cl.execute("--version"));
        System.out.println("version requested " + cl.isVersionHelpRequested());
    }
}
