package dev.kiln.image;

import dev.kiln.image.boot.BiosBootLoader;
import dev.kiln.image.boot.BootParameters;
import dev.kiln.image.boot.MasterBootRecord;
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
import java.util.zip.CRC32;

/** Writes a linked kernel into a bootable image. */
public final class ImageBuilder {
    static final String LOADER_PATH = "/BOOT/LOADER.BIN";
    static final String CATALOG_PATH = "/BOOT/BOOT.CAT";
    static final String KERNEL_PATH = "/KILN/KERNEL.BIN";
    /** The loader counts the kernel's place in 2048-byte units, CD sectors. */
    private static final int CD_SECTOR = 2048;
    private static final int DISK_SECTORS_PER_CD_SECTOR = CD_SECTOR / MasterBootRecord.SECTOR;
    /** The raw disk's partition starts at 1 MiB, in 512-byte sectors. */
    static final long DISK_PARTITION_START = 2048;

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
        Content image = switch (spec.format()) {
            case ISO -> hybridIso(flat, spec);
            case DISK -> disk(flat);
        };
        writeAtomically(spec.output(), image);
        return spec.output();
    }

    /**
     * The ISO 9660 image with an MBR in its system area (isohybrid layout, {@code docs/boot.md}): a CD boots the
     * loader through El Torito, a hard disk or USB stick through the MBR, and both read the kernel file.
     * <p>
     * The loader needs the kernel's sector, which depends on the loader's size: plan once with the loader for
     * sector 0 (its size does not depend on its parameters), then again with the real one.
     */
    private static Content hybridIso(FlatKernel kernel, ImageSpec spec) {
        long kernelSector = isoWithLoader(kernel, spec, loader(kernel, 0)).sectorOf(KERNEL_PATH);
        byte[] loader = loader(kernel, kernelSector);
        IsoImage image = isoWithLoader(kernel, spec, loader);
        if (image.sectorOf(KERNEL_PATH) != kernelSector) {
            throw new IllegalStateException("the boot loader's size changed with its parameters");
        }
        // The partition covers the whole image from sector 0, as isohybrid's: the partition device (sdX1) then
        // holds the ISO 9660 file system at its usual offset and can be mounted as such.
        byte[] mbr = MasterBootRecord.create(image.sectorOf(LOADER_PATH) * DISK_SECTORS_PER_CD_SECTOR, loader.length,
                new MasterBootRecord.Partition(MasterBootRecord.TYPE_ISOHYBRID, 0, image.size() / MasterBootRecord.SECTOR),
                diskSignature(kernel));
        return out -> image.writeTo(out, mbr);
    }

    private static IsoImage isoWithLoader(FlatKernel kernel, ImageSpec spec, byte[] loader) {
        return IsoImage.plan(spec.volumeId(), spec.timestamp(),
                List.of(new IsoFile(LOADER_PATH, loader), new IsoFile(KERNEL_PATH, kernel.bytes())),
                Optional.of(new ElToritoBoot(CATALOG_PATH, LOADER_PATH)));
    }

    /**
     * A raw disk: the MBR, a gap up to the 1 MiB partition alignment of current partitioning tools (where a GPT
     * can go later), then one partition holding the loader in its first 2048 bytes and the kernel after it, in
     * 2048-byte units as the loader counts.
     */
    private static Content disk(FlatKernel kernel) {
        int loaderUnits = (loader(kernel, 0).length + CD_SECTOR - 1) / CD_SECTOR;
        long partitionUnit = DISK_PARTITION_START / DISK_SECTORS_PER_CD_SECTOR;
        byte[] loader = loader(kernel, partitionUnit + loaderUnits);
        long kernelUnits = (kernel.bytes().length + CD_SECTOR - 1L) / CD_SECTOR;
        byte[] mbr = MasterBootRecord.create(DISK_PARTITION_START, loader.length,
                new MasterBootRecord.Partition(MasterBootRecord.TYPE_NON_FS_DATA, DISK_PARTITION_START,
                        (loaderUnits + kernelUnits) * DISK_SECTORS_PER_CD_SECTOR),
                diskSignature(kernel));
        return out -> {
            out.write(mbr);
            out.write(new byte[(int) (DISK_PARTITION_START * MasterBootRecord.SECTOR - mbr.length)]);
            out.write(loader);
            out.write(new byte[loaderUnits * CD_SECTOR - loader.length]);
            out.write(kernel.bytes());
            out.write(new byte[(int) (kernelUnits * CD_SECTOR - kernel.bytes().length)]);
        };
    }

    private static byte[] loader(FlatKernel kernel, long kernelSector) {
        return BiosBootLoader.assemble(new BootParameters(kernelSector, kernel.bytes().length,
                kernel.loadAddress(), kernel.memorySize(), kernel.entry()));
    }

    /** Derived from the kernel rather than random (as isohybrid's), so that rebuilds are byte-identical. */
    private static int diskSignature(FlatKernel kernel) {
        CRC32 crc = new CRC32();
        crc.update(kernel.bytes());
        return (int) crc.getValue();
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
