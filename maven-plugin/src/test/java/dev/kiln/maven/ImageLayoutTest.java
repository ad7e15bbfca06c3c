package dev.kiln.maven;

import dev.kiln.image.ImageFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageLayoutTest {

    @Test
    void filesAreNamedAfterTheArtifact() {
        ImageLayout layout = new ImageLayout(Path.of("/p/target"), "hello");
        assertEquals(Path.of("/p/target/hello.iso"), layout.image(ImageFormat.ISO));
        assertEquals(Path.of("/p/target/hello.img"), layout.image(ImageFormat.DISK));
        assertEquals(Path.of("/p/target/hello.tar.gz"), layout.image(ImageFormat.TAR_GZ));
        assertEquals(Path.of("/p/target/hello.elf"), layout.image(ImageFormat.ELF));
        assertEquals(Path.of("/p/target/kiln/hello.iso-uefi.serial.log"), layout.serialLog(ImageFormat.ISO, "uefi"));
        assertEquals(Path.of("/p/target/kiln/kernel.elf"), layout.kernelElf());
        assertEquals(Path.of("/p/target/kiln/kernel.map"), layout.linkMap());
        assertEquals(Path.of("/p/target/kiln/hello.serial.log"), layout.serialLog());
    }
}
