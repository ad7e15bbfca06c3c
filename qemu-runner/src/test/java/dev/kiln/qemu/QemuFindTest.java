package dev.kiln.qemu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuFindTest {
    @Test
    void withoutOverrideQemuIsFoundOnPath() {
        Path found = Qemu.find(Optional.empty())
                .orElseThrow(() -> new AssertionError(Qemu.notFound(Optional.empty()).getMessage()));

        assertEquals(Qemu.BINARY_NAME, found.getFileName().toString());
    }

    @Test
    void overrideThatIsABareNameIsLookedUpOnPath() {
        assertEquals(Qemu.find(Optional.empty()), Qemu.find(Optional.of(Path.of(Qemu.BINARY_NAME))));
    }

    @Test
    void overrideThatDoesNotExistIsNotReplacedByTheOneOnPath(@TempDir Path directory) {
        assertEquals(Optional.empty(), Qemu.find(Optional.of(directory.resolve("qemu-system-x86_64"))));
    }

    @Test
    void notFoundMessagesSayHowToInstall() {
        assertEquals("QEMU (qemu-system-x86_64) was not found on PATH. Install it with: sudo apt-get install -y"
                + " qemu-system-x86  (or set kiln.qemu to its path)", Qemu.notFound(Optional.empty()).getMessage());
        String overridden = Qemu.notFound(Optional.of(Path.of("/opt/qemu/bin/qemu"))).getMessage();
        assertTrue(overridden.contains("/opt/qemu/bin/qemu (set by kiln.qemu)"), overridden);
        assertTrue(overridden.contains("sudo apt-get install -y qemu-system-x86"), overridden);
    }
}
