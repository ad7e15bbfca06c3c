package dev.kiln.image;

import dev.kiln.boot.loader.BiosBootLoader;
import dev.kiln.boot.loader.BootParameters;
import dev.kiln.boot.loader.Lz4Block;
import dev.kiln.boot.loader.MasterBootRecord;
import dev.kiln.boot.loader.PortableExecutable;
import dev.kiln.boot.loader.UefiBootLoader;
import dev.kiln.image.disk.FatImage;
import dev.kiln.image.disk.GuidPartitionTable;
import dev.kiln.image.iso.ElToritoBoot;
import dev.kiln.image.iso.IsoFile;
import dev.kiln.image.iso.IsoImage;
import dev.kiln.linker.Kernel;

import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Writes a linked kernel into a bootable image: the layouts are drawn in {@code docs/boot.md}. Every image boots
 * under both firmwares: a BIOS runs the MBR (or, from a CD, the El Torito default entry), which starts
 * {@link BiosBootLoader}; UEFI firmware finds the EFI system partition through the GPT (or, from a CD, the El
 * Torito EFI entry) and starts {@code EFI/BOOT/BOOTX64.EFI}, Kiln's {@link UefiBootLoader}. The kernel is stored
 * once, inside {@code BOOTX64.EFI}, and the BIOS loader reads those same bytes by LBA.
 */
public final class ImageBuilder {
    static final String LOADER_PATH = "/BOOT/LOADER.BIN";
    static final String CATALOG_PATH = "/BOOT/BOOT.CAT";
    static final String EFI_IMAGE_PATH = "/BOOT/EFI.IMG";
    /** UEFI 2.10 §3.5.1.1: the removable-media boot path for x64. */
    static final String UEFI_LOADER_PATH = "EFI/BOOT/BOOTX64.EFI";
    /** The BIOS loader on the raw disk's ESP, where its MBR finds it by LBA. */
    static final String DISK_LOADER_PATH = "KILN/LOADER.BIN";
    static final String ESP_LABEL = "KILN EFI";
    /** The disk's name inside {@link ImageFormat#TAR_GZ}, as Google Compute Engine's image import requires. */
    static final String TAR_DISK_NAME = "disk.raw";
    /** The loader counts the kernel's place in 2048-byte units, CD sectors. */
    private static final int CD_SECTOR = 2048;
    private static final int DISK_SECTORS_PER_CD_SECTOR = CD_SECTOR / MasterBootRecord.SECTOR;
    /** The raw disk's partition starts at 1 MiB, in 512-byte sectors, and the disk ends on a MiB boundary. */
    static final long DISK_PARTITION_START = 2048;
    /** The tar.gz's disk is a whole number of GiB (Google Compute Engine's image import asks for it), in sectors. */
    static final long GIB_SECTORS = (1L << 30) / MasterBootRecord.SECTOR;

    private ImageBuilder() {
    }

    /**
     * The bytes of the kernel's LZ4 block, what every bootable format (ISO, raw disk, tar.gz) stores of it: the
     * size that decides the image's, which the build report gives and a test compares between the compiler's tiers.
     */
    public static int storedKernelBytes(Kernel kernel) {
        return FlatKernel.of(kernel).compressed().length;
    }

    /**
     * Writes the image {@code spec} describes, atomically: the new image appears at {@code spec.output()} only
     * once it is complete, so a failure never leaves a half-written file there.
     *
     * @return the image file
     * @throws IllegalArgumentException if the kernel cannot be booted by Kiln's loaders (below 1 MiB, above
     *                                  4 GiB, no segments) or the spec's volume identifier is not ISO 9660
     */
    public static Path build(Kernel kernel, ImageSpec spec) throws IOException {
        Content image = switch (spec.format()) {
            case ISO -> hybridIso(FlatKernel.of(kernel), spec);
            case DISK -> disk(FlatKernel.of(kernel), spec, DISK_PARTITION_START).content();
            case TAR_GZ -> tarGz(disk(FlatKernel.of(kernel), spec, GIB_SECTORS), spec);
            case ELF -> kernel::writeElf;
        };
        writeAtomically(spec.output(), image);
        return spec.output();
    }

    /**
     * The ISO 9660 image with a protective MBR and a GPT in its system area, and a backup GPT after its end:
     * <ul>
     *   <li>a CD under a BIOS boots {@code /BOOT/LOADER.BIN} through El Torito's default entry;</li>
     *   <li>a CD under UEFI boots {@code /BOOT/EFI.IMG}, the FAT image of the EFI system partition, through El
     *       Torito's 0xEF entry;</li>
     *   <li>a disk or USB stick under a BIOS runs the MBR, which loads the same loader;</li>
     *   <li>a disk or USB stick under UEFI finds {@code EFI.IMG}'s extent as the GPT's EFI system partition.</li>
     * </ul>
     * The BIOS loader needs the kernel's sector, which depends on the loader's size: plan once with the loader
     * for sector 0 (its size does not depend on its parameters), then again with the real one.
     */
    private static Content hybridIso(FlatKernel kernel, ImageSpec spec) {
        UefiPart uefi = uefiPart(kernel, spec);
        FatImage esp = FatImage.plan(List.of(new FatImage.File(UEFI_LOADER_PATH, uefi.executable())), ESP_LABEL,
                diskSignature(kernel), spec.timestamp(), 0);
        byte[] espBytes = esp.bytes();
        long kernelInEsp = esp.offsetOf(UEFI_LOADER_PATH) + uefi.kernelOffset();
        long kernelSector = isoWith(spec, loader(kernel, 0, spec), espBytes).sectorOf(EFI_IMAGE_PATH) + kernelInEsp / CD_SECTOR;
        byte[] loader = loader(kernel, kernelSector, spec);
        IsoImage image = isoWith(spec, loader, espBytes);
        if (image.sectorOf(EFI_IMAGE_PATH) + kernelInEsp / CD_SECTOR != kernelSector) {
            throw new IllegalStateException("the boot loader's size changed with its parameters");
        }
        long isoSectors = image.size() / MasterBootRecord.SECTOR;
        // The backup GPT goes after the ISO, in a tail padded to whole CD sectors so the file stays a CD image.
        long diskSectors = alignUp(isoSectors + GuidPartitionTable.TABLE_SECTORS, DISK_SECTORS_PER_CD_SECTOR);
        long espStart = image.sectorOf(EFI_IMAGE_PATH) * DISK_SECTORS_PER_CD_SECTOR;
        GuidPartitionTable gpt = gpt(kernel, diskSectors, espStart, espBytes.length);
        byte[] mbr = protectiveMbr(image.sectorOf(LOADER_PATH) * DISK_SECTORS_PER_CD_SECTOR, loader, diskSectors, kernel);
        byte[] systemArea = concat(mbr, gpt.primary());
        return out -> {
            image.writeTo(out, systemArea);
            out.write(new byte[(int) ((diskSectors - isoSectors - GuidPartitionTable.TABLE_SECTORS) * MasterBootRecord.SECTOR)]);
            out.write(gpt.backup());
        };
    }

    private static IsoImage isoWith(ImageSpec spec, byte[] loader, byte[] espImage) {
        return IsoImage.plan(spec.volumeId(), spec.timestamp(),
                List.of(new IsoFile(LOADER_PATH, loader), new IsoFile(EFI_IMAGE_PATH, espImage)),
                Optional.of(new ElToritoBoot(CATALOG_PATH, LOADER_PATH, Optional.of(EFI_IMAGE_PATH))));
    }

    /**
     * A raw disk: protective MBR and GPT, a gap up to the 1 MiB partition alignment of current partitioning
     * tools, then the EFI system partition holding {@code EFI/BOOT/BOOTX64.EFI} (with the kernel) and the BIOS
     * loader {@code KILN/LOADER.BIN}, which the MBR loads by LBA; zeros up to a multiple of {@code alignment}
     * sectors; the backup GPT in the disk's last sectors.
     */
    private static RawDisk disk(FlatKernel kernel, ImageSpec spec, long alignment) {
        UefiPart uefi = uefiPart(kernel, spec);
        long kernelUnit = DISK_PARTITION_START / DISK_SECTORS_PER_CD_SECTOR
                + (espWith(kernel, spec, uefi, loader(kernel, 0, spec)).offsetOf(UEFI_LOADER_PATH) + uefi.kernelOffset()) / CD_SECTOR;
        byte[] loader = loader(kernel, kernelUnit, spec);
        FatImage esp = espWith(kernel, spec, uefi, loader);
        long espSectors = esp.size() / MasterBootRecord.SECTOR;
        long diskSectors = alignUp(DISK_PARTITION_START + espSectors + GuidPartitionTable.TABLE_SECTORS, alignment);
        GuidPartitionTable gpt = gpt(kernel, diskSectors, DISK_PARTITION_START, esp.size());
        byte[] mbr = protectiveMbr(DISK_PARTITION_START + esp.offsetOf(DISK_LOADER_PATH) / MasterBootRecord.SECTOR,
                loader, diskSectors, kernel);
        byte[] head = concat(mbr, gpt.primary(),
                new byte[(int) ((DISK_PARTITION_START - 1 - GuidPartitionTable.TABLE_SECTORS) * MasterBootRecord.SECTOR)],
                esp.bytes());
        return new RawDisk(head, diskSectors * MasterBootRecord.SECTOR, gpt.backup());
    }

    /** A raw disk of {@code size} bytes: {@code head}, zeros, and {@code tail} at the end. */
    private record RawDisk(byte[] head, long size, byte[] tail) {
        Content content() {
            return out -> {
                out.write(head);
                out.write(new byte[Math.toIntExact(size - head.length - tail.length)]);
                out.write(tail);
            };
        }
    }

    /**
     * The raw disk, padded to whole GiB, as the one file {@code disk.raw} of a gzip-compressed tar in the old GNU
     * format, sparse ({@link SparseTar}): what Google Compute Engine's image import asks for ({@code tar
     * --format=oldgnu -Sczf}, a disk of a whole number of GiB). The archive stores the disk's head and its backup
     * GPT; the padding between is a hole. Everything recorded is fixed (owner 0, mode 0644, the spec's timestamp,
     * gzip's header time from it too), so rebuilds are byte-identical.
     */
    private static Content tarGz(RawDisk disk, ImageSpec spec) {
        return out -> {
            GzipParameters gzip = new GzipParameters();
            gzip.setModificationTime(spec.timestamp().toEpochMilli());
            gzip.setOperatingSystem(3);                  // RFC 1952 §2.3.1: 3 = Unix, whatever the build machine
            try (GzipCompressorOutputStream compressed = new GzipCompressorOutputStream(new NonClosing(out), gzip)) {
                SparseTar.write(compressed, TAR_DISK_NAME, disk.size(), List.of(new SparseTar.Region(0, disk.head()),
                        new SparseTar.Region(disk.size() - disk.tail().length, disk.tail())), spec.timestamp());
            }
        };
    }

    /** Lets the archive streams close themselves without closing the image file, which writeAtomically owns. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static FatImage espWith(FlatKernel kernel, ImageSpec spec, UefiPart uefi, byte[] loader) {
        return FatImage.plan(List.of(new FatImage.File(UEFI_LOADER_PATH, uefi.executable()),
                new FatImage.File(DISK_LOADER_PATH, loader)), ESP_LABEL, diskSignature(kernel), spec.timestamp(),
                DISK_PARTITION_START);
    }

    /** {@code BOOTX64.EFI} and where the kernel's bytes start in it. */
    private record UefiPart(byte[] executable, long kernelOffset) {
    }

    private static UefiPart uefiPart(FlatKernel kernel, ImageSpec spec) {
        UefiBootLoader.Assembled loader = UefiBootLoader.assemble(parameters(kernel, 0, spec));
        return new UefiPart(PortableExecutable.create(loader, Lz4Block.stored(kernel.compressed())),
                PortableExecutable.kernelOffset(loader));
    }

    /** One partition, the ESP, and GUIDs derived from the kernel so that rebuilds are byte-identical. */
    private static GuidPartitionTable gpt(FlatKernel kernel, long diskSectors, long espStart, long espBytes) {
        return new GuidPartitionTable(diskSectors, guid(kernel, "disk"), List.of(new GuidPartitionTable.Partition(
                GuidPartitionTable.EFI_SYSTEM_PARTITION, guid(kernel, "esp"), espStart,
                espStart + espBytes / MasterBootRecord.SECTOR - 1, "EFI system partition")));
    }

    /**
     * UEFI 2.10 §5.2.3: one partition of type 0xEE from LBA 1 over the whole disk (or 2 TiB), so that tools
     * that only know MBRs see the disk as used. Kiln's MBR boot code stays in front of it for BIOS booting.
     */
    private static byte[] protectiveMbr(long loaderSector, byte[] loader, long diskSectors, FlatKernel kernel) {
        return MasterBootRecord.create(loaderSector, loader.length,
                new MasterBootRecord.Partition(MasterBootRecord.TYPE_GPT_PROTECTIVE, 1, Math.min(diskSectors - 1, 0xFFFF_FFFFL - 1)),
                diskSignature(kernel));
    }

    private static byte[] loader(FlatKernel kernel, long kernelSector, ImageSpec spec) {
        return BiosBootLoader.assemble(parameters(kernel, kernelSector, spec));
    }

    private static BootParameters parameters(FlatKernel kernel, long kernelSector, ImageSpec spec) {
        return new BootParameters(kernelSector, kernel.compressed().length, kernel.bytes().length, kernel.loadAddress(),
                kernel.memorySize(), kernel.entry(), spec.commandLine());
    }

    private static UUID guid(FlatKernel kernel, String role) {
        return UUID.nameUUIDFromBytes((role + ":" + Integer.toHexString(diskSignature(kernel)) + ":"
                + kernel.bytes().length).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static long alignUp(long value, long alignment) {
        return (value + alignment - 1) / alignment * alignment;
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
        Path temporary;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        } catch (IOException cannotWrite) {
            throw new IOException("cannot write " + target + ": its directory " + directory + " cannot be created or"
                    + " written to (" + cannotWrite + "); choose an output path in a directory you may write to",
                    cannotWrite);
        }
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
