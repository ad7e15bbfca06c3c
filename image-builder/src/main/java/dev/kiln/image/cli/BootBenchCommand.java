package dev.kiln.image.cli;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.SegReg;
import dev.kiln.image.BuildSpec;
import dev.kiln.image.ImageFormat;
import dev.kiln.image.ImageSpec;
import dev.kiln.image.KilnBuild;
import dev.kiln.linker.LinkException;
import dev.kiln.qemu.ImageKind;
import dev.kiln.qemu.Qemu;
import dev.kiln.qemu.QemuException;
import dev.kiln.qemu.RunResult;
import dev.kiln.qemu.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kiln bench boot}: how long a Kiln image takes from QEMU's start to the guest's exit, against the floor
 * every BIOS guest pays: a 512-byte boot sector that prints a line and exits, booted in the same run,
 * alternating, so machine drift hits both alike. Prints medians, spreads and the ratio. Not a test: nothing
 * here asserts a time.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Times QEMU start-to-exit of a Kiln ISO against a minimal boot sector, in one run.")
final class BootBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProgramOptions program;

    @Mixin
    BenchRuns benchRuns;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int runs = benchRuns.count(spec);
        try {
            Path work = Files.createTempDirectory("kiln-bench");
            Path iso = work.resolve("image.iso");
            List<Path> entries = program.classPathEntries();
            KilnBuild.build(new BuildSpec(entries, program.mainClass, new ImageSpec(iso, ImageFormat.ISO, ImageSpec.DEFAULT_VOLUME_ID,
                    Instant.EPOCH), Optional.empty(), Optional.empty(), Optional.empty(), false,
                    warning -> err.println("kiln: warning: " + warning)));
            Path bootSector = work.resolve("boot-sector.img");
            Files.write(bootSector, referenceBootSector());
            List<Double> kiln = new ArrayList<>();
            List<Double> reference = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                double a = bootMillis(iso, ImageKind.ISO, work);
                double b = bootMillis(bootSector, ImageKind.DISK, work);
                if (i > 0) { // the first pair warms the page cache and QEMU's binary
                    kiln.add(a);
                    reference.add(b);
                    ratios.add(a / b);
                }
            }
            out.printf("QEMU start-to-exit, TCG, %d runs each after 1 warm-up (milliseconds: median [min..max])%n", runs);
            out.printf("  Kiln ISO (%s, %d bytes):       %s%n", program.mainClass, Files.size(iso), Stats.summary(kiln));
            out.printf("  512-byte boot sector (reference): %s%n", Stats.summary(reference));
            out.printf("  ratio Kiln/reference, pair by pair: %s%n", Stats.ratioSummary(ratios));
            return 0;
        } catch (CompilationException e) {
            err.println("kiln: " + e.getMessage().replace(System.lineSeparator(), System.lineSeparator() + "kiln: "));
        } catch (LinkException | IOException | QemuException | IllegalStateException e) {
            err.println("kiln: " + e.getMessage());
        }
        return 1;
    }

    private static double bootMillis(Path image, ImageKind kind, Path work) throws QemuException {
        RunResult result = Qemu.boot(RunSpec.builder(image, kind).timeout(Duration.ofSeconds(60))
                .serialLog(work.resolve(image.getFileName() + ".serial.log")).build());
        if (result.outcome() != RunResult.Outcome.SUCCESS) {
            throw new IllegalStateException(image.getFileName() + ": " + result.describe());
        }
        return result.elapsed().toNanos() / 1e6;
    }

    /**
     * The least a BIOS guest can do: real mode at 0x7C00, write "ok\n" to COM1 (no UART setup needed under
     * QEMU), then report status 0 to isa-debug-exit. MBR signature 0xAA55 at offset 510.
     */
    static byte[] referenceBootSector() {
        Assembler asm = new Assembler(Mode.BITS16);
        asm.origin(0x7C00);
        Label message = asm.newLabel();
        Label next = asm.newLabel();
        Label done = asm.newLabel();
        asm.xor(Reg.AX, Reg.AX);
        asm.movToSeg(SegReg.DS, Reg.AX);
        asm.mov(Reg.SI, asm.labelAddress(message));
        asm.mov(Reg.DX, Imm.of(0x3F8));
        asm.bind(next);
        asm.mov(Reg.AL, Mem.of(8, Reg.SI, 0));
        asm.test(Reg.AL, Reg.AL);
        asm.jcc(Cond.E, done);
        asm.out(Reg.DX, Reg.AL);
        asm.inc(Reg.SI);
        asm.jmp(next);
        asm.bind(done);
        asm.mov(Reg.DX, Imm.of(0xF4));
        asm.mov(Reg.AL, Imm.of(0x10));
        asm.out(Reg.DX, Reg.AL);
        asm.cli();
        asm.hlt();
        asm.bind(message);
        asm.db("ok\n\0".getBytes(StandardCharsets.US_ASCII));
        byte[] code = asm.flatBinary();
        byte[] sector = Arrays.copyOf(code, 512);
        sector[510] = 0x55;
        sector[511] = (byte) 0xAA;
        return sector;
    }
}
