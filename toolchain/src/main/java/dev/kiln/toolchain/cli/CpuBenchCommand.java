package dev.kiln.toolchain.cli;

import dev.kiln.compiler.CompilationException;
import dev.kiln.toolchain.KilnBuild;
import dev.kiln.linker.LinkException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln bench cpu}: the same program compiled by Kiln for the hosted target (a Linux process, no QEMU)
 * against HotSpot running its class files, alternating in one run, whole process from start to exit (JVM
 * start-up included, as a user would see it). Both outputs must be identical, or the numbers mean nothing.
 */
@Command(name = "cpu", mixinStandardHelpOptions = true,
        description = "Times a program compiled by Kiln (as a Linux process) against the same classes on HotSpot.")
final class CpuBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgramOptions program;

    @Mixin
    BenchRuns benchRuns;

    @Option(names = "--java", paramLabel = "<java>", description = "The HotSpot to compare with (default: the java running kiln).")
    String javaCommand;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int runs = benchRuns.count(spec);
        try {
            Path work = Files.createTempDirectory("kiln-bench-cpu");
            Path executable = work.resolve("program");
            List<Path> entries = program.classPathEntries();
            KilnBuild.buildHostedExecutable(entries, program.mainClass, executable);
            String hotspot = javaCommand != null ? javaCommand : ProcessHandle.current().info().command().orElse("java");
            List<String> kilnCommand = List.of(executable.toString());
            List<String> hotspotCommand = List.of(hotspot, "-cp", program.classPath, program.mainClass);
            List<Double> kiln = new ArrayList<>();
            List<Double> hotspotMillis = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                Run a = run(kilnCommand);
                Run b = run(hotspotCommand);
                if (!a.output().equals(b.output()) || a.status() != b.status()) {
                    err.println("kiln: the outputs differ (Kiln exit " + a.status() + ", HotSpot exit " + b.status()
                            + "); not timing a program that computes different things");
                    return 1;
                }
                if (i > 0) {
                    kiln.add(a.millis());
                    hotspotMillis.add(b.millis());
                    ratios.add(a.millis() / b.millis());
                }
            }
            out.printf("%s, whole process, %d runs each after 1 warm-up (milliseconds: median [min..max])%n", program.mainClass, runs);
            out.printf("  Kiln, hosted Linux executable (%d bytes): %s%n", Files.size(executable), Stats.summary(kiln));
            out.printf("  HotSpot (%s):  %s%n", hotspot, Stats.summary(hotspotMillis));
            out.printf("  ratio Kiln/HotSpot, pair by pair: %s%n", Stats.ratioSummary(ratios));
            return 0;
        } catch (CompilationException e) {
            err.println("kiln: " + e.getMessage().replace(System.lineSeparator(), System.lineSeparator() + "kiln: "));
        } catch (LinkException | IOException | IllegalStateException e) {
            err.println("kiln: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("kiln: interrupted");
        }
        return 1;
    }

    private record Run(String output, int status, double millis) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        int status = process.waitFor();
        return new Run(new String(output, StandardCharsets.UTF_8), status, (System.nanoTime() - start) / 1e6);
    }
}
