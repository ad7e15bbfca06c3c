package dev.kiln.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ImageLayoutTest {

    @Test
    void filesAreNamedAfterTheArtifact() {
        ImageLayout layout = new ImageLayout(Path.of("/p/target"), "hello");
        assertEquals(Path.of("/p/target/hello.iso"), layout.iso());
        assertEquals(Path.of("/p/target/kiln/kernel.elf"), layout.kernelElf());
        assertEquals(Path.of("/p/target/kiln/kernel.map"), layout.linkMap());
        assertEquals(Path.of("/p/target/kiln/hello.serial.log"), layout.serialLog());
    }
}
