package dev.kiln.image;

import dev.kiln.qemu.junit.ExternalTools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Boots test images in QEMU and watches the serial output for a marker (for guests that halt instead of exiting).
 * Other oracles run through {@link ExternalTools}.
 */
public final class Oracle {
    private Oracle() {
    }

    /**
     * Boots a CD image under SeaBIOS with TCG and returns QEMU's exit code and what the guest wrote to COM1.
     * {@code isa-debug-exit} turns the guest's {@code out 0xf4, v} into exit code {@code (v << 1) | 1}. QEMU is
     * killed after {@code timeoutSeconds}, or as soon as the serial output contains {@code stopMarker} (for
     * guests that halt instead of exiting); either way the exit code is then -1.
     */
    public static ExternalTools.Result bootCdrom(Path iso, int memoryMiB, long timeoutSeconds, String stopMarker)
            throws IOException, InterruptedException {
        return boot(iso, memoryMiB, timeoutSeconds, stopMarker, "-cdrom", iso.toString(), "-boot", "d");
    }

    /**
     * Boots an image as the first hard disk (IDE, 512-byte sectors, BIOS drive 0x80), as a USB stick written with
     * {@code dd} boots; otherwise as {@link #bootCdrom}.
     */
    public static ExternalTools.Result bootHardDisk(Path image, int memoryMiB, long timeoutSeconds, String stopMarker)
            throws IOException, InterruptedException {
        return boot(image, memoryMiB, timeoutSeconds, stopMarker, "-drive", "format=raw,file=" + image, "-boot", "c");
    }

    /** OVMF's code, read-only, and the template of its variable store, as Debian's {@code ovmf} installs them. */
    static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");

    /**
     * Boots an image under OVMF (UEFI), as a CD ({@code cdrom}) or as the first hard disk; otherwise as
     * {@link #bootCdrom}. The variable store is a fresh writable copy per boot, next to the image.
     */
    public static ExternalTools.Result bootUefi(Path image, boolean cdrom, long timeoutSeconds, String stopMarker)
            throws IOException, InterruptedException {
        ExternalTools.requireInstalled(OVMF_CODE.toString());
        Path vars = image.resolveSibling(image.getFileName() + ".OVMF_VARS.fd");
        Files.copy(OVMF_VARS, vars, StandardCopyOption.REPLACE_EXISTING);
        List<String> drives = new ArrayList<>(List.of(
                "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF_CODE,
                "-drive", "if=pflash,format=raw,unit=1,file=" + vars));
        drives.addAll(cdrom ? List.of("-cdrom", image.toString()) : List.of("-drive", "format=raw,file=" + image));
        return boot(image, 256, timeoutSeconds, stopMarker, drives.toArray(String[]::new));
    }

    private static ExternalTools.Result boot(Path iso, int memoryMiB, long timeoutSeconds, String stopMarker, String... drive)
            throws IOException, InterruptedException {
        Path serial = iso.resolveSibling(iso.getFileName() + ".serial.log");
        Path log = iso.resolveSibling(iso.getFileName() + ".qemu.log");
        Files.deleteIfExists(serial);
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-accel", "tcg", "-m", memoryMiB + "M"));
        command.addAll(List.of(drive));
        command.addAll(List.of("-display", "none", "-serial", "file:" + serial,
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot", "-monitor", "none"));
        Process qemu = ExternalTools.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        boolean finished = false;
        boolean stopped = false;
        while (!finished && !stopped && System.nanoTime() < deadline) {
            finished = qemu.waitFor(100, TimeUnit.MILLISECONDS);
            stopped = stopMarker != null && Files.exists(serial)
                    && Files.readString(serial, StandardCharsets.ISO_8859_1).contains(stopMarker);
        }
        if (!finished) {
            qemu.destroyForcibly().waitFor();
        }
        String console = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
        return new ExternalTools.Result(finished ? qemu.exitValue() : -1, console + Files.readString(log, StandardCharsets.UTF_8),
                !finished && !stopped);
    }
}
