package dev.kiln.image;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.object.Symbol;
import dev.kiln.linker.Kernel;
import dev.kiln.linker.LinkOptions;
import dev.kiln.linker.Linker;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.kiln.compiler.asm.Reg.AL;
import static dev.kiln.compiler.asm.Reg.DX;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.EBX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDI;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.ESI;

/**
 * Kernels for boot tests, linked by the real linker from modules written with Kiln's assembler. The 32-bit entry
 * {@code kiln_entry32} checks what the loader promised and reports through COM1 and {@code isa-debug-exit}:
 * <ul>
 *   <li>0x10 (QEMU exit 33): all good, after printing {@link #SUCCESS};</li>
 *   <li>0x11 (35): eax is not the Multiboot2 magic;</li>
 *   <li>0x12 (37): the Multiboot2 information has no well-formed memory map tag, or the map lacks the usable RAM
 *       at 1 MiB;</li>
 *   <li>0x13 (39): the checksum of the payload (a patterned data section) is wrong: bytes were lost or misplaced;</li>
 *   <li>0x14 (41): the marker in the payload's last dword is wrong;</li>
 *   <li>0x15 (43): the BSS after the payload is not zero;</li>
 *   <li>0x16 (45): there is a framebuffer tag, and it does not describe 32-bit direct-RGB pixels (address,
 *       size, pitch of at least width * 4); a good one adds {@link #FRAMEBUFFER_SEEN} to the report.</li>
 * </ul>
 */
public final class TestKernels {
    public static final String SUCCESS = "kiln-loader-ok";
    /** Printed before {@link #SUCCESS} when the boot information has a well-formed framebuffer tag. */
    public static final String FRAMEBUFFER_SEEN = "kiln-framebuffer-ok";
    public static final int EXIT_SUCCESS = (0x10 << 1) | 1;
    /** The payload's last dword: a value the pattern does not produce there. */
    static final int MARKER = 0x4B494C4E;
    private static final int BSS_BYTES = 64 * 1024;

    private TestKernels() {
    }

    /** A kernel whose payload (a DATA section placed after the code) is {@code payloadBytes} long, a multiple of 4. */
    public static Kernel withPayload(int payloadBytes) throws Exception {
        return withPayload(payloadBytes, LinkOptions.defaults());
    }

    /** As {@link #withPayload(int)}, linked with {@code options} (another base address). */
    public static Kernel withPayload(int payloadBytes, LinkOptions options) throws Exception {
        ByteBuffer payload = ByteBuffer.allocate(payloadBytes).order(ByteOrder.LITTLE_ENDIAN);
        int checksum = 0;
        for (int i = 0; i < payloadBytes / 4 - 1; i++) {
            int word = i * 0x9E3779B1 + 0x12345;
            payload.putInt(word);
            checksum += word;
        }
        payload.putInt(MARKER);
        byte[] message = (SUCCESS + "\n\0").getBytes(StandardCharsets.US_ASCII);
        byte[] framebufferMessage = (FRAMEBUFFER_SEEN + "\n" + SUCCESS + "\n\0").getBytes(StandardCharsets.US_ASCII);
        ObjectModule module = new ObjectModule("boot-test", List.of(
                entryCode(payloadBytes / 4 - 1, checksum, payloadBytes),
                new Section(".rodata.message", SectionKind.RODATA, message, message.length, 1,
                        List.of(new Symbol("message", 0, message.length)), List.of()),
                new Section(".rodata.framebuffer", SectionKind.RODATA, framebufferMessage, framebufferMessage.length, 1,
                        List.of(new Symbol("message_framebuffer", 0, framebufferMessage.length)), List.of()),
                new Section(".data.payload", SectionKind.DATA, payload.array(), payloadBytes, 8,
                        List.of(new Symbol("payload", 0, payloadBytes)), List.of()),
                Section.bss(".bss.test", BSS_BYTES, 8, List.of(new Symbol("test_bss", 0, BSS_BYTES)))));
        return Linker.link(List.of(module), options);
    }

    private static Section entryCode(int checksummedWords, int checksum, int payloadBytes) {
        Assembler asm = new Assembler(Mode.BITS32);
        Label badMagic = asm.newLabel();
        Label badInfo = asm.newLabel();
        Label badChecksum = asm.newLabel();
        Label badMarker = asm.newLabel();
        Label badBss = asm.newLabel();
        Label framebufferDone = asm.newLabel();
        Label badFramebuffer = asm.newLabel();
        Label nextEntry = asm.newLabel();
        Label skipEntry = asm.newLabel();
        Label mapOk = asm.newLabel();
        Label sum = asm.newLabel();
        Label bss = asm.newLabel();
        Label print = asm.newLabel();
        Label printed = asm.newLabel();
        asm.symbol("kiln_entry32");
        asm.cmp(EAX, Imm.of(0x36D76289));
        asm.jcc(Cond.NE, badMagic);
        // Boot information: find the memory map tag (type 6; tags come in any order, MB2 §3.6.1), entry size 24,
        // and the tag, plus at least an end tag, inside total_size
        findTag(asm, 6, badInfo);
        asm.cmp(Mem.of(32, ESI, 8), Imm.of(24));
        asm.jcc(Cond.NE, badInfo);
        asm.mov(ECX, Mem.of(32, ESI, 4));
        asm.add(ECX, ESI);
        asm.sub(ECX, EBX);
        asm.add(ECX, Imm.of(8));
        asm.cmp(ECX, Mem.of(32, EBX, 0));
        asm.jcc(Cond.A, badInfo);
        // The memory map must list usable RAM (type 1) starting at 1 MiB, where the kernel is.
        asm.mov(ECX, Mem.of(32, ESI, 4));
        asm.sub(ECX, Imm.of(16));
        asm.add(ESI, Imm.of(16));
        asm.bind(nextEntry);
        asm.cmp(ECX, Imm.of(0));
        asm.jcc(Cond.E, badInfo);
        asm.cmp(Mem.of(32, ESI, 0), Imm.of(0x100000));
        asm.jcc(Cond.NE, skipEntry);
        asm.cmp(Mem.of(32, ESI, 16), Imm.of(1));
        asm.jcc(Cond.E, mapOk);
        asm.bind(skipEntry);
        asm.add(ESI, Imm.of(24));
        asm.sub(ECX, Imm.of(24));
        asm.jmp(nextEntry);
        asm.bind(mapOk);
        // A framebuffer tag (type 8, MB2 §3.6.12), if there is one, must describe a direct-RGB framebuffer of
        // 32-bit pixels: address, pitch >= width * 4, width and height set. Then the report says so.
        asm.mov(EDI, Imm.symbol("message", 0));
        findTag(asm, 8, framebufferDone);
        asm.cmp(Mem.of(8, ESI, 28), Imm.of(32));
        asm.jcc(Cond.NE, badFramebuffer);
        asm.cmp(Mem.of(8, ESI, 29), Imm.of(1));
        asm.jcc(Cond.NE, badFramebuffer);
        asm.cmp(Mem.of(32, ESI, 8), Imm.of(0));
        asm.jcc(Cond.E, badFramebuffer);
        asm.cmp(Mem.of(32, ESI, 24), Imm.of(0));
        asm.jcc(Cond.E, badFramebuffer);
        asm.mov(ECX, Mem.of(32, ESI, 20));
        asm.test(ECX, ECX);
        asm.jcc(Cond.E, badFramebuffer);
        asm.shl(ECX, Imm.of(2));
        asm.cmp(Mem.of(32, ESI, 16), ECX);
        asm.jcc(Cond.B, badFramebuffer);
        asm.mov(EDI, Imm.symbol("message_framebuffer", 0));
        asm.bind(framebufferDone);
        // Payload checksum over every dword but the marker
        asm.mov(ESI, Imm.symbol("payload", 0));
        asm.mov(ECX, Imm.of(checksummedWords));
        asm.xor(EDX, EDX);
        asm.bind(sum);
        asm.add(EDX, Mem.of(32, ESI, 0));
        asm.add(ESI, Imm.of(4));
        asm.dec(ECX);
        asm.jcc(Cond.NE, sum);
        asm.cmp(EDX, Imm.of(checksum));
        asm.jcc(Cond.NE, badChecksum);
        asm.cmp(Mem.symbol(32, "payload", payloadBytes - 4), Imm.of(MARKER));
        asm.jcc(Cond.NE, badMarker);
        // BSS: zero
        asm.mov(ESI, Imm.symbol("test_bss", 0));
        asm.mov(ECX, Imm.of(BSS_BYTES / 4));
        asm.bind(bss);
        asm.cmp(Mem.of(32, ESI, 0), Imm.of(0));
        asm.jcc(Cond.NE, badBss);
        asm.add(ESI, Imm.of(4));
        asm.dec(ECX);
        asm.jcc(Cond.NE, bss);
        // Report
        asm.mov(ESI, EDI);
        asm.mov(DX, Imm.of(0x3F8));
        asm.bind(print);
        asm.mov(AL, Mem.of(8, ESI, 0));
        asm.test(AL, AL);
        asm.jcc(Cond.E, printed);
        asm.out(DX, AL);
        asm.add(ESI, Imm.of(1));
        asm.jmp(print);
        asm.bind(printed);
        exit(asm, 0x10);
        asm.bind(badMagic);
        exit(asm, 0x11);
        asm.bind(badInfo);
        exit(asm, 0x12);
        asm.bind(badChecksum);
        exit(asm, 0x13);
        asm.bind(badMarker);
        exit(asm, 0x14);
        asm.bind(badBss);
        exit(asm, 0x15);
        asm.bind(badFramebuffer);
        exit(asm, 0x16);
        return asm.finish(".text.boot-test", SectionKind.TEXT, 16);
    }

    /**
     * ESI = the Multiboot2 boot information's first tag (at EBX + 8) of {@code type}, walking the 8-aligned tags
     * (MB2 §3.6.1); at the end tag, jumps to {@code missing}.
     */
    private static void findTag(Assembler asm, int type, Label missing) {
        Label next = asm.newLabel();
        Label found = asm.newLabel();
        asm.lea(ESI, Mem.of(0, EBX, 8));
        asm.bind(next);
        asm.cmp(Mem.of(32, ESI, 0), Imm.of(type));
        asm.jcc(Cond.E, found);
        asm.cmp(Mem.of(32, ESI, 0), Imm.of(0));
        asm.jcc(Cond.E, missing);
        asm.mov(ECX, Mem.of(32, ESI, 4));
        asm.add(ECX, Imm.of(7));
        asm.and(ECX, Imm.of(-8));
        asm.add(ESI, ECX);
        asm.jmp(next);
        asm.bind(found);
    }

    private static void exit(Assembler asm, int value) {
        Label halt = asm.newLabel();
        asm.mov(EAX, Imm.of(value));
        asm.out(Imm.of(0xF4), EAX);
        asm.bind(halt);
        asm.hlt();
        asm.jmp(halt);
    }
}
