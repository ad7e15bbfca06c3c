package dev.kiln.maven;

import dev.kiln.compiler.CompilationException;
import dev.kiln.toolchain.BuildSpec;
import dev.kiln.image.ImageBuilder;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import dev.kiln.toolchain.KilnBuild;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkException;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles the project's classes, its runtime dependencies and Kiln's kernel ahead of time, links the kernel and
 * writes a bootable image: {@code target/<artifactId>.iso}, plus {@code target/kiln/kernel.elf} (bootable with
 * {@code qemu -kernel} or GRUB) and {@code target/kiln/kernel.map}. Nothing is attached to the project yet.
 */
@Mojo(name = "image", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class ImageMojo extends KilnMojo {
    /** The class whose {@code public static void main(String[])} the kernel calls after boot. Required. */
    @Parameter(property = "kiln.mainClass")
    String mainClass;

    /**
     * The images to write: {@code iso} ({@code target/<artifactId>.iso}, a hybrid ISO that boots from a CD, a USB
     * stick or a disk) and/or {@code disk} ({@code target/<artifactId>.img}, a raw disk image).
     */
    @Parameter(property = "kiln.image.formats", defaultValue = "iso")
    List<String> formats;

    /**
     * The arguments {@code main(String[])} gets when the image boots (Kiln's loaders pass them on the kernel
     * command line): words of printable ASCII without spaces, 2047 characters in all at most.
     */
    @Parameter(property = "kiln.args")
    List<String> args;

    /** Every date recorded in the image; set it (as for reproducible jars) and the image is byte-for-byte reproducible. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    String outputTimestamp;

    /**
     * Make references to classes, methods and fields that do not link (missing, of another type or static-ness,
     * not accessible) build errors. By default they are warnings, and the code throws the JVM's LinkageError
     * when it runs, as on the JVM.
     */
    @Parameter(property = "kiln.linkAtBuildTime", defaultValue = "false")
    boolean linkAtBuildTime;

    /**
     * Classes to register for reflection with all their members, by binary name ({@code com.example.Outer$Inner}),
     * besides those the code names as constants and those the class path's GraalVM metadata
     * ({@code META-INF/native-image/.../reflect-config.json}) registers.
     */
    @Parameter(property = "kiln.reflection")
    List<String> reflection;

    /** Registers every class of the project and its dependencies that the program reaches for reflection. */
    @Parameter(property = "kiln.reflectAll", defaultValue = "false")
    boolean reflectAll;

    /**
     * Compiles with the optimizing tier where it can (docs/compiler.md "The optimizing tier"); false keeps the
     * baseline alone, for faster debug builds.
     */
    @Parameter(property = "kiln.optimize", defaultValue = "true")
    boolean optimize;

    /**
     * Globs of class path files to pack into the image as resources ({@code config/*.properties},
     * {@code templates/**}), besides the project's own resources (always packed) and those the class path's GraalVM
     * resource configuration ({@code META-INF/native-image/.../resource-config.json}) selects.
     */
    @Parameter(property = "kiln.resources")
    List<String> resources;

    /**
     * Time zones whose rules the image carries, as region ids of the JDK's tzdb ({@code Europe/Paris},
     * {@code America/New_York}), besides the default zone's and UTC's. {@code ZoneId.of} of another region throws
     * {@code ZoneRulesException} with a hint naming this parameter; {@code TimeZone.getTimeZone} answers GMT, as for an
     * unknown id. Each zone costs its rules and its name, 23 bytes to 1.5 KB (README "Time zones").
     */
    @Parameter(property = "kiln.timeZones")
    List<String> timeZones;

    /**
     * The image's default time zone ({@code TimeZone.getDefault}, {@code ZoneId.systemDefault}), a region id of the
     * JDK's tzdb; packed with the others. HotSpot's default is the host's; an image has no host, so it is UTC unless
     * named here.
     */
    @Parameter(property = "kiln.defaultTimeZone", defaultValue = "UTC")
    String defaultTimeZone;

    @Override
    String goal() {
        return "image";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException, InvalidParameterException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        String main = GoalParameters.mainClass(mainClass, classes);
        Instant timestamp = GoalParameters.outputTimestamp(outputTimestamp).orElseGet(Instant::now);
        List<Path> classPath = classPath(classes, project.getArtifacts());
        ImageLayout layout = layout();
        List<ImageFormat> imageFormats = GoalParameters.imageFormats(formats);
        long started = System.nanoTime();
        buildImages(classPath, main, timestamp, layout, imageFormats, GoalParameters.arguments(args), linkAtBuildTime);
        getLog().info("kiln:image built the kernel and " + imageFormats.size() + (imageFormats.size() == 1 ? " image" : " images")
                + " in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        for (ImageFormat format : imageFormats) {
            getLog().info("kiln:image wrote " + layout.image(format));
        }
        getLog().info("kiln:image wrote the kernel " + layout.kernelElf() + " and its map " + layout.linkMap());
    }

    /**
     * The application's class path: the project's classes, then its compile- and runtime-scope dependencies in
     * Maven's order. (KilnBuild puts the kernel template, a dependency of this plugin, in front.)
     */
    static List<Path> classPath(Path classes, Set<Artifact> dependencies) {
        List<Path> classPath = new ArrayList<>();
        classPath.add(classes);
        for (Artifact dependency : dependencies) {
            boolean runtime = Artifact.SCOPE_COMPILE.equals(dependency.getScope())
                    || Artifact.SCOPE_RUNTIME.equals(dependency.getScope());
            if (runtime && dependency.getArtifactHandler().isAddedToClasspath() && dependency.getFile() != null) {
                classPath.add(dependency.getFile().toPath());
            }
        }
        return classPath;
    }

    /** The build error for code the compiler cannot translate: the first problems, and where the rest are listed. */
    static MojoFailureException compilationFailure(String goal, String program, CompilationException problems,
                                                   Path reportDirectory) {
        int more = problems.problems().size() - problems.firstProblems().size();
        return new MojoFailureException("kiln:" + goal + ": " + program + " cannot be compiled to machine code:\n  "
                + String.join("\n  ", problems.firstProblems())
                + (more == 0 ? "" : "\n  ... and " + more + " more; all " + problems.problems().size()
                + " are listed in " + reportDirectory.resolve("kiln-problems.txt")));
    }

    /** Hands the mapped parameters to the engine and maps its typed exceptions back to build errors. */
    private void buildImages(List<Path> classPath, String main, Instant timestamp, ImageLayout layout,
                             List<ImageFormat> formats, List<String> arguments, boolean linkAtBuildTime)
            throws MojoExecutionException, MojoFailureException {
        List<ImageSpec> images = formats.stream()
                .map(format -> new ImageSpec(layout.image(format), format, ImageSpec.DEFAULT_VOLUME_ID, timestamp, arguments))
                .toList();
        BuildSpec spec = new BuildSpec(classPath, main, images.get(0), Optional.of(layout.kernelElf()),
                Optional.of(layout.linkMap()), Optional.of(layout.kilnDirectory()), linkAtBuildTime,
                warning -> getLog().warn("kiln:image: " + warning), reflection == null ? List.of() : reflection,
                reflectAll, resources == null ? List.of() : resources, timeZones == null ? List.of() : timeZones,
                defaultTimeZone, optimize);
        try {
            Files.createDirectories(layout.kilnDirectory());
            Kernel kernel = KilnBuild.build(spec);
            for (ImageSpec more : images.subList(1, images.size())) {
                ImageBuilder.build(kernel, more);
            }
        } catch (CompilationException problems) {
            throw compilationFailure("image", main, problems, layout.kilnDirectory());
        } catch (LinkException problem) {
            throw new MojoFailureException("kiln:image: the kernel cannot be linked: " + problem.getMessage());
        } catch (IOException io) {
            throw new MojoExecutionException("kiln:image: cannot write the image: " + io, io);
        }
    }
}
