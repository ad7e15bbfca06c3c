package dev.kiln.compiler.opt;

import static dev.kiln.compiler.asm.Reg.CL;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RCX;
import static dev.kiln.compiler.asm.Reg.RDI;
import static dev.kiln.compiler.asm.Reg.RDX;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Operand;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import org.objectweb.asm.Opcodes;

/**
 * The instruction sequences both tiers emit where x86 and the JVM disagree: idiv traps on MIN_VALUE / -1, which
 * Java wraps; cvtt*2si gives the "integer indefinite" for NaN and out-of-range values, where Java wants 0 and the
 * nearest extreme; ucomis* reports unordered operands in the flags, where fcmp and dcmp want a chosen -1 or 1.
 * Shared so that a fix to one tier is a fix to both ({@code MethodCompiler} and {@link CodeGenerator}).
 */
public final class JvmSequences {
    private JvmSequences() {
    }

    /**
     * Dividend in rax (eax), divisor in rcx (ecx); the quotient or remainder ends in rax. -1 is tested first
     * (JVMS §6.5 idiv: MIN_VALUE / -1 is MIN_VALUE); division by zero is left to #DE, which the kernel turns into
     * ArithmeticException at the idiv (docs/abi.md "Faults"), unless the caller tested it.
     */
    public static void divide(Assembler asm, int bits, boolean remainder) {
        Reg a = RAX.withBits(bits);
        Reg b = RCX.withBits(bits);
        Label normal = asm.newLabel();
        Label done = asm.newLabel();
        asm.cmp(b, Imm.of(-1));
        asm.jcc(Cond.NE, normal);
        if (remainder) {
            asm.xor(EAX, EAX);
        } else {
            asm.neg(a);
        }
        asm.jmp(done);
        asm.bind(normal);
        if (bits == 32) {
            asm.cdq();
        } else {
            asm.cqo();
        }
        asm.idiv(b);
        if (remainder) {
            asm.mov(RAX, RDX);
        }
        asm.bind(done);
    }

    /**
     * f2i, f2l, d2i, d2l of the value in {@code x}, into rcx (an int sign-extended): cvtt*2si's MIN_VALUE for NaN
     * and out-of-range inputs is corrected to JVMS §2.8.3's 0 for NaN and MAX_VALUE for large positive values.
     * Uses rax and rdx.
     */
    public static void truncate(Assembler asm, Xmm x, boolean fromDouble, boolean toLong) {
        Reg result = toLong ? RCX : ECX;
        Label done = asm.newLabel();
        Label nan = asm.newLabel();
        if (fromDouble) {
            asm.cvttsd2si(result, x);
        } else {
            asm.cvttss2si(result, x);
        }
        asm.mov(RDX, Imm.of(toLong ? Long.MIN_VALUE : Integer.MIN_VALUE));
        asm.cmp(result, toLong ? RDX : EDX);
        asm.jcc(Cond.NE, done);
        if (fromDouble) {
            asm.ucomisd(x, x);
        } else {
            asm.ucomiss(x, x);
        }
        asm.jcc(Cond.P, nan);
        asm.movq(RAX, x);
        if (fromDouble) {
            asm.test(RAX, RAX);
        } else {
            asm.test(EAX, EAX);
        }
        asm.jcc(Cond.S, done);
        asm.mov(RCX, Imm.of(toLong ? Long.MAX_VALUE : Integer.MAX_VALUE));
        asm.jmp(done);
        asm.bind(nan);
        asm.xor(ECX, ECX);
        asm.bind(done);
        if (!toLong) {
            asm.movsxd(RCX, ECX);
        }
    }

    /** fcmp/dcmp of {@code a} and {@code b} into rax: -1, 0, 1, and {@code nanResult} if either is NaN (JVMS §6.5). */
    public static void compare(Assembler asm, Xmm a, Operand b, boolean isDouble, int nanResult) {
        Label unordered = asm.newLabel();
        Label done = asm.newLabel();
        asm.xor(EAX, EAX);
        asm.xor(ECX, ECX);
        if (isDouble) {
            asm.ucomisd(a, b);
        } else {
            asm.ucomiss(a, b);
        }
        asm.jcc(Cond.P, unordered);
        asm.setcc(Cond.A, Reg.AL);
        asm.setcc(Cond.B, CL);
        asm.sub(EAX, ECX);
        asm.jmp(done);
        asm.bind(unordered);
        asm.mov(EAX, Imm.of(nanResult));
        asm.bind(done);
        asm.movsxd(RAX, EAX);
    }

    /**
     * Allocates {@code bytes} of frame below rsp, zeroed. The collector is conservative over stack words (docs/abi.md
     * "Objects"), and a slot read by the collector before the method writes it would otherwise hold whatever an
     * earlier, deeper call left there: a reference that is long dead would keep its object, and every object it
     * reaches, alive (a soft reference would then survive to an OutOfMemoryError). Up to eight slots: one
     * {@code push 0} each (two bytes); more: {@code rep stosq}, which clobbers rax, rcx and rdi, free at a prologue.
     */
    public static void allocateZeroedFrame(Assembler asm, int bytes) {
        int slots = bytes / 8;
        if (slots <= 8) {
            for (int i = 0; i < slots; i++) {
                asm.push(Imm.of(0));
            }
            return;
        }
        asm.sub(RSP, Imm.of(bytes));
        asm.xor(EAX, EAX);
        asm.mov(ECX, Imm.of(slots));
        asm.mov(RDI, RSP);
        asm.cld();
        asm.repStosq();
    }

    /** The element descriptor of {@code newarray}'s type code (JVMS §6.5 newarray, Table 6.5.newarray-A). */
    public static String primitiveArrayElement(int atype) {
        return switch (atype) {
            case Opcodes.T_BOOLEAN -> "Z";
            case Opcodes.T_CHAR -> "C";
            case Opcodes.T_FLOAT -> "F";
            case Opcodes.T_DOUBLE -> "D";
            case Opcodes.T_BYTE -> "B";
            case Opcodes.T_SHORT -> "S";
            case Opcodes.T_INT -> "I";
            default -> "J";
        };
    }
}
