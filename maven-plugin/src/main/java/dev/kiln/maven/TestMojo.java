package dev.kiln.maven;

import dev.kiln.compiler.CompilationException;
import dev.kiln.linker.LinkException;
import dev.kiln.qemu.QemuException;
import dev.kiln.testengine.ConsoleSummary;
import dev.kiln.testengine.KilnTestRun;
import dev.kiln.testengine.TestDiscoveryException;
import dev.kiln.testengine.TestRunReport;
import dev.kiln.testengine.TestRunSpec;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the project's JUnit 5 tests inside a Kiln image: discovers them in {@code target/test-classes} at build
 * time, builds one image of a generated runner, the tests, the main classes and the test-scope dependencies,
 * boots it headless, and writes {@code target/failsafe-reports} as Maven Failsafe does. A failing test fails the
 * build with Failsafe's message; so does a guest that crashes or runs past {@code kiln.timeout}, naming the test
 * that was running. The engine is {@code dev.kiln.testengine}; this class maps parameters and errors.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.INTEGRATION_TEST, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class TestMojo extends BootMojo {

    /**
     * Which tests run: {@code Class}, {@code Class#method}, comma-separated, with {@code *} wildcards, as
     * Failsafe's {@code -Dit.test}; unset, {@code -Dtest} (Surefire's) is read too.
     */
    @Parameter(property = "it.test")
    String test;

    /** Only tests with one of these JUnit tags (comma-separated), as Surefire's and Failsafe's {@code groups}. */
    @Parameter(property = "groups")
    String groups;

    /** No test with one of these JUnit tags (comma-separated). */
    @Parameter(property = "excludedGroups")
    String excludedGroups;

    /** Skips {@code kiln:test}, as it skips Failsafe's tests. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skips {@code kiln:test}, as it skips Surefire's and Failsafe's tests. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Reports failing tests but does not fail the build, as Surefire's and Failsafe's option of the same property. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Fails the build when {@code it.test}/{@code test} selects no test, as Failsafe's option of the same property. */
    @Parameter(property = "it.failIfNoSpecifiedTests", defaultValue = "true")
    boolean failIfNoSpecifiedTests;

        /** Where the reports go, as Failsafe's. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports")
    File reportsDirectory;

    /** Every date recorded in the test image. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    @Override
    String goal() {
        return "test";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException, InvalidParameterException {
        if (skipTests || skipITs) {
            getLog().info("kiln:test skipped (" + (skipTests ? "skipTests" : "skipITs") + ")");
            return;
        }
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        String selection = test != null ? test : session.getUserProperties().getProperty("test");
        TestRunSpec spec = new TestRunSpec(testClasses,
                testClassPath(Path.of(project.getBuild().getOutputDirectory()), project.getArtifacts()),
                GoalParameters.testFilter(selection, groups, excludedGroups),
                layout().buildDirectory().resolve("kiln-test"), reportsDirectory.toPath(),
                GoalParameters.accel(accel), GoalParameters.timeout(timeout), GoalParameters.memoryMiB(memory),
                Optional.ofNullable(qemu).filter(path -> !path.isBlank()).map(Path::of),
                GoalParameters.outputTimestamp(outputTimestamp).orElseGet(Instant::now));
        TestRunReport report = run(spec);
        if (report.boot().isEmpty()) {
            if (selection != null && failIfNoSpecifiedTests) {
                throw new MojoFailureException("kiln:test: no tests matching pattern \"" + selection + "\" were executed!"
                        + " (Set -Dit.failIfNoSpecifiedTests=false to ignore this error.)");
            }
            getLog().info("kiln:test: no tests to run" + (selection == null ? "" : " (it.test/test: " + selection + ")"));
            return;
        }
        for (ConsoleSummary.Line line : ConsoleSummary.lines(report.results())) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                default -> getLog().info(line.text());
            }
        }
        getLog().info("kiln:test took " + seconds(report.build()) + " to build the image (discovery, compilation, linking), "
                + seconds(report.bootTime()) + " to boot it and " + seconds(report.run()) + " to run the tests; serial log: "
                + spec.serialLog());
        if (report.failed()) {
            String message = report.problem().map(problem -> "kiln:test: " + problem + "\n\n").orElse("")
                    + "There are test failures.\n\nSee " + spec.reportsDirectory() + " for the individual test results.";
            if (testFailureIgnore) {
                getLog().error(message);
            } else {
                throw new MojoFailureException(message);
            }
        }
    }

    private TestRunReport run(TestRunSpec spec) throws MojoExecutionException, MojoFailureException {
        try {
            return KilnTestRun.run(spec);
        } catch (TestDiscoveryException unsupported) {
            throw new MojoFailureException("kiln:test: " + unsupported.getMessage());
        } catch (CompilationException problems) {
            throw ImageMojo.compilationFailure(goal(), "the tests", problems, spec.workDirectory());
        } catch (LinkException problem) {
            throw new MojoFailureException("kiln:test: the kernel cannot be linked: " + problem.getMessage());
        } catch (QemuException qemuProblem) {
            throw new MojoExecutionException("kiln:test: " + qemuProblem.getMessage(), qemuProblem);
        } catch (IOException io) {
            throw new MojoExecutionException("kiln:test: cannot write " + spec.workDirectory() + " or "
                    + spec.reportsDirectory() + ": " + io, io);
        }
    }

    /**
     * The guest's class path besides the tests: the main classes, then every dependency Maven puts on the test class
     * path (compile, provided, runtime, test and system scope), in Maven's order. A project with tests only has no
     * {@code target/classes}.
     */
    static List<Path> testClassPath(Path classes, Set<Artifact> dependencies) {
        List<Path> classPath = new ArrayList<>();
        if (Files.isDirectory(classes)) {
            classPath.add(classes);
        }
        for (Artifact dependency : dependencies) {
            if (dependency.getArtifactHandler().isAddedToClasspath() && dependency.getFile() != null) {
                classPath.add(dependency.getFile().toPath());
            }
        }
        return classPath;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
