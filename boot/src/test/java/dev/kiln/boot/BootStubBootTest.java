package dev.kiln.boot;

import dev.kiln.qemu.junit.ExternalTools;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots {@link BootStub} linked with a tiny 64-bit {@code kiln_java_start} in QEMU through the PVH entry
 * ({@code -kernel}). The test code checks what the stub promises, prints a line on COM1 and exits through
 * {@code isa-debug-exit}: status 0 (QEMU exit code 33) when every check passed, else the number of the failed
 * check. A fault anywhere (no IDT yet) triple-faults, which {@code -no-reboot} turns into QEMU exit code 0.
 */
class BootStubBootTest {
    private static final String MESSAGE = "kiln-stub-ok\n";
    private static final int COM1 = 0x3F8;
    private static final int DEBUG_EXIT_PORT = 0xF4;
    private static final int TIMEOUT_SECONDS = 20;

    /** Checks, numbered as the exit status their failure produces. */
    private static final List<String> CHECKS = List.of(
            "all passed",
            "64-bit register: the upper half of rax did not survive a shift",
            "paging: the local APIC version register at 0xFEE00030 (above 3 GiB) did not read as QEMU's 0x14",
            "SSE: a value did not round-trip through xmm0",
            "stack: rsp + 8 was not 16-byte aligned at kiln_java_start or not inside the boot stack",
            "rbp was not 0",
            "kiln_boot_info does not point at a PVH hvm_start_info (magic 0x336ec578)");

    /** The test's kiln_java_start; check k jumps to fail(k). */
    private static ObjectModule testKernel() {
        Assembler asm = new Assembler(Mode.BITS64);
        Label[] fail = new Label[CHECKS.size()];
        for (int i = 1; i < fail.length; i++) {
            fail[i] = asm.newLabel("fail" + i);
        }
        asm.symbol("kiln_java_start");
        // 1: a value only a 64-bit register holds.
        asm.mov(Reg.RAX, Imm.of(0x0123_4567_89AB_CDEFL));
        asm.shr(Reg.RAX, Imm.of(32));
        asm.cmp(Reg.EAX, Imm.of(0x0123_4567));
        asm.jcc(Cond.NE, fail[1]);
        // 2: memory far above the 256 MiB of RAM, mapped by the fourth page directory.
        // (A disp32 would be sign-extended to 0xFFFFFFFFFEE00030; mov r32, imm32 zero-extends.)
        asm.mov(Reg.EAX, Imm.of(0xFEE0_0030L));
        asm.mov(Reg.EAX, Mem.of(32, Reg.RAX, 0));
        asm.cmp(Reg.AL, Imm.of(0x14));
        asm.jcc(Cond.NE, fail[2]);
        // 3: SSE enabled (CR0.EM = 0, CR4.OSFXSR = 1), or movq raises #UD.
        asm.mov(Reg.RCX, Imm.of(0x7FF0_1234_5678_9ABCL));
        asm.movq(Xmm.XMM0, Reg.RCX);
        asm.movq(Reg.RDX, Xmm.XMM0);
        asm.cmp(Reg.RDX, Reg.RCX);
        asm.jcc(Cond.NE, fail[3]);
        // 4: the call pushed 8 bytes onto a 16-aligned stack: rsp = kiln_boot_stack_top - 8.
        asm.mov(Reg.RAX, Imm.symbol(BootStub.BOOT_STACK_TOP, -8));
        asm.cmp(Reg.RSP, Reg.RAX);
        asm.jcc(Cond.NE, fail[4]);
        // 5: frame walks stop at rbp = 0.
        asm.test(Reg.RBP, Reg.RBP);
        asm.jcc(Cond.NE, fail[5]);
        // 6: the PVH start info the stub saved from ebx.
        asm.mov(Reg.RAX, Mem.symbol(64, BootStub.BOOT_INFO, 0));
        asm.cmp(Mem.of(32, Reg.RAX, 0), Imm.of(0x336E_C578));
        asm.jcc(Cond.NE, fail[6]);

        Label message = asm.newLabel("message");
        asm.lea(Reg.RSI, Mem.label(0, message));
        asm.mov(Reg.ECX, Imm.of(MESSAGE.length()));
        asm.mov(Reg.EDX, Imm.of(COM1));
        Label print = asm.newLabel("print");
        asm.bind(print);
        asm.mov(Reg.AL, Mem.of(8, Reg.RSI, 0));
        asm.out(Reg.DX, Reg.AL);
        asm.inc(Reg.RSI);
        asm.dec(Reg.ECX);
        asm.jcc(Cond.NE, print);
        Label exit = asm.newLabel("exit");
        asm.mov(Reg.EAX, Imm.of(0x10));
        asm.bind(exit);
        asm.mov(Reg.EDX, Imm.of(DEBUG_EXIT_PORT));
        asm.out(Reg.DX, Reg.EAX);
        asm.ret(); // only reached without isa-debug-exit: back to the stub's halt loop
        for (int i = 1; i < fail.length; i++) {
            asm.bind(fail[i]);
            asm.mov(Reg.EAX, Imm.of(0x10 + i));
            asm.jmp(exit);
        }
        asm.bind(message);
        asm.db(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        return new ObjectModule("boot-test", List.of(asm.finish(".text.boot_test", SectionKind.TEXT, 16)));
    }

    @Test
    void qemuBootsTheStubIntoLongModeAndCallsJava(@TempDir Path dir) throws Exception {
        Kernel kernel = Linker.link(List.of(BootStub.module(), testKernel()), LinkOptions.defaults());
        Path elf = dir.resolve("kernel.elf");
        Path serial = dir.resolve("serial.txt");
        kernel.writeElf(elf);
        kernel.writeMap(dir.resolve("kernel.map"));

        int exitCode = runQemu(List.of("qemu-system-x86_64", "-accel", "tcg", "-kernel", elf.toString(),
                "-display", "none", "-serial", "file:" + serial, "-monitor", "none",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-no-reboot", "-m", "256M"));
        String output = Files.exists(serial) ? Files.readString(serial, StandardCharsets.US_ASCII) : "";
        int status = (exitCode - 1) / 2 - 0x10;
        String meaning = exitCode == 0 ? "QEMU exited 0: reset or triple fault before the exit port was written"
                : status >= 0 && status < CHECKS.size() ? CHECKS.get(status) : "unexpected exit code";
        assertEquals(33, exitCode, meaning + "; serial: " + output);
        assertEquals(MESSAGE, output);
    }

    @Test
    void objdumpSeesTheLinkedStubCallJavaAndLoadItsGdt(@TempDir Path dir) throws Exception {
        Kernel kernel = Linker.link(List.of(BootStub.module(), testKernel()), LinkOptions.defaults());
        Path elf = dir.resolve("kernel.elf");
        kernel.writeElf(elf);
        String disassembly = ExternalTools.check("objdump", "-d", "-M", "intel", elf.toString());
        long javaStart = kernel.symbolAddress(BootStub.JAVA_START).getAsLong();
        assertTrue(disassembly.contains("call   " + Long.toHexString(javaStart) + " <kiln_java_start>"), disassembly);
        long stackTop = kernel.symbolAddress(BootStub.BOOT_STACK_TOP).getAsLong();
        assertEquals(0, stackTop % 16);
        assertTrue(disassembly.contains("movabs rsp,0x" + Long.toHexString(stackTop)), disassembly);
        long gdtPointer = kernel.symbolAddress("kiln_boot_gdt_pointer").getAsLong();
        String objdump32 = ExternalTools.check("objdump", "-d", "-M", "intel,i386", "--start-address=" + kernel.entryAddress(),
                "--stop-address=" + kernel.symbolAddress("kiln_entry64").getAsLong(), elf.toString());
        assertTrue(objdump32.contains("lgdtd  ds:0x" + Long.toHexString(gdtPointer)), objdump32);
        assertTrue(objdump32.contains("jmp    0x8:0x" + Long.toHexString(kernel.symbolAddress("kiln_entry64").getAsLong())),
                objdump32);
    }

    private static int runQemu(List<String> command) throws IOException, InterruptedException {
        Process qemu = ExternalTools.start(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD));
        if (!qemu.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            qemu.destroyForcibly().waitFor();
            throw new AssertionError("QEMU did not exit within " + TIMEOUT_SECONDS + " s: the kernel hung");
        }
        return qemu.exitValue();
    }
}
