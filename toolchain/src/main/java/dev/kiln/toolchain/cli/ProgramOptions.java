package dev.kiln.toolchain.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The program every subcommand works on: its class path and main class (a picocli mixin). */
final class ProgramOptions {
    @Option(names = {"--classpath", "-cp"}, required = true, paramLabel = "<path-list>",
            description = "The application's jars and class directories, separated by '${sys:path.separator}'.")
    String classPath;

    @Option(names = "--main", required = true, paramLabel = "<class>",
            description = "Binary name of the class whose main(String[]) the kernel runs, e.g. com.example.Hello.")
    String mainClass;

    List<Path> classPathEntries() {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
    }
}
