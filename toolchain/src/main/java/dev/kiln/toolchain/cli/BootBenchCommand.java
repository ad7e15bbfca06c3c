package dev.kiln.toolchain.cli;

import dev.kiln.compiler.CompilationException;
import dev.kiln.toolchain.BuildSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import dev.kiln.toolchain.KilnBuild;
import dev.kiln.boot.ReferenceGuests;
import dev.kiln.image.disk.FatImage;
import dev.kiln.image.iso.ElToritoBoot;
import dev.kiln.image.iso.IsoFile;
import dev.kiln.image.iso.IsoImage;
import dev.kiln.linker.LinkException;
import dev.kiln.qemu.Firmware;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln bench boot}: how long a Kiln image takes from QEMU's start to the guest's exit, against the floor
 * every guest of that firmware pays, booted in the same run, alternating, so machine drift hits both alike:
 * under a BIOS, the Kiln ISO as a CD against a 512-byte boot sector that prints a line and exits, itself the El
 * Torito boot image of a CD; under UEFI, the Kiln raw disk against an EFI application that does the same, alone
 * on a FAT disk. Prints medians, spreads and the ratio. Not a test: nothing here asserts a time.
 * <p>Both guests of a pair boot from the same kind of medium, because the firmware's work depends on it: SeaBIOS
 * reads a CD through its ATAPI driver in 2048-byte sectors and a hard disk through its ATA driver, one 512-byte
 * sector per programmed-I/O transfer, which for a Kiln kernel is several times slower. <i>Rejected</i>: the boot
 * sector as a hard disk against the Kiln CD (what this command did first): the reference then skipped the CD
 * drive's El Torito boot, and the ratio mixed the medium into Kiln's time.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Times QEMU start-to-exit of a Kiln image against a minimal guest of the same firmware, in one run.")
final class BootBenchCommand implements Callable<Integer> {
    /** What the reference guests print, a line like the one a Kiln program prints. */
    private static final String REFERENCE_TEXT = "ok\n";

    @Spec
    CommandSpec spec;

    @Option(names = "--firmware", defaultValue = "BIOS", paramLabel = "<firmware>",
            description = "BIOS (the ISO against a boot sector) or UEFI (the raw disk against a minimal EFI"
                    + " application); default ${DEFAULT-VALUE}.")
    Firmware firmware;

    @Mixin
    ProgramOptions program;

    @Mixin
    BenchRuns benchRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int runs = benchRuns.count(spec);
        try {
            Path work = Files.createTempDirectory("kiln-bench");
            boolean uefi = firmware == Firmware.UEFI;
            Path image = work.resolve(uefi ? "image.img" : "image.iso");
            List<Path> entries = program.classPathEntries();
            KilnBuild.build(new BuildSpec(entries, program.mainClass, new ImageSpec(image, uefi ? ImageFormat.DISK : ImageFormat.ISO,
                    ImageSpec.DEFAULT_VOLUME_ID, Instant.EPOCH), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    warning -> err.println("kiln: warning: " + warning)));
            Path floor = work.resolve(uefi ? "reference-esp.img" : "boot-sector.iso");
            Files.write(floor, uefi ? referenceEfiDisk() : referenceBootCd());
            ImageKind medium = uefi ? ImageKind.DISK : ImageKind.ISO;
            List<Double> kiln = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                double a = bootMillis(image, medium, work);
                double b = bootMillis(floor, medium, work);
                if (i > 0) { // the first pair warms the page cache and QEMU's binary
                    kiln.add(a);
                    reference.add(b);
                    ratios.add(a / b);
                }
            }
            out.printf("QEMU start-to-exit, TCG, %s, both booted as a %s, %d runs each after 1 warm-up (milliseconds:"
                    + " median [min..max]); load average %.2f%n", uefi ? "OVMF" : "SeaBIOS", uefi ? "hard disk" : "CD",
                    runs, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.printf("  Kiln %s (%s, %d bytes):       %s%n", uefi ? "disk" : "ISO", program.mainClass, Files.size(image),
                    Stats.summary(kiln));
            out.printf("  %s (reference): %s%n", uefi ? "minimal EFI application on a FAT disk"
                    : "512-byte boot sector on a CD", Stats.summary(reference));
            out.printf("  ratio Kiln/reference, pair by pair: %s%n", Stats.ratioSummary(ratios));
            return 0;
        } catch (CompilationException e) {
            err.println("kiln: " + e.getMessage().replace(System.lineSeparator(), System.lineSeparator() + "kiln: "));
        } catch (LinkException | IOException | QemuException | IllegalStateException e) {
            err.println("kiln: " + e.getMessage());
        }
        return 1;
    }

    private double bootMillis(Path image, ImageKind kind, Path work) throws QemuException {
        RunResult result = Qemu.boot(RunSpec.builder(image, kind).firmware(firmware).timeout(Duration.ofSeconds(120))
                .serialLog(work.resolve(image.getFileName() + ".serial.log")).build());
        if (result.outcome() != RunResult.Outcome.SUCCESS) {
            throw new IllegalStateException(image.getFileName() + ": " + result.describe());
        }
        return result.elapsed().toNanos() / 1e6;
    }

    /**
     * The least a BIOS guest can do, as a CD: an ISO 9660 volume whose El Torito default entry (no emulation) is the
     * boot module's printing boot sector, which SeaBIOS loads at 0x7C00 as it loads Kiln's loader.
     */
    static byte[] referenceBootCd() throws IOException {
        IsoImage cd = IsoImage.plan("REFERENCE", Instant.EPOCH,
                List.of(new IsoFile("/BOOT/SECTOR.BIN", ReferenceGuests.printingBootSector(REFERENCE_TEXT))),
                Optional.of(new ElToritoBoot("/BOOT/BOOT.CAT", "/BOOT/SECTOR.BIN")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        cd.writeTo(bytes);
        return bytes.toByteArray();
    }

    /**
     * The least a UEFI guest can do, as a disk: a FAT file system without a partition table (which UEFI firmware
     * mounts as a whole, UEFI 2.10 §13.3.2) holding the boot module's printing {@code EFI/BOOT/BOOTX64.EFI}.
     */
    static byte[] referenceEfiDisk() {
        return FatImage.plan(List.of(new FatImage.File("EFI/BOOT/BOOTX64.EFI",
                ReferenceGuests.printingEfiApplication(REFERENCE_TEXT))), "REFERENCE", 0, Instant.EPOCH, 0).bytes();
    }
}
