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

    /** The bootable ISO: {@code target/<artifactId>.iso}. */
    Path iso() {
        return buildDirectory.resolve(artifactId + ".iso");
    }

    /** The raw disk image (MBR + loader + kernel): {@code target/<artifactId>.img}. */
    Path disk() {
        return buildDirectory.resolve(artifactId + ".img");
    }

    /** Where an image of {@code format} goes. */
    Path image(ImageFormat format) {
        return format == ImageFormat.DISK ? disk() : iso();
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
}
