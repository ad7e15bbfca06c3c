package dev.kiln.boot.loader;

import dev.kiln.qemu.junit.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BOOTX64.EFI read by binutils' PE reader (objdump) and file(1); its booting is in ImageBuilderTest. */
class UefiBootLoaderTest {
    private static final BootParameters SMALL = new BootParameters(0, 4096, 4096, 0x100000, 8192, 0x100000);
    private static final BootParameters LARGE = new BootParameters(0, 40 << 20, 40 << 20, 0x200000, 64 << 20, 0x200010);

    @TempDir
    Path directory;

    @Test
    void layoutDoesNotDependOnTheParameters() {
        UefiBootLoader.Assembled small = UefiBootLoader.assemble(SMALL);
        UefiBootLoader.Assembled large = UefiBootLoader.assemble(LARGE);
        assertEquals(small.bytes().length, large.bytes().length);
        assertEquals(small.codeBytes(), large.codeBytes());
        assertArrayEquals(Arrays.copyOf(small.bytes(), small.codeBytes()), Arrays.copyOf(large.bytes(), large.codeBytes()),
                "the code is the same; only data words differ");
        assertEquals(0, small.codeBytes() % UefiBootLoader.PAGE);
        assertEquals(0, small.bytes().length % 2048);
    }

    /** The loader's size in instructions, counted by objdump (64-bit parts as x86-64, the 32-bit part as i386). */
    @Test
    void instructionCountMatchesObjdump() throws Exception {
        byte[] code = UefiBootLoader.assemble(SMALL).bytes();
        int[] parts = UefiBootLoader.codeParts(SMALL);
        List<String> instructions = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            String machine = part == 1 ? "i386" : "i386:x86-64";
            Path file = Files.write(directory.resolve("part" + part + ".bin"), Arrays.copyOfRange(code, parts[part], parts[part + 1]));
            String listing = ExternalTools.check("objdump", "-D", "-b", "binary", "-m", machine, "-M", "intel", file.toString());
            listing.lines().filter(line -> line.matches("\\s*\\p{XDigit}+:\t.*\t.*")).forEach(instructions::add);
        }
        assertTrue(instructions.stream().noneMatch(line -> line.contains("(bad)")), String.join("\n", instructions));
        assertEquals(UefiBootLoader.INSTRUCTION_COUNT, instructions.size(),
                "update UefiBootLoader.INSTRUCTION_COUNT:\n" + String.join("\n", instructions));
    }

    @Test
    void objdumpReadsAPe32PlusEfiApplicationWithTheKernelAfterTheLoaderData() throws Exception {
        UefiBootLoader.Assembled loader = UefiBootLoader.assemble(SMALL);
        byte[] kernel = new byte[4096];
        Arrays.fill(kernel, (byte) 0x5A);
        byte[] executable = PortableExecutable.create(loader, kernel);
        Path file = Files.write(directory.resolve("BOOTX64.EFI"), executable);
        String type = ExternalTools.check("file", file.toString());
        assertTrue(type.contains("PE32+ executable") && type.contains("(EFI application) x86-64"), type);
        String headers = ExternalTools.check("objdump", "-x", file.toString());
        assertTrue(headers.contains("file format pei-x86-64"), headers);
        assertTrue(headers.contains("start address 0x0000000010001000"), "efi_main is the first byte of .text\n" + headers);
        assertTrue(headers.matches("(?s).*Subsystem\\s+0000000a\\s+\\(EFI application\\).*"), headers);
        assertTrue(headers.matches("(?s).*Time/Date\\s+Thu Jan  1 00:00:00 1970.*"), "no time stamp\n" + headers);
        int dataBytes = loader.bytes().length - loader.codeBytes() + kernel.length;
        assertTrue(headers.matches("(?s).*\\.text\\s+" + String.format("%08x", loader.codeBytes())
                + "\\s+0000000010001000\\s+0000000010001000\\s+00000800.*READONLY, CODE.*"), headers);
        assertTrue(headers.matches("(?s).*\\.data\\s+" + String.format("%08x", dataBytes) + "\\s+"
                + String.format("%016x", 0x10001000L + loader.codeBytes()) + ".*DATA.*"), headers);
        int kernelOffset = PortableExecutable.kernelOffset(loader);
        assertEquals(0, kernelOffset % 2048);
        assertArrayEquals(kernel, Arrays.copyOfRange(executable, kernelOffset, kernelOffset + kernel.length));
        String code = ExternalTools.check("objdump", "-d", "-M", "intel", file.toString());
        assertTrue(code.contains("call   QWORD PTR [rax+0x28]"), "AllocatePages\n" + code);
        assertTrue(code.contains("call   QWORD PTR [rax+0x38]"), "GetMemoryMap\n" + code);
        assertTrue(code.contains("call   QWORD PTR [rax+0xe8]"), "ExitBootServices\n" + code);
        assertTrue(code.contains("call   QWORD PTR [rax+0x140]"), "LocateProtocol\n" + code);
        assertTrue(code.contains("movzx  eax,BYTE PTR [rsi]") && code.contains("movzx  edx,WORD PTR [rsi]"),
                "the kernel's LZ4 decoder: a token, a match offset\n" + code);
        assertTrue(code.matches("(?s).*\\scb\\s+retf\\s.*"), "the far return into 32-bit code, 32-bit operands\n" + code);
    }
}
