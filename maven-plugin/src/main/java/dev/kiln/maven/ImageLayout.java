package dev.kiln.maven;

import dev.kiln.image.ImageFormat;

import java.nio.file.Path;

/**
 * Where the goals put their files, so that {@code kiln:run} and {@code kiln:boot-test} find what
 * {@code kiln:image} wrote.
 *
 * @param buildDirectory {@code project.build.directory} ({@code target})
 * @param artifactId     the project's artifactId, which names the image
 */
record ImageLayout(Path buildDirectory, String artifactId) {

    /**
     * Where an image of {@code format} goes: {@code target/<artifactId>} plus the format's extension
     * ({@code .iso}, {@code .img}, {@code .tar.gz}, {@code .elf}).
     */
    Path image(ImageFormat format) {
        return buildDirectory.resolve(artifactId + format.extension());
    }

    /** Where {@code kiln:boot-test} unpacks {@code disk.raw} from the {@code tar.gz} image to boot it. */
    Path unpackedDisk() {
        return kilnDirectory().resolve(artifactId + ".disk.raw");
    }

    /** Kiln's intermediate and diagnostic files: {@code target/kiln}. */
    Path kilnDirectory() {
        return buildDirectory.resolve("kiln");
    }

    /** The linked ELF64 kernel (Multiboot2 + PVH), bootable with {@code qemu -kernel} too. */
    Path kernelElf() {
        return kilnDirectory().resolve("kernel.elf");
    }

    /** The linker's map: where every section and symbol went. */
    Path linkMap() {
        return kilnDirectory().resolve("kernel.map");
    }

    /** Everything the guest wrote to COM1 during the last boot. */
    Path serialLog() {
        return kilnDirectory().resolve(artifactId + ".serial.log");
    }

    /** The serial log of one of several boots of {@code kiln:boot-test}: {@code <artifactId>.<format>-<firmware>.serial.log}. */
    Path serialLog(ImageFormat format, String firmware) {
        return kilnDirectory().resolve(artifactId + "." + format.id() + "-" + firmware + ".serial.log");
    }
}
