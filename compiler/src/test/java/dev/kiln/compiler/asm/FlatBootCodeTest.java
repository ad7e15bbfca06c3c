package dev.kiln.compiler.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A boot sector at 0x7C00 that goes from real mode to protected mode, assembled by Kiln ({@code origin},
 * {@code mode} switches, labels as absolute addresses) and by GNU as + ld linked at 0x7C00.
 */
class FlatBootCodeTest {

    private static final long ORIGIN = 0x7C00;

    @Test
    void bootSectorMatchesGnuAsLinkedAt0x7C00() {
        String gnu = """
                .intel_syntax noprefix
                .code16
                start:
                  cli
                  xor ax, ax
                  mov ds, ax
                  mov es, ax
                  mov ss, ax
                  mov sp, 0x7c00
                  mov si, offset message
                  mov al, byte ptr [message]
                  mov bx, word ptr [si+message]
                  addr32 rep movsd
                  lgdt [gdt_pointer]
                  mov eax, cr0
                  or al, 1
                  mov cr0, eax
                  jmp 0x08:protected
                  .att_syntax
                  ljmpl $0x08, $protected
                  .intel_syntax noprefix
                .code32
                protected:
                  mov ax, 0x10
                  mov ds, ax
                  mov esi, offset message
                  mov eax, dword ptr [gdt_pointer+2]
                  lea edi, [ebx+message]
                halt:
                  hlt
                  {disp32} jmp halt
                message:
                  .ascii "Kiln"
                gdt_pointer:
                  .word gdt_end - gdt - 1
                  .long gdt
                  .balign 8, 0
                gdt:
                  .quad 0
                  .quad 0x00cf9a000000ffff
                  .quad 0x00cf92000000ffff
                gdt_end:
                  .org 510
                  .word 0xaa55
                """;

        Assembler asm = new Assembler(Mode.BITS16);
        asm.origin(ORIGIN);
        Label message = asm.newLabel("message");
        Label gdtPointer = asm.newLabel("gdt_pointer");
        Label gdt = asm.newLabel("gdt");
        Label protectedMode = asm.newLabel("protected");
        Label halt = asm.newLabel("halt");
        asm.cli();
        asm.xor(Reg.AX, Reg.AX);
        asm.movToSeg(SegReg.DS, Reg.AX);
        asm.movToSeg(SegReg.ES, Reg.AX);
        asm.movToSeg(SegReg.SS, Reg.AX);
        asm.mov(Reg.SP, Imm.of(0x7c00));
        asm.mov(Reg.SI, asm.labelAddress(message));
        asm.mov(Reg.AL, Mem.label(8, message));
        asm.mov(Reg.BX, Mem.label(16, Reg.SI, null, 1, message, 0));
        asm.addressSize32();
        asm.repMovsd();
        asm.lgdt(Mem.label(0, gdtPointer));
        asm.movFromControl(Reg.EAX, ControlReg.CR0);
        asm.or(Reg.AL, Imm.of(1));
        asm.movToControl(ControlReg.CR0, Reg.EAX);
        asm.jmpFar(0x08, protectedMode);
        asm.jmpFar32(0x08, protectedMode);
        asm.mode(Mode.BITS32);
        asm.bind(protectedMode);
        asm.mov(Reg.AX, Imm.of(0x10));
        asm.movToSeg(SegReg.DS, Reg.AX);
        asm.mov(Reg.ESI, asm.labelAddress(message));
        asm.mov(Reg.EAX, Mem.label(32, null, null, 1, gdtPointer, 2));
        asm.lea(Reg.EDI, Mem.label(0, Reg.EBX, null, 1, message, 0));
        asm.bind(halt);
        asm.hlt();
        asm.jmp(halt);
        asm.bind(message);
        asm.db("Kiln".getBytes(StandardCharsets.US_ASCII));
        asm.bind(gdtPointer);
        asm.dw(3 * 8 - 1);
        asm.dd(gdt);
        asm.align(8, 0);
        asm.bind(gdt);
        asm.dq(0);
        asm.dq(0x00cf9a000000ffffL);
        asm.dq(0x00cf92000000ffffL);
        asm.zeros(510 - asm.offset());
        asm.dw(0xaa55);

        byte[] expected = GnuBinutils.assembleFlat(gnu, ORIGIN);
        assertEquals(GnuBinutils.hex(expected), GnuBinutils.hex(asm.flatBinary()));
    }
}
