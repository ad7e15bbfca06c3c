package dev.kiln.qemu.junit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing oracle fails with the package to install; a present one runs. */
class ExternalToolsTest {
    @Test
    void missingToolNamesTheDebianPackageFromTheList() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> ExternalTools.start(new ProcessBuilder("/nonexistent/bin/xorriso", "-version")));
        assertTrue(error.getMessage().contains("sudo apt-get install -y xorriso"), error.getMessage());
        assertTrue(error.getMessage().contains(".ci/install-test-tools"), error.getMessage());
    }

    @Test
    void everyOracleOfTheSuiteHasAPackage() {
        for (String tool : List.of("qemu-system-x86_64", "xorriso", "mdir", "fdisk", "sgdisk", "objdump", "as", "file",
                "grub-mkrescue", "/usr/share/OVMF/OVMF_CODE_4M.fd")) {
            assertTrue(ExternalTools.packageOf(tool).isPresent(), tool + " is not in " + ExternalTools.LIST);
        }
        assertEquals("gdisk", ExternalTools.packageOf("sgdisk").orElseThrow());
    }

    @Test
    void presentToolRunsAndItsFailureIsReported() throws Exception {
        assertTrue(ExternalTools.check("file", "--version").contains("file"));
        AssertionError error = assertThrows(AssertionError.class, () -> ExternalTools.check("file", "--no-such-option"));
        assertTrue(error.getMessage().contains("exited with"), error.getMessage());
    }
}
