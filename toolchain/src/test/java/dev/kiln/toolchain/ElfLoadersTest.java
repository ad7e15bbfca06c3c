package dev.kiln.toolchain;

import dev.kiln.image.ImageSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.Oracle;

import dev.kiln.toolchain.programs.Hello;
import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real toolchain's ELF kernel started by loaders that are not Kiln's: QEMU's own {@code -kernel} (PVH) and GRUB
 * (Multiboot2), from an image made by Debian's {@code grub-mkrescue}. Both must start it as Kiln's loaders do.
 */
class ElfLoadersTest {
    private static final String OUTPUT = "Hello from Kiln, 42";
    /** {@code isa-debug-exit}: status 0 from the guest is QEMU exit code (0x10 << 1) | 1. */
    private static final int GUEST_STATUS_0 = 33;

    @TempDir
    static Path directory;
    private static Path elf;

    @BeforeAll
    static void buildHello() throws Exception {
        elf = directory.resolve("hello.elf");
        KilnBuild.build(new BuildSpec(List.of(Path.of("target/test-classes")), Hello.class.getName(),
                new ImageSpec(elf, ImageFormat.ELF, ImageSpec.DEFAULT_VOLUME_ID, Instant.EPOCH),
                Optional.empty(), Optional.empty(), Optional.empty(), false, warning -> { }));
    }

    /** PVH: QEMU's {@code -append} arrives as {@code main}'s arguments, through {@code hvm_start_info.cmdline_paddr}. */
    @Test
    void qemuStartsTheElfWithDashKernelAndPassesAppendAsArguments() throws Exception {
        ExternalTools.Result boot = ExternalTools.run(60, List.of("qemu-system-x86_64", "-accel", "tcg", "-m", "256M",
                "-kernel", elf.toString(), "-append", "alpha  beta", "-display", "none", "-monitor", "none",
                "-serial", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot"));
        assertEquals(GUEST_STATUS_0, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(OUTPUT + "\nargs: [alpha|beta]"), boot.output());
    }

    /** GRUB's {@code multiboot2} command loads the ELF and hands over the Multiboot2 state and boot information. */
    @Test
    void grubStartsTheElfAsAMultiboot2Kernel() throws Exception {
        Path tree = directory.resolve("grub-tree");
        Files.createDirectories(tree.resolve("boot/grub"));
        Files.copy(elf, tree.resolve("boot/kernel.elf"));
        Files.writeString(tree.resolve("boot/grub/grub.cfg"), String.join("\n",
                "set timeout=0",
                "serial --unit=0 --speed=115200",
                "terminal_input serial",
                "terminal_output serial",
                "menuentry kiln {",
                "  multiboot2 /boot/kernel.elf one two",
                "  boot",
                "}", ""));
        Path iso = directory.resolve("grub.iso");
        ExternalTools.requireInstalled("/usr/lib/grub/i386-pc");
        ExternalTools.check("grub-mkrescue", "-o", iso.toString(), tree.toString());
        ExternalTools.Result boot = Oracle.bootCdrom(iso, 256, 60, null);
        assertEquals(GUEST_STATUS_0, boot.exitCode(), boot.output());
        assertTrue(boot.output().contains(OUTPUT), boot.output());
        assertTrue(boot.output().contains(OUTPUT + "\nargs: [one|two]"), "GRUB passes what follows the kernel\n" + boot.output());
    }
}
