package dev.kiln.boot.loader;

import static dev.kiln.compiler.asm.Reg.AH;
import static dev.kiln.compiler.asm.Reg.AL;
import static dev.kiln.compiler.asm.Reg.BX;
import static dev.kiln.compiler.asm.Reg.DX;
import static dev.kiln.compiler.asm.Reg.SI;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;

/** The last words of Kiln's real-mode boot code (MBR and loader): a message, then a halted CPU. */
final class RealModeConsole {
    /** COM1's data port: QEMU's -serial and serial consoles. */
    static final int COM1 = 0x3F8;

    private RealModeConsole() {
    }

    /**
     * Emits a loop, bound at {@code entry}, that writes the zero-terminated message at DS:SI to COM1 (headless
     * machines, tests) and to the screen, then stops the CPU for good. Nothing follows it.
     */
    static void printAndHalt(Assembler asm, Label entry) {
        Label halt = asm.newLabel("halt");
        asm.bind(entry);
        asm.mov(AL, Mem.of(8, SI, 0));               // next character
        asm.test(AL, AL);                            // the terminating zero?
        asm.jcc(Cond.E, halt);
        asm.mov(DX, Imm.of(COM1));
        asm.out(DX, AL);
        asm.mov(AH, Imm.of(0x0E));                   // INT 10h AH=0Eh: teletype output of AL
        asm.mov(BX, Imm.of(0x0007));                 // page 0, light grey
        asm.int_(0x10);
        asm.add(SI, Imm.of(1));
        asm.jmp(entry);                              // the next character
        asm.bind(halt);
        asm.cli();                                   // nothing left to do: stop for good
        asm.hlt();                                   // (hlt alone would wake on an NMI ...
        asm.jmp(halt);                               //  ... so go back to sleep)
    }
}
