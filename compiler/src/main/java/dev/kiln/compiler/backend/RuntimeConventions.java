package dev.kiln.compiler.backend;

import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;

/**
 * What every backend's code does the same way for the runtime, in one place: the prologue's stack check (which is
 * also how a tasklet is preempted, docs/abi.md "Stack limit", "Preemption") and the throw of a LinkageError for a
 * reference that does not link (docs/abi.md "Linkage errors"). The baseline, the optimizing tier (through
 * {@code Host.emitStackCheck}) and the class-initialization routines call these; none has a copy.
 */
final class RuntimeConventions {
    private RuntimeConventions() {
    }

    /**
     * Bytes a frame may use beyond its locals and operand stack: the return address and saved rbp of the
     * next callee (pushed before that callee's own check) and the extra arguments of a runtime call
     * (an interface call's cold path pushes a copy of the receiver and the interface).
     */
    static final int CALL_SLACK = 64;

    /**
     * The prologue's stack check (docs/abi.md "Stack limit"), right after {@code push rbp; mov rbp, rsp} and
     * before the frame is allocated: if the frame's whole need would cross the limit, call the grower and
     * look again (a frame may need more than one doubling). The grower returns on a bigger stack, with rbp
     * relocated, or throws StackOverflowError.
     * <pre>
     * check: lea rax, [rsp - need]
     *        cmp rax, [kiln_stack_limit]
     *        jae ok
     *        call Stacks.growFromPrologue
     *        jmp check
     * ok:
     * </pre>
     * {@code rax} is free at a method's entry: arguments are on the stack (docs/abi.md "Values and frames").
     */
    static void emitStackCheck(Assembler asm, long frameBytes, String grower) {
        emitStackCheck(asm, frameBytes, grower, () -> { }, () -> { });
    }

    /**
     * The check with code around the grower's call in its slow path: the optimizing tier's register entries keep
     * their argument registers and callee-saved registers there (dev.kiln.compiler.opt.RegisterConvention).
     */
    static void emitStackCheck(Assembler asm, long frameBytes, String grower, Runnable saveAroundGrower,
                               Runnable restoreAfterGrower) {
        Label check = asm.newLabel();
        Label ok = asm.newLabel();
        asm.bind(check);
        asm.lea(RAX, Mem.of(64, RSP, (int) -(frameBytes + CALL_SLACK)));
        asm.cmp(RAX, Mem.symbol(64, Symbols.STACK_LIMIT, 0));
        asm.jcc(Cond.AE, ok);
        saveAroundGrower.run();
        asm.call(grower);
        restoreAfterGrower.run();
        asm.jmp(check);
        asm.bind(ok);
    }

    /** {@code Support.throwLinkageError(kind, message)}: a call that never returns. */
    static void emitLinkageErrorThrow(Assembler asm, Program program, Linkage.Failure failure) {
        asm.push(Imm.of(failure.kind().ordinal()));
        asm.lea(RAX, Mem.symbol(0, program.stringLiteral(failure.message()), 0));
        asm.push(RAX);
        asm.call(program.runtime(KernelAbi.LINKAGE_ERROR_THROWER[0], KernelAbi.LINKAGE_ERROR_THROWER[1]));
    }
}
