package dev.kiln.maven;

import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The parameters {@code kiln:run} and {@code kiln:boot-test} share, and the boot itself. */
abstract class BootMojo extends KilnMojo {

    /**
     * The {@code qemu-system-x86_64} to run: a path, or a bare name looked up on {@code PATH}; unset: the
     * {@code qemu-system-x86_64} on {@code PATH}.
     */
    @Parameter(property = "kiln.qemu")
    String qemu;

    /** How QEMU runs the guest: {@code tcg} (portable, the default), {@code kvm} or {@code auto}. */
    @Parameter(property = "kiln.accel", defaultValue = "tcg")
    String accel;

    /** Seconds the guest may run before QEMU is killed and the boot fails. */
    @Parameter(property = "kiln.timeout", defaultValue = "60")
    String timeout;

    /** Guest RAM in MiB. */
    @Parameter(property = "kiln.memory", defaultValue = "256")
    String memory;

    /**
     * Boots the image {@code kiln:image} wrote, with the serial output logged to
     * {@code target/kiln/<artifactId>.serial.log} and copied to {@code echo} as it arrives, and with Maven's
     * standard input as the serial port's input if {@code terminalInput}.
     */
    RunResult boot(Optional<PrintStream> echo, boolean terminalInput) throws InvalidParameterException, MojoExecutionException {
        ImageLayout layout = layout();
        // the ISO if kiln:image wrote one, else the raw disk image (kiln.image.formats=disk)
        boolean iso = Files.isRegularFile(layout.iso()) || !Files.isRegularFile(layout.disk());
        RunSpec spec = RunSpec.builder(iso ? layout.iso() : layout.disk(), iso ? ImageKind.ISO : ImageKind.DISK)
                .accel(GoalParameters.accel(accel))
                .timeout(GoalParameters.timeout(timeout))
                .memoryMiB(GoalParameters.memoryMiB(memory))
                .qemuBinary(Optional.ofNullable(qemu).filter(path -> !path.isBlank()).map(Path::of))
                .serialLog(layout.serialLog())
                .echo(echo)
                .terminalInput(terminalInput)
                .build();
        if (!Files.isRegularFile(spec.image())) {
            throw new MojoExecutionException("kiln:" + goal() + ": there is no image at " + layout.iso()
                    + "; kiln:image writes it in the package phase. Add <goal>image</goal> to the <executions> of"
                    + " kiln-maven-plugin in your pom (see Kiln's README), then run mvn verify or mvn kiln:run");
        }
        try {
            Files.createDirectories(layout.kilnDirectory());
            return Qemu.boot(spec);
        } catch (QemuException qemuProblem) {
            throw new MojoExecutionException("kiln:" + goal() + ": " + qemuProblem.getMessage(), qemuProblem);
        } catch (IOException io) {
            throw new MojoExecutionException("kiln:" + goal() + ": cannot create " + layout.kilnDirectory() + ": " + io, io);
        }
    }
}
