import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * bench/cpu's driver (run by bench/cpu/run): for each benchmark of kiln.bench.cpu, builds the Kiln hosted
 * executable twice, with the optimizing tier and with the baseline alone (each build timed: the whole build
 * process), and the C version (gcc -O2), then runs both Kiln executables, HotSpot and C one after the other, a warm-up round and then {@code runs} rounds, whole process each time, under /usr/bin/time
 * for the peak RSS. Every run's output must equal the others', byte for byte, or it stops: timing programs
 * that compute different things would mean nothing. Prints medians, ratios, peak RSS, executable sizes and
 * the geometric means of the ratios.
 *
 * <p>Rejected: extending {@code kiln bench cpu} (one program, Kiln against HotSpot only; the CLI is moving
 * module) and a shell script alone (medians, ratios and geometric means are awkward in bash).
 */
public class CpuSuite {
    /** Java class, C file. */
    private static final String[][] BENCHMARKS = {
        {"NBody", "nbody"}, {"SpectralNorm", "spectralnorm"}, {"FannkuchRedux", "fannkuchredux"},
        {"BinaryTrees", "binarytrees"}, {"Mandelbrot", "mandelbrot"}, {"Fasta", "fasta"},
        {"WordFrequency", "wordfrequency"}, {"ExpressionEvaluator", "expressionevaluator"},
    };

    private record Run(String output, int status, double millis, long peakKib) {
    }

    private record Measured(List<Double> millis, List<Long> peakKib) {
        Measured() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        double medianMillis() {
            return median(millis.stream().mapToDouble(Double::doubleValue).toArray());
        }

        double medianMib() {
            return median(peakKib.stream().mapToDouble(k -> k / 1024.0).toArray());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: CpuSuite <build-hosted command, words separated by spaces> <classes> <C sources> <work dir> <runs> [benchmark...]");
            System.exit(2);
        }
        List<String> buildHosted = List.of(args[0].split(" "));
        Path classes = Path.of(args[1]);
        Path cSources = Path.of(args[2]);
        Path work = Path.of(args[3]);
        int runs = Integer.parseInt(args[4]);
        List<String> only = Arrays.asList(args).subList(5, args.length);
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(work);

        System.out.printf(Locale.ROOT, "Whole process each, %d runs after 1 warm-up, median; HotSpot: %s with default flags%n", runs, java);
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %8s %8s %8s %27s %19s %11s%n", "benchmark", "opt ms", "base ms",
                "HotSpot", "gcc -O2", "opt/HS", "base/HS", "opt/gcc", "peak RSS MiB opt/base/HS/gcc", "size KiB opt/base/gcc",
                "build s o/b");
        double logOptimized = 0, logBaseline = 0, logGcc = 0;
        int measured = 0;
        for (String[] benchmark : BENCHMARKS) {
            if (!only.isEmpty() && !only.contains(benchmark[0])) {
                continue;
            }
            String mainClass = "kiln.bench.cpu." + benchmark[0];
            Path[] kilnExecutables = {work.resolve(benchmark[1] + ".kiln-opt"), work.resolve(benchmark[1] + ".kiln-base")};
            double[] buildSeconds = new double[2];
            for (int tier = 0; tier < 2; tier++) {
                // the tier by the compiler's system property (dev.kiln.compiler.CompilerOptions.defaultOptimize)
                List<String> build = new ArrayList<>(buildHosted.subList(0, 1));
                build.add("-Dkiln.optimize=" + (tier == 0));
                build.addAll(buildHosted.subList(1, buildHosted.size()));
                build.addAll(List.of(classes.toString(), mainClass, kilnExecutables[tier].toString()));
                long buildStart = System.nanoTime();
                Run kilnBuild = run(build, work);
                buildSeconds[tier] = (System.nanoTime() - buildStart) / 1e9;
                if (kilnBuild.status() != 0) {
                    fail("Kiln could not build " + mainClass + ":\n" + kilnBuild.output());
                }
            }
            Path cExecutable = work.resolve(benchmark[1] + ".gcc");
            Run gccBuild = run(List.of("gcc", "-O2", "-o", cExecutable.toString(), cSources.resolve(benchmark[1] + ".c").toString(), "-lm"), work);
            if (gccBuild.status() != 0) {
                fail("gcc could not build " + benchmark[1] + ".c:\n" + gccBuild.output());
            }
            List<List<String>> commands = List.of(
                    List.of(kilnExecutables[0].toAbsolutePath().toString()),
                    List.of(kilnExecutables[1].toAbsolutePath().toString()),
                    List.of(java, "-cp", classes.toString(), mainClass),
                    List.of(cExecutable.toAbsolutePath().toString()));
            String[] names = {"Kiln optimized", "Kiln baseline", "HotSpot", "gcc -O2"};
            Measured[] results = {new Measured(), new Measured(), new Measured(), new Measured()};
            String expected = null;
            for (int round = 0; round <= runs; round++) {
                for (int i = 0; i < commands.size(); i++) {
                    Run result = run(commands.get(i), work);
                    if (result.status() != 0) {
                        fail(benchmark[0] + " on " + names[i] + " exited with status " + result.status() + ":\n" + result.output());
                    }
                    if (expected == null) {
                        expected = result.output();
                    } else if (!expected.equals(result.output())) {
                        fail(benchmark[0] + ": " + names[i] + " printed something else than " + names[0] + ".\n--- "
                                + names[0] + ":\n" + expected + "--- " + names[i] + ":\n" + result.output());
                    }
                    if (round > 0) {
                        results[i].millis().add(result.millis());
                        results[i].peakKib().add(result.peakKib());
                    }
                }
            }
            double optimized = results[0].medianMillis(), baseline = results[1].medianMillis();
            double hotspot = results[2].medianMillis(), gcc = results[3].medianMillis();
            logOptimized += Math.log(optimized / hotspot);
            logBaseline += Math.log(baseline / hotspot);
            logGcc += Math.log(optimized / gcc);
            measured++;
            System.out.printf(Locale.ROOT, "%-20s %8.0f %8.0f %8.0f %8.0f %8.2f %8.2f %8.2f %27s %19s %11s%n", benchmark[0],
                    optimized, baseline, hotspot, gcc, optimized / hotspot, baseline / hotspot, optimized / gcc,
                    String.format(Locale.ROOT, "%.1f/%.1f/%.1f/%.1f", results[0].medianMib(), results[1].medianMib(),
                            results[2].medianMib(), results[3].medianMib()),
                    String.format(Locale.ROOT, "%d/%d/%d", Files.size(kilnExecutables[0]) / 1024,
                            Files.size(kilnExecutables[1]) / 1024, Files.size(cExecutable) / 1024),
                    String.format(Locale.ROOT, "%.1f/%.1f", buildSeconds[0], buildSeconds[1]));
        }
        if (measured > 0) {
            System.out.printf(Locale.ROOT, "geometric mean over %d benchmarks: optimized/HotSpot %.2f, baseline/HotSpot %.2f, "
                    + "optimized/gcc -O2 %.2f%n", measured, Math.exp(logOptimized / measured), Math.exp(logBaseline / measured),
                    Math.exp(logGcc / measured));
        }
    }

    /** Runs {@code command} under /usr/bin/time, which writes the peak RSS (KiB, %M) to a file. */
    private static Run run(List<String> command, Path work) throws IOException, InterruptedException {
        Path rss = work.resolve("peak-rss");
        List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-o", rss.toString(), "-f", "%M"));
        timed.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> rssLines = Files.readAllLines(rss);
        long peak = Long.parseLong(rssLines.get(rssLines.size() - 1).trim());
        return new Run(output, status, millis, peak);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void fail(String message) {
        System.err.println("bench/cpu: " + message);
        System.exit(1);
    }
}
