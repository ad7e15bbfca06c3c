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
import dev.kiln.compiler.asm.Mem;
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

    /** docs/abi.md "Objects": an array's int length, and its first element. */
    private static final int ARRAY_LENGTH_OFFSET = 16;
    private static final int ARRAY_ELEMENTS_OFFSET = 24;

    /** The symbols of the heap's static words that {@link #bumpAllocate} reads and writes. */
    public record HeapWords(String next, String limit, String start, String startBits) {
    }

    /**
     * {@code new} without a call (docs/abi.md "Allocation"): takes {@code bytes} from the heap's bump range, sets the
     * object's start bit and writes its Class pointer, leaving the object in rax; when the bump range is too small,
     * jumps to {@code slowPath} having changed nothing (the caller then calls {@code Support.newInstance}). The bump
     * range is zeroed already (kiln.kernel.memory.Heap, "Zeroing a step at a time"), so nothing else is written. No
     * call and no safepoint from the first write to the header: the collector never sees a start bit without its
     * object's header. Clobbers rcx and rdx.
     * <pre>
     * start bit of address a: bit (a / 8) mod 64 of the word at startBits + (a - start) / 512 * 8  (start: 512-aligned)
     * </pre>
     */
    public static void bumpAllocate(Assembler asm, HeapWords heap, int bytes, String classObject, Label slowPath) {
        asm.mov(RAX, Mem.symbol(64, heap.next(), 0));
        asm.lea(RDX, Mem.of(64, RAX, bytes));
        asm.cmp(RDX, Mem.symbol(64, heap.limit(), 0));
        asm.jcc(Cond.A, slowPath);
        asm.mov(Mem.symbol(64, heap.next(), 0), RDX);
        startBitAndHeader(asm, heap, classObject);
    }

    /**
     * {@code newarray}/{@code anewarray} without a call, as {@link #bumpAllocate}: the length in ecx; a negative one,
     * or an array larger than the bump range, jumps to {@code slowPath} with ecx unchanged (the caller then calls
     * {@code Support.newArray}, which throws or refills). The size is {@code 24 + length * elementSize} rounded up to 8
     * (docs/abi.md "Objects"); {@code next} is 8-aligned, so rounding the end rounds the size. The length is written
     * before the start bit. Clobbers rcx and rdx.
     */
    public static void bumpAllocateArray(Assembler asm, HeapWords heap, int elementSize, String classObject,
                                         Label slowPath) {
        asm.test(ECX, ECX);
        asm.jcc(Cond.S, slowPath);
        asm.mov(ECX, ECX); // zero-extends the length into rcx
        asm.mov(RAX, Mem.symbol(64, heap.next(), 0));
        asm.lea(RDX, Mem.of(64, RAX, RCX, elementSize, ARRAY_ELEMENTS_OFFSET + 7));
        asm.and(RDX, Imm.of(-8));
        asm.cmp(RDX, Mem.symbol(64, heap.limit(), 0));
        asm.jcc(Cond.A, slowPath);
        asm.mov(Mem.symbol(64, heap.next(), 0), RDX);
        asm.mov(Mem.of(32, RAX, ARRAY_LENGTH_OFFSET), ECX);
        startBitAndHeader(asm, heap, classObject);
    }

    /** The new object at rax: its start bit, then its Class pointer (docs/abi.md "Allocation"). */
    private static void startBitAndHeader(Assembler asm, HeapWords heap, String classObject) {
        asm.mov(RCX, RAX);
        asm.shr(RCX, Imm.of(3));
        asm.mov(EDX, Imm.of(1));
        asm.shl(RDX, CL); // a shift count is taken mod 64 (Intel SDM Vol. 2B, SAL/SAR/SHL/SHR)
        asm.mov(RCX, RAX);
        asm.sub(RCX, Mem.symbol(64, heap.start(), 0));
        asm.shr(RCX, Imm.of(9));
        asm.shl(RCX, Imm.of(3));
        asm.add(RCX, Mem.symbol(64, heap.startBits(), 0));
        asm.or(Mem.of(64, RCX, 0), RDX);
        asm.lea(RDX, Mem.symbol(0, classObject, 0));
        asm.mov(Mem.of(64, RAX, 0), RDX); // docs/abi.md "Objects": +0 the Class pointer
    }

    /** The symbol of the stub that every compiled {@code System.arraycopy} call goes to, in both tiers. */
    public static final String ARRAY_COPY_STUB = "kiln_arraycopy";

    /**
     * The stub for {@code System.arraycopy}, emitted once per program in front of the method and called, by both
     * tiers, instead of it with the method's own arguments: when both arrays are of the same class (so every element
     * fits the target, references included) and the indices are in range, one {@code rep movsb} (fast-string
     * operation, SDM Vol. 1 §7.3.9.3) and {@code ret}; anything else jumps to the method itself, which throws or copies
     * as the JVM specifies it (a null, a mismatch, an index out of range, a copy within one array to a higher index,
     * which must run top down) and returns to the stub's caller. So the stub has no frame and never appears in a trace:
     * it cannot fault, and it reaches no safepoint. The callers treat it as a call (every register clobbered, which
     * the baseline's calling convention assumes of any call). {@code elementSizeOffset}: where a Class object holds
     * its {@code elementSize} (docs/abi.md "Class objects"; 0 for a class that is not an array).
     * <pre>
     * [rsp+40] src  [rsp+32] srcPos  [rsp+24] dest  [rsp+16] destPos  [rsp+8] length  [rsp] return address
     * </pre>
     * <i>Rejected</i>: the same sequence inline at every call site: about 170 bytes each, and the image grows where
     * the copy is not hot; the checks in {@code System.arraycopy}'s Java body (a baseline caller paid a frame, calls
     * to {@code Class.isArray}, {@code getComponentType}, {@code isPrimitive}, {@code elementSize} and two more for
     * the copy: 16 % of bench WordFrequency went to a short copy's checks and calls).
     */
    public static void arrayCopyStub(Assembler asm, int elementSizeOffset, String arrayCopyMethod) {
        Label slow = asm.newLabel();
        Label copy = asm.newLabel();
        asm.symbol(ARRAY_COPY_STUB);
        asm.mov(RAX, Mem.of(64, RSP, 40));
        asm.mov(RDX, Mem.of(64, RSP, 24));
        asm.test(RAX, RAX);
        asm.jcc(Cond.E, slow);
        asm.test(RDX, RDX);
        asm.jcc(Cond.E, slow);
        asm.mov(RCX, Mem.of(64, RAX, 0));
        asm.cmp(RCX, Mem.of(64, RDX, 0));
        asm.jcc(Cond.NE, slow);
        asm.mov(Reg.R8D, Mem.of(32, RCX, elementSizeOffset)); // 0: not an array
        asm.test(Reg.R8D, Reg.R8D);
        asm.jcc(Cond.E, slow);
        asm.mov(Reg.ESI, Mem.of(32, RSP, 32));
        asm.mov(Reg.EDI, Mem.of(32, RSP, 16));
        asm.mov(ECX, Mem.of(32, RSP, 8));
        asm.mov(Reg.R9D, Reg.ESI);
        asm.or(Reg.R9D, Reg.EDI);
        asm.or(Reg.R9D, ECX);
        asm.jcc(Cond.S, slow); // a negative index or length
        asm.lea(Reg.R9, Mem.of(64, Reg.RSI, RCX, 1, 0));
        asm.mov(Reg.R10D, Mem.of(32, RAX, ARRAY_LENGTH_OFFSET));
        asm.cmp(Reg.R9, Reg.R10);
        asm.jcc(Cond.A, slow);
        asm.lea(Reg.R9, Mem.of(64, Reg.RDI, RCX, 1, 0));
        asm.mov(Reg.R10D, Mem.of(32, RDX, ARRAY_LENGTH_OFFSET));
        asm.cmp(Reg.R9, Reg.R10);
        asm.jcc(Cond.A, slow);
        asm.cmp(RAX, RDX);
        asm.jcc(Cond.NE, copy);
        asm.cmp(Reg.ESI, Reg.EDI);
        asm.jcc(Cond.B, slow);
        asm.bind(copy);
        asm.imul(Reg.RSI, Reg.R8);
        asm.lea(Reg.RSI, Mem.of(64, RAX, Reg.RSI, 1, ARRAY_ELEMENTS_OFFSET));
        asm.imul(Reg.RDI, Reg.R8);
        asm.lea(Reg.RDI, Mem.of(64, RDX, Reg.RDI, 1, ARRAY_ELEMENTS_OFFSET));
        asm.imul(RCX, Reg.R8);
        asm.repMovsb();
        asm.ret();
        asm.bind(slow);
        asm.jmp(arrayCopyMethod);
        asm.endSymbol();
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
