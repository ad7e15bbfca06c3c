package dev.kiln.toolchain;

import dev.kiln.image.ImageSpec;
import dev.kiln.image.ImageFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KilnBuildTest {
    /** The template is found as a file (jar or class directory) holding its classes, without loading any of them. */
    @Test
    void locatesTheKernelTemplateAsAFile() throws Exception {
        Path location = KilnBuild.kernelTemplateLocation();
        if (Files.isDirectory(location)) {
            assertTrue(Files.isRegularFile(location.resolve(KilnBuild.KERNEL_TEMPLATE_MARKER)), location.toString());
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                assertNotNull(jar.getEntry(KilnBuild.KERNEL_TEMPLATE_MARKER), location.toString());
                assertNotNull(jar.getEntry("java/lang/Object.class"), "Kiln's own java.lang.Object is in " + location);
            }
        }
    }

    /**
     * Outputs that cannot be written fail the build before anything is compiled: the class path here does not
     * exist, so a build that compiled first would fail with a CompilationException instead.
     */
    @Test
    void imagePathThatIsADirectoryFailsFirst(@TempDir Path work) throws Exception {
        Path image = Files.createDirectories(work.resolve("out.iso"));
        IOException e = assertThrows(IOException.class, () -> KilnBuild.build(spec(work, image)));
        assertEquals("cannot write the image to " + image + ": it is a directory; give the path of a file (e.g. "
                + image.resolve("kiln.iso") + ")", e.getMessage());
    }

    @Test
    void imageDirectoryUnderAFileFailsFirst(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("notes.txt"), "not a directory");
        IOException e = assertThrows(IOException.class, () -> KilnBuild.build(spec(work, file.resolve("out.iso"))));
        assertTrue(e.getMessage().startsWith("cannot write the image " + file.resolve("out.iso") + ": directory " + file
                + " cannot be created: " + file + " is a file, not a directory;"), e.getMessage());
    }

    @Test
    void unwritableDirectoryFailsFirstWithPermissionDenied(@TempDir Path work) throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectories(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        IOException e = assertThrows(IOException.class, () -> KilnBuild.build(spec(work, locked.resolve("out.iso"))));
        assertTrue(e.getMessage().contains("directory " + locked + " is not writable (Permission denied)"), e.getMessage());
    }

    private static BuildSpec spec(Path work, Path image) {
        return new BuildSpec(List.of(work.resolve("no-such-classes")), "demo.Main",
                new ImageSpec(image, ImageFormat.ISO, ImageSpec.DEFAULT_VOLUME_ID, Instant.EPOCH), Optional.empty(),
                Optional.empty(), Optional.empty(), false, warning -> { });
    }
}
