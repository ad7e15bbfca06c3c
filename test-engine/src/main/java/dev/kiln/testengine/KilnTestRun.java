package dev.kiln.testengine;

import dev.kiln.boot.ReferenceGuests;
import dev.kiln.compiler.CompilationException;
import dev.kiln.toolchain.BuildSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import dev.kiln.toolchain.KilnBuild;
import dev.kiln.linker.LinkException;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import dev.kiln.testengine.TestResult.Outcome;
import dev.kiln.testengine.guest.GuestTestRunner;
import dev.kiln.testengine.guest.Protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole of {@code kiln:test}: discover the tests, generate their runner, build one image of the runner, the
 * tests, the main classes and the test-scope dependencies, boot it, read the results from the serial port and
 * write Failsafe's reports. Used by the Maven plugin; usable from any other front end.
 */
public final class KilnTestRun {
    private KilnTestRun() {
    }

    /**
     * @throws TestDiscoveryException a test uses what the build-time engine cannot run
     * @throws CompilationException   the tests cannot be compiled for the guest
     * @throws LinkException          the kernel cannot be linked
     * @throws QemuException          QEMU cannot be started
     */
    public static TestRunReport run(TestRunSpec spec)
            throws TestDiscoveryException, CompilationException, LinkException, QemuException, IOException {
        long start = System.nanoTime();
        TestPlan plan = TestDiscovery.discover(spec.testClasses(), spec.classPath(), spec.filter());
        if (plan.classes().isEmpty()) {
            return new TestRunReport(List.of(), FailsafeReports.write(spec.reportsDirectory(), List.of(), Map.of(),
                    Optional.empty(), false), Optional.empty(), Duration.ofNanos(System.nanoTime() - start),
                    Duration.ZERO, Duration.ZERO, Optional.empty());
        }
        Path runnerClasses = spec.workDirectory().resolve("runner-classes");
        deleteRecursively(runnerClasses);
        RunnerGenerator.generate(plan, spec.testTimeout(), runnerClasses);
        List<Path> guestClassPath = new ArrayList<>(List.of(runnerClasses, guestRuntimeLocation(), spec.testClasses()));
        guestClassPath.addAll(spec.classPath());
        KilnBuild.build(new BuildSpec(guestClassPath, RunnerGenerator.MAIN_CLASS,
                new ImageSpec(spec.image(), ImageFormat.ISO, ImageSpec.DEFAULT_VOLUME_ID, spec.timestamp()),
                Optional.of(spec.workDirectory().resolve("kernel.elf")), Optional.of(spec.workDirectory().resolve("kernel.map")),
                Optional.of(spec.workDirectory()), false,
                warning -> System.err.println("kiln:test: warning: " + warning)));
        long built = System.nanoTime();

        FirstRecordClock clock = new FirstRecordClock();
        RunResult boot = Qemu.boot(RunSpec.builder(spec.image(), ImageKind.ISO)
                .accel(spec.accel())
                .kvmProbeGuest(ReferenceGuests.kvmProbeBootSector())
                .timeout(spec.timeout())
                .memoryMiB(spec.memoryMiB())
                .qemuBinary(spec.qemuBinary())
                .serialLog(spec.serialLog())
                .echo(new PrintStream(clock, true))
                .build());
        long finished = System.nanoTime();
        long bootStart = finished - boot.elapsed().toNanos();
        long firstRecord = clock.at == 0 ? finished : clock.at;

        GuestReport guest = GuestReport.read(boot.serialOutput());
        List<TestResult> results = new ArrayList<>(guest.results());
        Optional<String> problem = Optional.empty();
        if (!guest.completed() || !boot.succeeded()) {
            String what = boot.describe();
            problem = Optional.of(guest.running()
                    .map(test -> "the guest stopped while " + test + " was running: " + what)
                    .orElse(guest.completed() ? "the tests ran, but " + what : "the guest stopped before the tests finished: " + what));
            String kernelOutput = guest.otherOutput().isBlank() ? "" : "\nOutput of the guest outside the tests:\n" + guest.otherOutput();
            String message = problem.get();
            guest.runningResult().ifPresent(partial -> results.add(new TestResult(partial.className(), partial.name(),
                    partial.displayName(), Outcome.ERROR, 0, Optional.of("dev.kiln.GuestStopped"), Optional.of(message),
                    Optional.of(message + kernelOutput), partial.systemOut(), partial.systemErr())));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kiln.engine", "Kiln build-time JUnit Jupiter engine");
        properties.put("kiln.image", spec.image().toString());
        properties.put("kiln.accel", spec.accel().name().toLowerCase(java.util.Locale.ROOT));
        properties.put("kiln.serialLog", spec.serialLog().toString());
        FailsafeReports.Counts counts = FailsafeReports.write(spec.reportsDirectory(), results, properties, problem,
                boot.outcome() == RunResult.Outcome.TIMEOUT);
        return new TestRunReport(results, counts, problem, Duration.ofNanos(built - start),
                Duration.ofNanos(Math.max(0, firstRecord - bootStart)), Duration.ofNanos(Math.max(0, finished - firstRecord)),
                Optional.of(boot));
    }

    /** Notes when the runner's first record arrives on the serial port: the end of the boot, the start of the tests. */
    private static final class FirstRecordClock extends OutputStream {
        private final byte[] prefix = (Protocol.PREFIX + Protocol.PLAN).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        private int matched;
        private boolean lineStart = true;
        volatile long at;

        @Override
        public void write(int b) {
            if (at != 0) {
                return;
            }
            if (lineStart || matched > 0) {
                matched = b == prefix[matched] ? matched + 1 : 0;
                if (matched == prefix.length) {
                    at = System.nanoTime();
                }
            }
            lineStart = b == '\n';
        }
    }

    /**
     * The jar or class directory that holds the guest runtime ({@link GuestTestRunner} and its helpers), which
     * is compiled into the image with the tests.
     */
    static Path guestRuntimeLocation() {
        try {
            return Path.of(GuestTestRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the Kiln test runner's classes", e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
