package dev.kiln.compiler.opt;

import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * The register calling convention between optimized methods (docs/abi.md "Register calls between optimized
 * methods"), and the adapter that lets every other caller keep the baseline's.
 *
 * <h2>The convention</h2>
 * Arguments in order, receiver first: the first six of int, long or reference type in rdi, rsi, rdx, rcx, r8, r9,
 * the first eight doubles in xmm0-xmm7 (the System V order, psABI §3.2.3). A method with more than fits has no
 * register entry: every call of it stays on the baseline's contract. The result comes back in rax, a double's raw
 * bits too, as in the baseline's contract: so one body answers both kinds of caller and needs no return adapter.
 * rbx, r12, r13, r14 and r15 are callee-saved (the callee pushes those it writes in its prologue, and all five if it
 * makes any call that clobbers them, below); every other register, and every XMM register, is clobbered.
 *
 * <h2>Two entries, one body</h2>
 * An optimized method whose arguments fit has two entry points. The register entry, {@link #adapterBytes} past the
 * method's symbol, is the body and the start of the method's code range in the method table: its first instruction is {@code push rbp}, as
 * every method's is (a fault there counts as the caller's, docs/abi.md "Faults"). The method's ordinary symbol, which
 * the vtable, the itables, reflection and every baseline caller use, is the adapter just in front of it, outside the
 * range: it loads the arguments from where a baseline caller pushed them into their registers and falls through
 * into the body, which returns straight to the baseline caller (that caller pops its arguments, as always). So a
 * call from baseline code costs a few loads more than before, and no frame: no return address ever points into an
 * adapter, and traces, unwinding and stack growth see one frame per method as before.
 *
 * <h2>Which calls use it</h2>
 * Only direct calls (static, private, final, constructors, and calls class-hierarchy analysis made direct) of a
 * method the tier has already compiled with a register entry: the tier knows that only of methods compiled before
 * the caller (or of the method itself: recursion), so the compiler emits methods callees first
 * ({@code CodeGeneration}); a call of a method compiled later, by the baseline, or through a vtable or itable keeps
 * the baseline's contract and is, for the caller, a call that clobbers every register.
 * <i>Rejected</i>: a register entry in every vtable and itable slot (every method, baseline ones too through a
 * reverse adapter). A reverse adapter needs a frame of its own to restore the callee-saved registers after the
 * baseline body returns, and that frame would show in traces and in the unwinder's walk unless both learned to
 * skip it; virtual calls that matter are mostly devirtualized by class-hierarchy analysis already.
 *
 * <h2>The collector and the callee-saved registers</h2>
 * The collector is conservative over stack words and never looks at registers. The invariant: whenever code that
 * may collect, switch tasklets or move the stack runs (baseline code, the runtime, the stack grower), every value of
 * every optimized frame is in a stack word. A method that makes any call clobbering registers (a baseline-contract
 * call, an allocation's or a class initialization's slow path, a loop poll) therefore pushes all five callee-saved
 * registers in its prologue, so the values its register callers keep there are on its stack, and keeps its own
 * values live across such a call on the stack as before (spilled, or pushed around the call). A method that makes
 * only register calls pushes only the callee-saved registers it writes: until something clobbers them, its
 * callers' values stay in the others, and whatever it calls follows the same rule. The prologue's stack check is a
 * clobbering call too: its slow path pushes the argument registers and the callee-saved registers the prologue has
 * not pushed yet around the grower. Calls that never return (throws) need nothing: the frames whose values they
 * would clobber are unwound, and an exception handler in an optimized frame reads its values from stack slots.
 */
final class RegisterConvention {
    static final Reg[] GENERAL_ARGUMENTS = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.R8, Reg.R9};
    static final Xmm[] FLOATING_ARGUMENTS = {Xmm.XMM0, Xmm.XMM1, Xmm.XMM2, Xmm.XMM3, Xmm.XMM4, Xmm.XMM5, Xmm.XMM6,
            Xmm.XMM7};
    static final List<Reg> CALLEE_SAVED = List.of(Reg.RBX, Reg.R12, Reg.R13, Reg.R14, Reg.R15);

    /** The register entries of the methods compiled so far: ordinary symbol to the argument registers. */
    private final Map<String, Object[]> entries = new HashMap<>();

    /**
     * How far the register entry of a method with argument registers {@code registers} lies past its symbol: the
     * adapter's length. The entry has no symbol of its own (callers call the method's symbol plus this), so the
     * ELF's symbol table, which the image carries, does not grow by a name per method.
     */
    static int adapterBytes(Object[] registers) {
        Assembler scratch = new Assembler(Mode.BITS64);
        emitAdapter(scratch, "adapter", registers);
        return scratch.offset();
    }

    /**
     * The register of each argument (receiver first; a {@link Reg} or an {@link Xmm}), or null when they do not all
     * fit: the method then has no register entry.
     */
    static Object[] argumentRegisters(String descriptor, boolean isStatic) {
        Type[] types = Type.getArgumentTypes(descriptor);
        Object[] registers = new Object[types.length + (isStatic ? 0 : 1)];
        int general = 0;
        int floating = 0;
        int i = 0;
        if (!isStatic) {
            registers[i++] = GENERAL_ARGUMENTS[general++];
        }
        for (Type t : types) {
            boolean isFloating = t.getSort() == Type.DOUBLE || t.getSort() == Type.FLOAT;
            if (isFloating ? floating == FLOATING_ARGUMENTS.length : general == GENERAL_ARGUMENTS.length) {
                return null;
            }
            registers[i++] = isFloating ? FLOATING_ARGUMENTS[floating++] : GENERAL_ARGUMENTS[general++];
        }
        return registers;
    }

    static boolean isCalleeSaved(Reg r) {
        return CALLEE_SAVED.contains(r);
    }

    /** Records that the method under {@code symbol} has a register entry taking its arguments in {@code registers}. */
    void add(String symbol, Object[] registers) {
        entries.put(symbol, registers);
    }

    /** Forgets the register entry of a method the tier declined after all. */
    void remove(String symbol) {
        entries.remove(symbol);
    }

    /** The argument registers of a call node's target if the call goes to a register entry, else null. */
    Object[] registersOf(Node call) {
        if (call.op != Node.Op.CALL || !(call.target instanceof Host.Call c) || c.kind() != Host.Call.Kind.DIRECT) {
            return null;
        }
        return entries.get(c.symbol());
    }

    /**
     * The baseline-to-register adapter under the method's ordinary {@code symbol}: loads each argument from where a
     * baseline caller pushed it ({@code [rsp + 8 + 8*(n-1-i)]}, above the return address) into its register. The
     * register entry must follow it directly: the adapter falls through into it, and the symbol stays open over
     * the body (the code generator ends it after the method).
     */
    static void emitAdapter(Assembler asm, String symbol, Object[] registers) {
        asm.symbol(symbol);
        int n = registers.length;
        for (int i = 0; i < n; i++) {
            Mem slot = Mem.of(64, RSP, 8 + 8 * (n - 1 - i));
            if (registers[i] instanceof Xmm x) {
                asm.movsd(x, slot);
            } else {
                asm.mov((Reg) registers[i], slot);
            }
        }
    }
}
