package dev.kiln.image;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What image to write.
 *
 * @param output    the image file; replaced as a whole once the new image is complete
 * @param format    the kind of image
 * @param volumeId  the ISO 9660 volume identifier: 1 to 32 of {@code A-Z 0-9 _} (unused by {@link ImageFormat#DISK})
 * @param timestamp every date recorded in the image (for reproducible builds, e.g. Maven's
 *                  {@code project.build.outputTimestamp})
 */
public record ImageSpec(Path output, ImageFormat format, String volumeId, Instant timestamp) {
    /** The volume identifier used when none is configured. */
    public static final String DEFAULT_VOLUME_ID = "KILN";

    public ImageSpec {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
