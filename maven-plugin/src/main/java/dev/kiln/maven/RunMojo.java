package dev.kiln.maven;

import dev.kiln.qemu.RunResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

import java.util.Locale;
import java.util.Optional;

/**
 * Boots the project's image in QEMU and shows what the guest writes to its serial port, for a person at a
 * terminal; what the person types goes to the serial port, where the guest's {@code System.in} reads it. Like
 * {@code jetty:run} and {@code spring-boot:run}, it first runs the lifecycle up to
 * {@code package} in a fork, so {@code mvn kiln:run} alone builds the image (through the {@code image} goal
 * the pom binds) and boots it: the first of {@code <formats>} (ISO before disk, tar.gz and ELF) with the first of
 * {@code <firmware>}. The build fails if the guest does not exit with status 0.
 */
@Mojo(name = "run", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class RunMojo extends BootMojo {

    @Override
    String goal() {
        return "run";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException, InvalidParameterException {
        Boot first = boots().get(0);
        getLog().info("Booting " + layout().image(first.format()) + " with " + first.firmware().name().toLowerCase(Locale.ROOT)
                + " firmware (serial output follows; log: " + layout().serialLog() + ")");
        RunResult result = boot(first, layout().serialLog(), Optional.of(System.out), true);
        System.out.flush();
        if (!result.succeeded()) {
            throw new MojoFailureException("kiln:run: " + result.describe());
        }
        getLog().info("The guest exited with status 0 after " + result.elapsed().toMillis() + " ms");
    }
}
