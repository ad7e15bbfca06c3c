package dev.kiln.maven;

import dev.kiln.boot.ReferenceGuests;
import dev.kiln.image.ImageFormat;
import dev.kiln.qemu.Accel;
import dev.kiln.qemu.Firmware;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    /** The images {@code kiln:image} wrote (the same parameter as its own): which files there are to boot. */
    @Parameter(property = "kiln.image.formats", defaultValue = "iso")
    List<String> formats;

    /**
     * The firmware: {@code bios} (SeaBIOS) and/or {@code uefi} (OVMF). {@code kiln:run} boots with the first,
     * {@code kiln:boot-test} with each.
     */
    @Parameter(property = "kiln.firmware", defaultValue = "bios")
    List<String> firmware;

    /**
     * The arguments of {@code main(String[])} (the same parameter as {@code kiln:image}'s): the images carry them
     * in their loaders; the ELF, which QEMU starts itself, gets them as {@code -append}.
     */
    @Parameter(property = "kiln.args")
    List<String> args;

    /** One boot: an image on a firmware. */
    record Boot(ImageFormat format, Firmware firmware) {
        String describe() {
            return format.id() + " under " + firmware.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Every image of {@code <formats>} on every {@code <firmware>}, images in the order ISO, disk, tar.gz, ELF.
     * The ELF is booted with QEMU's {@code -kernel}, which starts Multiboot and PVH kernels only with SeaBIOS, so
     * it has no UEFI boot (say {@code disk} or {@code iso} for that).
     */
    List<Boot> boots() throws InvalidParameterException {
        List<ImageFormat> images = GoalParameters.imageFormats(formats);
        List<Boot> boots = new ArrayList<>();
        for (ImageFormat format : ImageFormat.values()) {
            if (images.contains(format)) {
                for (Firmware chosen : GoalParameters.firmware(firmware)) {
                    if (format == ImageFormat.ELF && chosen == Firmware.UEFI) {
                        getLog().info("kiln:" + goal() + ": not booting the ELF kernel under UEFI: QEMU's -kernel starts"
                                + " it only with BIOS firmware; the iso and disk images boot under UEFI");
                    } else {
                        boots.add(new Boot(format, chosen));
                    }
                }
            }
        }
        return boots;
    }

    /**
     * Boots one image {@code kiln:image} wrote, with the serial output logged to {@code serialLog} and copied to
     * {@code echo} as it arrives, and with Maven's standard input as the serial port's input if
     * {@code terminalInput}.
     */
    RunResult boot(Boot boot, Path serialLog, Optional<PrintStream> echo, boolean terminalInput)
            throws InvalidParameterException, MojoExecutionException {
        ImageLayout layout = layout();
        // every parameter is checked before anything is looked for or started
        Accel chosenAccel = GoalParameters.accel(accel);
        Duration chosenTimeout = GoalParameters.timeout(timeout);
        int memoryMiB = GoalParameters.memoryMiB(memory);
        List<String> arguments = GoalParameters.arguments(args);
        Path image = layout.image(boot.format());
        if (!Files.isRegularFile(image)) {
            throw new MojoExecutionException("kiln:" + goal() + ": there is no image at " + image
                    + "; kiln:image writes it in the package phase when <formats> (kiln.image.formats) lists "
                    + boot.format().id() + ". Add <goal>image</goal> to the <executions> of kiln-maven-plugin in your pom"
                    + " (see Kiln's README), give both goals the same <formats>, then run mvn verify or mvn kiln:run");
        }
        try {
            Files.createDirectories(layout.kilnDirectory());
            Path bootable = boot.format() == ImageFormat.TAR_GZ ? unpackDisk(image, layout.unpackedDisk()) : image;
            RunSpec spec = RunSpec.builder(bootable, kind(boot.format()))
                    .firmware(boot.firmware())
                    .accel(chosenAccel)
                    .kvmProbeGuest(ReferenceGuests.kvmProbeBootSector())
                    .timeout(chosenTimeout)
                    .memoryMiB(memoryMiB)
                    .qemuBinary(Optional.ofNullable(qemu).filter(path -> !path.isBlank()).map(Path::of))
                    .serialLog(serialLog)
                    .echo(echo)
                    .terminalInput(terminalInput)
                    .extraArgs(boot.format() == ImageFormat.ELF && !arguments.isEmpty()
                            ? List.of("-append", String.join(" ", arguments)) : List.of())
                    .build();
            return Qemu.boot(spec);
        } catch (QemuException qemuProblem) {
            throw new MojoExecutionException("kiln:" + goal() + ": " + qemuProblem.getMessage(), qemuProblem);
        } catch (IOException io) {
            throw new MojoExecutionException("kiln:" + goal() + ": cannot prepare the boot of " + image + ": " + io, io);
        }
    }

    private static ImageKind kind(ImageFormat format) {
        return switch (format) {
            case ISO -> ImageKind.ISO;
            case DISK, TAR_GZ -> ImageKind.DISK;
            case ELF -> ImageKind.KERNEL_ELF;
        };
    }

    /**
     * The {@code disk.raw} of a {@code tar.gz} image, unpacked to {@code target}, to boot what a cloud would. The
     * disk is a sparse GiB of mostly zeros (ImageBuilder pads it for cloud imports): blocks of zeros are skipped, not
     * written, so the file stays sparse on file systems that allow it.
     */
    private Path unpackDisk(Path archive, Path target) throws IOException, MojoExecutionException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals("disk.raw")) {
                    writeSparsely(tar, target);
                    return target;
                }
            }
        }
        throw new MojoExecutionException("kiln:" + goal() + ": " + archive + " holds no disk.raw; rebuild it with kiln:image");
    }

    /** Copies {@code in} to {@code target}, seeking over blocks of zeros; the file ends where {@code in} did. */
    private static void writeSparsely(InputStream in, Path target) throws IOException {
        byte[] block = new byte[64 * 1024];
        byte[] zeros = new byte[block.length];
        long position = 0;
        try (FileChannel disk = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int length; (length = in.readNBytes(block, 0, block.length)) > 0; position += length) {
                if (Arrays.mismatch(block, 0, length, zeros, 0, length) >= 0) {
                    disk.write(ByteBuffer.wrap(block, 0, length), position);
                }
            }
            if (disk.size() < position) {
                disk.write(ByteBuffer.allocate(1), position - 1); // the last byte is a zero: the length is right
            }
        }
    }
}
