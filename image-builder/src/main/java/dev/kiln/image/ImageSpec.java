package dev.kiln.image;

import dev.kiln.boot.loader.CommandLineTag;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What image to write.
 *
 * @param output    the image file; replaced as a whole once the new image is complete
 * @param format    the kind of image
 * @param volumeId  the ISO 9660 volume identifier: 1 to 32 of {@code A-Z 0-9 _} (unused by {@link ImageFormat#DISK})
 * @param timestamp every date recorded in the image (for reproducible builds, e.g. Maven's
 *                  {@code project.build.outputTimestamp})
 * @param arguments what the kernel passes to {@code main(String[])}: Kiln's loaders hand them over as the
 *                  Multiboot2 command line, separated by spaces (unused by {@link ImageFormat#ELF}, whose loader
 *                  gives the command line: GRUB's {@code multiboot2} line, QEMU's {@code -append})
 */
public record ImageSpec(Path output, ImageFormat format, String volumeId, Instant timestamp, List<String> arguments) {
    /** The volume identifier used when none is configured. */
    public static final String DEFAULT_VOLUME_ID = "KILN";

    /**
     * Checks that {@code arguments} fit the kernel command line: non-empty words of printable ASCII, at most 2047
     * characters with the spaces between them.
     *
     * @throws IllegalArgumentException naming the argument or the length that does not fit
     */
    public static void checkArguments(List<String> arguments) {
        for (String argument : arguments) {
            if (argument.isEmpty() || argument.contains(" ")) {
                throw new IllegalArgumentException("the argument '" + argument + "' is empty or holds a space: the"
                        + " kernel command line separates arguments by spaces, so each must be a non-empty word");
            }
        }
        CommandLineTag.check(String.join(" ", arguments));
    }

    /** The arguments as the kernel command line. */
    public String commandLine() {
        return String.join(" ", arguments);
    }

    /** Without arguments. */
    public ImageSpec(Path output, ImageFormat format, String volumeId, Instant timestamp) {
        this(output, format, volumeId, timestamp, List.of());
    }

    /**
     * @throws IllegalArgumentException if an argument is empty or holds a space or a character outside printable
     *                                  ASCII, or they make a command line longer than the loaders carry
     */
    public ImageSpec {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(timestamp, "timestamp");
        arguments = List.copyOf(arguments);
        checkArguments(arguments);
    }
}
