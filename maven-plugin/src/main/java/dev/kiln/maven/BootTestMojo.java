package dev.kiln.maven;

import dev.kiln.qemu.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Boots the project's images headless, each of {@code <formats>} with each of {@code <firmware>}, and fails the
 * build unless every guest exits with status 0 and its serial output contains every {@code <expectedOutput>}. The
 * serial output is kept in {@code target/kiln/<artifactId>.serial.log} (for several boots,
 * {@code <artifactId>.<format>-<firmware>.serial.log}); a failure quotes its last lines.
 */
@Mojo(name = "boot-test", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class BootTestMojo extends BootMojo {

    /**
     * Texts the serial output must contain, each anywhere in it. On the command line: comma-separated,
     * {@code -Dkiln.expectedOutput=Hello,Bye}.
     */
    @Parameter(property = "kiln.expectedOutput")
    List<String> expectedOutput;

    /** A boot test is a test: {@code -DskipTests} skips it, as it skips Surefire's and Failsafe's. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    @Override
    String goal() {
        return "boot-test";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException, InvalidParameterException {
        if (skipTests) {
            getLog().info("kiln:boot-test skipped (skipTests)");
            return;
        }
        List<Boot> boots = boots();
        List<String> expected = expectedOutput == null ? List.of() : expectedOutput;
        for (Boot boot : boots) {
            Path serialLog = boots.size() == 1 ? layout().serialLog()
                    : layout().serialLog(boot.format(), boot.firmware().name().toLowerCase(Locale.ROOT));
            RunResult result = boot(boot, serialLog, Optional.empty(), false);
            String what = boots.size() == 1 ? "" : " (" + boot.describe() + ")";
            String quoted = "Last lines of the serial output:\n"
                    + SerialOutput.lastLines(result.serialOutput(), SerialOutput.QUOTED_LINES);
            if (!result.succeeded()) {
                throw new MojoFailureException("kiln:boot-test failed" + what + ": " + result.describe() + "\n" + quoted);
            }
            List<String> missing = SerialOutput.missing(result.serialOutput(), expected);
            if (!missing.isEmpty()) {
                throw new MojoFailureException("kiln:boot-test failed" + what + ": the guest exited with status 0, but"
                        + " its serial output lacks " + (missing.size() == 1 ? "this <expectedOutput>: "
                        : "these <expectedOutput> texts: ")
                        + String.join(", ", missing.stream().map(text -> "\"" + text + "\"").toList())
                        + ". Serial log: " + serialLog + "\n" + quoted);
            }
            getLog().info("kiln:boot-test passed" + what + ": the guest exited with status 0 after "
                    + result.elapsed().toMillis() + " ms" + (expected.isEmpty() ? ""
                    : " and printed all " + expected.size() + " <expectedOutput> texts"));
        }
    }
}
