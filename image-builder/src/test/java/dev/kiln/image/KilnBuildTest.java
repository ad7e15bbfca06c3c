package dev.kiln.image;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
