package dev.kiln.image.iso;

import java.util.Objects;

/**
 * A file of an ISO 9660 image: its absolute path in the image ({@code /BOOT/LOADER.BIN}) and its content.
 * Paths follow interchange level 1 (ECMA-119 §10.1): directory names of up to 8 d-characters, file names of
 * up to 8 d-characters with an optional extension of up to 3 ({@code A-Z 0-9 _}, §7.4.1); the writer adds the
 * version {@code ;1} (§7.5.1).
 *
 * @param content the bytes, shared and not copied: do not modify them once the image is planned
 */
public record IsoFile(String path, byte[] content) {
    public IsoFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
    }
}
