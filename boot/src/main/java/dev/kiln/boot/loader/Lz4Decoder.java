package dev.kiln.boot.loader;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Reg;

import static dev.kiln.compiler.asm.Reg.BL;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.EBX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDX;

/**
 * The loaders' LZ4 block decoder ({@link Lz4Block} has the format), one subroutine that both loaders assemble: the
 * BIOS loader in 32-bit protected mode, the UEFI loader in 64-bit mode; the instructions are the same, only the
 * pointer registers are as wide as the mode's addresses.
 * <pre>
 *   in:  si = the block, bp = its end, di = where the output goes
 *   out: di = the end of the output; ax, bx, cx, dx and si clobbered
 * </pre>
 * Literals and matches at least 4 bytes back are copied four bytes at a time, which may write up to 3 bytes past the
 * run (the next run, or for the block's last literals the kernel's BSS, overwrites them; the BSS is the boot stub's
 * to clear) and read up to 3 bytes past the block (the loaders' buffers hold them). Under QEMU's TCG a 4-byte move is
 * about as dear as a 1-byte one, and a {@code rep movs} costs one trip through the translated-code loop per element,
 * so the dword loop decodes hello's kernel about four times faster than bytes would. Matches 1 to 3 bytes back
 * overlap their own output and go byte by byte. The decoder trusts its input (the image builder wrote it).
 */
final class Lz4Decoder {
    /** How far past a run, and past the block, the decoder's 4-byte moves may write and read. */
    static final int OVERSHOOT = 3;
    private final Assembler asm;
    private final Reg source;
    private final Reg end;
    private final Reg target;
    /**
     * The match's source pointer (ax: the token is spent by then), the count, and the run's end (dx, which holds the
     * match offset until the match's end replaces it), pointer-wide.
     */
    private final Reg matchSource;
    private final Reg count;
    private final Reg runEnd;

    private Lz4Decoder(Assembler asm, boolean longMode) {
        this.asm = asm;
        source = longMode ? Reg.RSI : Reg.ESI;
        end = longMode ? Reg.RBP : Reg.EBP;
        target = longMode ? Reg.RDI : Reg.EDI;
        matchSource = longMode ? Reg.RAX : EAX;
        count = longMode ? Reg.RCX : ECX;
        runEnd = longMode ? Reg.RDX : EDX;
    }

    /** The subroutine at {@code routine}, for 32-bit protected mode or ({@code longMode}) 64-bit mode. */
    static void emit(Assembler asm, Label routine, boolean longMode) {
        new Lz4Decoder(asm, longMode).emit(routine);
    }

    private void emit(Label routine) {
        Label sequence = asm.newLabel("lz4_sequence");
        Label literalsCopied = asm.newLabel("lz4_literals_copied");
        Label copyMatchBytes = asm.newLabel("lz4_copy_match_bytes");
        Label done = asm.newLabel("lz4_done");
        asm.bind(routine);
        asm.bind(sequence);
        asm.movzx(EAX, Mem.of(8, source, 0));        // the token: literal length << 4 | match length - 4
        asm.inc(source);
        asm.mov(ECX, EAX);
        asm.shr(ECX, Imm.of(4));                     // literal length, 15 meaning more bytes follow
        moreLength();
        asm.mov(runEnd, target);                     // where the literals end
        asm.add(runEnd, count);
        asm.test(ECX, ECX);
        asm.jcc(Cond.E, literalsCopied);
        copyDwords(source, "lz4_copy_literals");    // four bytes at a time, past the end by up to 3
        asm.mov(count, target);                      // the overshoot, 0 to 3 bytes, back off both pointers
        asm.sub(count, runEnd);
        asm.sub(source, count);
        asm.mov(target, runEnd);
        asm.bind(literalsCopied);
        asm.cmp(source, end);                        // the last sequence has literals only
        asm.jcc(Cond.AE, done);
        asm.movzx(EDX, Mem.of(16, source, 0));       // the match offset, 1..65535 bytes back (dx until the match's end)
        asm.add(source, Imm.of(2));
        asm.and(EAX, Imm.of(15));                    // match length - 4, 15 meaning more bytes follow
        asm.mov(ECX, EAX);
        moreLength();
        asm.add(ECX, Imm.of(Lz4Block.MIN_MATCH));
        asm.mov(matchSource, target);                // the match's source: the offset back (the register's upper
        asm.sub(matchSource, runEnd);                // half is zero from the 32-bit load in 64-bit mode)
        asm.cmp(EDX, Imm.of(4));                     // closer than 4 bytes: the match overlaps its own output
        asm.jcc(Cond.B, copyMatchBytes);
        asm.mov(runEnd, target);                     // where the match ends
        asm.add(runEnd, count);
        copyDwords(matchSource, "lz4_copy_match");  // reads only bytes already final: they are >= 4 bytes back
        asm.mov(target, runEnd);                     // the next literals overwrite the overshoot
        asm.jmp(sequence);
        asm.bind(copyMatchBytes);
        asm.mov(BL, Mem.of(8, matchSource, 0));
        asm.mov(Mem.of(8, target, 0), BL);
        asm.inc(matchSource);
        asm.inc(target);
        asm.dec(ECX);
        asm.jcc(Cond.NE, copyMatchBytes);
        asm.jmp(sequence);
        asm.bind(done);
        asm.ret();
    }

    /** Copies ecx bytes (ecx > 0) from {@code from} to di four at a time, up to 3 too many; both pointers advance. */
    private void copyDwords(Reg from, String name) {
        Label loop = asm.newLabel(name);
        asm.bind(loop);
        asm.mov(EBX, Mem.of(32, from, 0));
        asm.mov(Mem.of(32, target, 0), EBX);
        asm.add(from, Imm.of(4));
        asm.add(target, Imm.of(4));
        asm.sub(ECX, Imm.of(4));
        asm.jcc(Cond.G, loop);
    }

    /** ecx = a length from the token (0-15): at 15, add the bytes that follow until one below 255. */
    private void moreLength() {
        Label lengthDone = asm.newLabel("lz4_length_done");
        Label nextByte = asm.newLabel("lz4_length_byte");
        asm.cmp(ECX, Imm.of(15));
        asm.jcc(Cond.NE, lengthDone);
        asm.bind(nextByte);
        asm.movzx(EBX, Mem.of(8, source, 0));
        asm.inc(source);
        asm.add(ECX, EBX);
        asm.cmp(EBX, Imm.of(255));
        asm.jcc(Cond.E, nextByte);
        asm.bind(lengthDone);
    }
}
