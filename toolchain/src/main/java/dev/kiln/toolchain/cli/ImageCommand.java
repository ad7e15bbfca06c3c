package dev.kiln.toolchain.cli;

import dev.kiln.compiler.CompilationException;
import dev.kiln.toolchain.BuildSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import dev.kiln.toolchain.KilnBuild;
import dev.kiln.linker.LinkException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kiln image}: compile, link and write a bootable image. */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Compiles the classes reachable from the main class, links the kernel and writes a bootable image.")
final class ImageCommand implements Callable<Integer> {
    /** Used when neither --timestamp nor SOURCE_DATE_EPOCH is given, so that images are reproducible by default. */
    static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:00Z");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProgramOptions program;

    @Option(names = {"--output", "-o"}, required = true, paramLabel = "<image>", description = "The image file to write.")
    Path output;

    @Option(names = "--timestamp", paramLabel = "<ISO-8601>",
            description = "Date recorded in the image, e.g. 2026-01-01T00:00:00Z. Default: $SOURCE_DATE_EPOCH, else "
                    + "1980-01-01T00:00:00Z, so that the same inputs give the same image.")
    String timestamp;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "iso", converter = FormatConverter.class,
            description = "iso: a hybrid ISO 9660 image, bootable from a CD and, written with dd, from a USB stick or"
                    + " hard disk, under a BIOS or UEFI; disk: a raw GPT disk image, likewise; tar.gz: that disk as"
                    + " disk.raw in a tar.gz, for cloud imports; elf: the kernel, for QEMU -kernel and GRUB"
                    + " (default: ${DEFAULT-VALUE}).")
    ImageFormat format;

    @Option(names = "--arg", paramLabel = "<word>",
            description = "An argument for main(String[]), passed on the kernel command line; repeat for more.")
    List<String> arguments = List.of();

    @Option(names = "--volume-id", paramLabel = "<id>", defaultValue = ImageSpec.DEFAULT_VOLUME_ID,
            description = "ISO 9660 volume identifier: up to 32 of A-Z, 0-9, _ (default: ${DEFAULT-VALUE}).")
    String volumeId;

    @Option(names = "--map", paramLabel = "<file>", description = "Also write the link map here.")
    Path map;

    @Option(names = "--report", paramLabel = "<dir>",
            description = "Write kiln-report.txt (reachable classes, methods and code bytes) into this directory.")
    private Path report;

    @Option(names = "--elf", paramLabel = "<file>", description = "Also write the ELF64 kernel here.")
    Path elf;

    @Option(names = "--link-at-build-time",
            description = "Make references to classes, methods and fields that do not link (missing, of another"
                    + " type or static-ness, not accessible) build errors. By default they are warnings, and the code"
                    + " throws the JVM's LinkageError when it runs.")
    boolean linkAtBuildTime;

    @Option(names = "--optimize", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Compile with the optimizing tier where it can (register allocation, inlining, bounds-check"
                    + " elimination); --no-optimize, the default, keeps the faster-building baseline alone.")
    boolean optimize;

    @Option(names = "--time-zones", split = ",", paramLabel = "<zone>",
            description = "Time zones whose rules the image carries (region ids of the JDK's tzdb, e.g."
                    + " Europe/Paris,America/New_York), besides the default zone's and UTC's.")
    List<String> timeZones = List.of();

    @Option(names = "--default-time-zone", paramLabel = "<zone>", defaultValue = "UTC",
            description = "The image's default time zone (TimeZone.getDefault, ZoneId.systemDefault); default: UTC.")
    String defaultTimeZone;

    @Override
    public Integer call() {
        Instant recorded = timestamp();
        PrintWriter err = spec.commandLine().getErr();
        try {
            KilnBuild.build(new BuildSpec(program.classPathEntries(), program.mainClass,
                    new ImageSpec(output, format, volumeId, recorded, arguments),
                    Optional.ofNullable(elf), Optional.ofNullable(map), Optional.ofNullable(report), linkAtBuildTime,
                    warning -> err.println("kiln: warning: " + warning), List.of(), false, List.of(), timeZones,
                    defaultTimeZone, optimize));
            spec.commandLine().getOut().println("kiln: wrote " + output);
            return 0;
        } catch (CompilationException e) {
            err.println("kiln: " + e.getMessage().replace(System.lineSeparator(), System.lineSeparator() + "kiln: "));
        } catch (LinkException | IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("kiln: " + e.getMessage());
        }
        err.flush();
        return 1;
    }


    /** {@code --format} by the names the Maven plugin uses: iso, disk, tar.gz, elf, in any case. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ImageFormat> {
        @Override
        public ImageFormat convert(String value) {
            return ImageFormat.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException("'" + value
                    + "' is not an image format; valid values: " + String.join(", ",
                    Arrays.stream(ImageFormat.values()).map(ImageFormat::id).toList())));
        }
    }

    private Instant timestamp() {
        String value = timestamp;
        if (value == null) {
            String epoch = System.getenv("SOURCE_DATE_EPOCH");
            if (epoch == null) {
                return DEFAULT_TIMESTAMP;
            }
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "SOURCE_DATE_EPOCH '" + epoch + "' is not a number of seconds since 1970");
            }
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timestamp '" + value + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
