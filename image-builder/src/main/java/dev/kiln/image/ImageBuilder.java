package dev.kiln.image;

import dev.kiln.image.boot.BiosBootLoader;
import dev.kiln.image.boot.BootParameters;
import dev.kiln.image.iso.ElToritoBoot;
import dev.kiln.image.iso.IsoFile;
import dev.kiln.image.iso.IsoImage;
import dev.kiln.linker.Kernel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/** Writes a linked kernel into a bootable image. */
public final class ImageBuilder {
    static final String LOADER_PATH = "/BOOT/LOADER.BIN";
    static final String CATALOG_PATH = "/BOOT/BOOT.CAT";
    static final String KERNEL_PATH = "/KILN/KERNEL.BIN";

    private ImageBuilder() {
    }

    /**
     * Writes the image {@code spec} describes, atomically: the new image appears at {@code spec.output()} only
     * once it is complete, so a failure never leaves a half-written file there.
     *
     * @return the image file
     * @throws IllegalArgumentException if the kernel cannot be booted by Kiln's loader (below 1 MiB, above
     *                                  4 GiB, no segments) or the spec's volume identifier is not ISO 9660
     */
    public static Path build(Kernel kernel, ImageSpec spec) throws IOException {
        FlatKernel flat = FlatKernel.of(kernel);
        IsoImage image = switch (spec.format()) {
            case ISO -> biosIso(flat, spec);
        };
        writeAtomically(spec.output(), image::writeTo);
        return spec.output();
    }

    /**
     * The loader needs the kernel's sector, which depends on the loader's size: plan once with the loader for
     * sector 0 (its size does not depend on its parameters), then again with the real one.
     */
    private static IsoImage biosIso(FlatKernel kernel, ImageSpec spec) {
        IsoImage draft = isoWithLoader(kernel, spec, 0);
        long kernelSector = draft.sectorOf(KERNEL_PATH);
        IsoImage image = isoWithLoader(kernel, spec, kernelSector);
        if (image.sectorOf(KERNEL_PATH) != kernelSector) {
            throw new IllegalStateException("the boot loader's size changed with its parameters");
        }
        return image;
    }

    private static IsoImage isoWithLoader(FlatKernel kernel, ImageSpec spec, long kernelSector) {
        byte[] loader = BiosBootLoader.assemble(new BootParameters(kernelSector, kernel.bytes().length,
                kernel.loadAddress(), kernel.memorySize(), kernel.entry()));
        return IsoImage.plan(spec.volumeId(), spec.timestamp(),
                List.of(new IsoFile(LOADER_PATH, loader), new IsoFile(KERNEL_PATH, kernel.bytes())),
                Optional.of(new ElToritoBoot(CATALOG_PATH, LOADER_PATH)));
    }

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a temporary file next to {@code target} and moves it into place. */
    static void writeAtomically(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                content.writeTo(out);
            }
            if (temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // createTempFile makes the file private (0600); an image is an ordinary build output
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
