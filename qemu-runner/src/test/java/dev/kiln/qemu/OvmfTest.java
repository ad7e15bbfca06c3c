package dev.kiln.qemu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The firmware search, run against a fake file-system root. */
class OvmfTest {
    @TempDir
    Path root;

    private Path install(String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    @Test
    void nothingInstalledIsAnErrorWithTheInstallCommand() {
        assertEquals(Optional.empty(), Ovmf.find(root));
        String message = Ovmf.notFound(root).getMessage();
        assertTrue(message.contains("apt-get install -y ovmf"), message);
        assertTrue(message.contains(root.resolve("usr/share/OVMF/OVMF_CODE_4M.fd").toString()), message);
    }

    @Test
    void combinedImageIsLoadedWithDashBios() throws IOException {
        Path combined = install("usr/share/ovmf/OVMF.fd", "firmware");

        Ovmf.Installation found = Ovmf.find(root).orElseThrow();

        assertEquals(new Ovmf.Installation(combined, Optional.empty()), found);
        assertEquals(List.of("-bios", combined.toString()), Ovmf.qemuArgs(found, root.resolve("unused")));
    }

    @Test
    void splitBuildIsPreferredAndGetsAWritableCopyOfTheVariableStore() throws IOException {
        install("usr/share/ovmf/OVMF.fd", "combined");
        Path code = install("usr/share/OVMF/OVMF_CODE_4M.fd", "code");
        install("usr/share/OVMF/OVMF_VARS_4M.fd", "variables");
        Path copy = root.resolve("vars-copy.fd");

        List<String> args = Ovmf.qemuArgs(Ovmf.find(root).orElseThrow(), copy);

        assertEquals(List.of("-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + code,
                "-drive", "if=pflash,format=raw,unit=1,file=" + copy), args);
        assertEquals("variables", Files.readString(copy));
    }

    @Test
    void codeWithoutItsVariableStoreIsPassedOver() throws IOException {
        install("usr/share/OVMF/OVMF_CODE_4M.fd", "code");
        Path combined = install("usr/share/qemu/OVMF.fd", "combined");

        assertEquals(combined, Ovmf.find(root).orElseThrow().code());
    }
}
