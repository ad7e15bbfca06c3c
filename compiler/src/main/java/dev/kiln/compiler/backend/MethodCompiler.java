package dev.kiln.compiler.backend;

import static dev.kiln.compiler.asm.Reg.CL;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.ESI;
import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RBP;
import static dev.kiln.compiler.asm.Reg.RCX;
import static dev.kiln.compiler.asm.Reg.RDI;
import static dev.kiln.compiler.asm.Reg.RDX;
import static dev.kiln.compiler.asm.Reg.RSI;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.analysis.CallLinking;
import dev.kiln.compiler.analysis.Diagnostics;
import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.ControlReg;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Operand;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.SegReg;
import dev.kiln.compiler.asm.Xmm;
import dev.kiln.compiler.opt.JvmSequences;
import dev.kiln.compiler.opt.TypeTableCode;
import dev.kiln.compiler.stackmaps.BaselineStackMaps;
import dev.kiln.compiler.stackmaps.StackMap;
import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.UnsafeOffsets;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.util.Printer;

/**
 * The baseline tier: one bytecode at a time to x86-64, with the JVM operand stack on the machine stack and
 * locals in the frame (docs/abi.md "Values and frames"). Nothing stays in a register from one bytecode to the
 * next, so every instruction is a small template and correctness is easy to see; the optimizing tier will
 * replace this for hot code.
 */
public final class MethodCompiler {
    /** A compiled method: where its code is and where its exception handlers are (offsets in the text section). */
    record Compiled(ClassInfo.Method method, int start, int end, int localsBytes, List<Handler> handlers,
                    List<LineStart> lines, StackMaps stackMaps) {
        /** The same code placed {@code base} bytes further on (its fragment appended to the text section). */
        Compiled rebased(int base) {
            List<Handler> moved = handlers.stream()
                    .map(h -> new Handler(h.start() + base, h.end() + base, h.handler() + base, h.catchType())).toList();
            return new Compiled(method, start + base, end + base, localsBytes, moved, lines, stackMaps);
        }
    }

    /**
     * A method's stack maps (docs/abi.md "Stack maps"), return offsets from its first byte; null for a method
     * without maps, whose frames the collector scans conservatively.
     */
    public record StackMaps(int argumentSlots, int undescribedLocals, List<StackMap> safepoints) {
    }

    /** From {@code offset} (bytes from the method's start) on, the code belongs to source line {@code line}. */
    public record LineStart(int offset, int line) {
    }

    /** One exception-table row in machine-code offsets; catchType null = any. */
    public record Handler(int start, int end, int handler, ClassInfo catchType) {
    }

    /** The unmapped page at address 0 (kiln.kernel.memory.PageTables): accesses below this fault on null. */
    private static final long NULL_PAGE_SIZE = 4096;

    private final Program program;
    private final Diagnostics diagnostics;
    private final Devirtualizations devirtualizations;
    private final Assembler asm;
    /** Null dereferences and division by zero fault into exceptions (docs/abi.md "Faults"); not in kernel code. */
    private final boolean implicitNullChecks;
    private final ClassInfo.Method method;
    private final MethodNode node;
    private final Map<LabelNode, Label> labels = new HashMap<>();
    private final Map<LabelNode, Integer> labelOffsets = new HashMap<>();
    private final Set<LabelNode> handlerEntries = new HashSet<>();
    private final int[] argumentSlotOfLocal;
    private final int argumentCount;
    private final int argumentLocals;
    private List<Integer> bytecodeOffsets;
    private int instructionIndex;
    /** The LinkageError of the instruction being compiled, if its reference does not link; it ends in a throw. */
    private Linkage.Failure linkageFailure;
    /** The stack maps of the calls {@link #compile} has emitted so far. */
    private BaselineStackMaps stackMaps;

    MethodCompiler(Program program, Diagnostics diagnostics, Devirtualizations devirtualizations, Assembler asm,
                   ClassInfo.Method method) {
        this.program = program;
        this.diagnostics = diagnostics;
        this.devirtualizations = devirtualizations;
        this.asm = asm;
        this.method = method;
        this.node = method.node();
        this.implicitNullChecks = !KernelAbi.inKernelPackage(method.owner().name);
        Type[] args = Type.getArgumentTypes(node.desc);
        int locals = method.isStatic() ? 0 : 1;
        for (Type t : args) {
            locals += t.getSize();
        }
        argumentLocals = locals;
        argumentSlotOfLocal = new int[locals];
        int slot = 0;
        int local = 0;
        if (!method.isStatic()) {
            argumentSlotOfLocal[local++] = slot++;
        }
        for (Type t : args) {
            argumentSlotOfLocal[local] = slot++;
            local += t.getSize();
        }
        argumentCount = slot;
    }

    Compiled compile() {
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new BasicInterpreter()).analyze(method.owner().name, node);
        } catch (AnalyzerException e) {
            diagnostics.problem(method, -1, "the bytecode does not verify: " + e.getMessage()
                    + "; recompile the class with a standard Java compiler");
            return null;
        }
        for (TryCatchBlockNode tcb : node.tryCatchBlocks) {
            handlerEntries.add(tcb.handler);
        }
        int localsBytes = 8 * Math.max(0, node.maxLocals - argumentLocals);
        int start = asm.offset();
        stackMaps = new BaselineStackMaps(argumentLocals, argumentSlotOfLocal, argumentCount, localsBytes / 8, start,
                asm.callReturnOffsets().size());
        asm.symbol(Symbols.method(method));
        asm.push(RBP);
        asm.mov(RBP, RSP);
        if (!Program.runsBelowStackLimit(method)) {
            RuntimeConventions.emitStackCheck(asm, localsBytes + 8L * node.maxStack, program.stackGrower());
        }
        JvmSequences.allocateZeroedFrame(asm, localsBytes);
        stackMaps.record(asm.callReturnOffsets(), frames[0], 0, false);
        int synchronizedFrom = -1;
        if (isSynchronized()) {
            pushMonitorObject();
            callRuntime("monitorEnter", "(Ljava/lang/Object;)V", 1);
            stackMaps.record(asm.callReturnOffsets(), frames[0], 0, true);
            synchronizedFrom = asm.offset();
        }
        Set<LabelNode> loopHeaders = Program.runsBelowStackLimit(method) ? Set.of() : loopHeaders();
        int index = 0;
        List<LineStart> lines = new ArrayList<>();
        for (AbstractInsnNode insn = node.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof LineNumberNode line) {
                lines.add(new LineStart(asm.offset() - start, line.line));
            } else if (insn instanceof LabelNode label) {
                flush(); // a jump may arrive here: the value must really be on the stack
                asm.bind(label(label));
                labelOffsets.put(label, asm.offset());
                if (handlerEntries.contains(label) && frames[node.instructions.indexOf(label)] != null) {
                    asm.push(RAX); // the exception, delivered in rax (docs/abi.md)
                }
                if (loopHeaders.contains(label)) {
                    emitPreemptionPoll(); // after the exception is safe on the stack: the call clobbers rax
                    Frame<BasicValue> frame = frames[node.instructions.indexOf(label)];
                    if (frame != null) {
                        stackMaps.record(asm.callReturnOffsets(), frame, frame.getStackSize(), true);
                    } else {
                        stackMaps.skip(asm.callReturnOffsets());
                    }
                }
            } else if (insn.getOpcode() >= 0) {
                Frame<BasicValue> frame = frames[node.instructions.indexOf(insn)];
                instructionIndex = index;
                if (frame != null) {
                    emit(insn, frame);
                    throwIfUnlinked();
                    stackMaps.record(asm.callReturnOffsets(), frame,
                            BaselineStackMaps.untouchedStackEntries(insn, frame), true);
                }
                index++;
            }
        }
        flush();
        int synchronizedTo = asm.offset();
        int unlockingHandler = synchronizedFrom >= 0 ? emitUnlockingHandler() : -1;
        asm.endSymbol();
        int end = asm.offset();
        List<Handler> handlers = new ArrayList<>();
        for (TryCatchBlockNode tcb : node.tryCatchBlocks) {
            ClassInfo type = tcb.type == null ? null : program.classObject(tcb.type); // linked: the class exists
            int from = labelOffsets.get(tcb.start);
            int to = labelOffsets.get(tcb.end);
            if (from < to && frames[node.instructions.indexOf(tcb.handler)] != null) {
                handlers.add(new Handler(from, to, labelOffsets.get(tcb.handler), type));
            }
        }
        if (synchronizedFrom >= 0) {
            handlers.add(new Handler(synchronizedFrom, synchronizedTo, unlockingHandler, null)); // last: covers all
        }
        return new Compiled(method, start, end, localsBytes, handlers, lines,
                KernelAbi.inKernelPackage(method.owner().name) ? null
                        : new StackMaps(stackMaps.argumentSlots(), 0, stackMaps.maps()));
    }

    // ---- synchronized methods (JVMS §2.11.10) ----------------------------------------------------------------

    private boolean isSynchronized() {
        return (node.access & Opcodes.ACC_SYNCHRONIZED) != 0;
    }

    /** The monitor of a synchronized method: {@code this}, or the class object of a static method. */
    private void pushMonitorObject() {
        if (method.isStatic()) {
            asm.lea(RAX, Mem.symbol(0, Symbols.classObject(method.owner()), 0));
            asm.push(RAX);
        } else {
            asm.push(local(0));
        }
    }

    private void unlockMonitor() {
        pushMonitorObject();
        callRuntime("monitorExit", "(Ljava/lang/Object;)V", 1);
    }

    /**
     * The handler that covers a synchronized method's whole body, after its own handlers: an exception that
     * leaves the method releases the monitor on the way out (JVMS §2.11.10), as javac's catch-any handler does for
     * a synchronized block. Returns its offset.
     */
    private int emitUnlockingHandler() {
        int handler = asm.offset();
        asm.push(RAX); // the exception (docs/abi.md "Values and frames"), kept while the monitor is released
        unlockMonitor();
        callRuntime("throwException", "(Ljava/lang/Throwable;)V", 1);
        return handler;
    }

    /** Labels that a jump or switch reaches from further down: the heads of loops. */
    private Set<LabelNode> loopHeaders() {
        Set<LabelNode> headers = new HashSet<>();
        for (AbstractInsnNode insn = node.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            List<LabelNode> targets = insn instanceof JumpInsnNode jump ? List.of(jump.label)
                    : insn instanceof TableSwitchInsnNode table ? concat(table.labels, table.dflt)
                    : insn instanceof LookupSwitchInsnNode lookup ? concat(lookup.labels, lookup.dflt)
                    : List.of();
            int from = node.instructions.indexOf(insn);
            for (LabelNode target : targets) {
                if (node.instructions.indexOf(target) < from) {
                    headers.add(target);
                }
            }
        }
        return headers;
    }

    private static List<LabelNode> concat(List<LabelNode> labels, LabelNode last) {
        List<LabelNode> all = new ArrayList<>(labels);
        all.add(last);
        return all;
    }

    /**
     * At a loop's head, so that a loop without calls can be preempted too (docs/abi.md "Preemption"): the timer
     * poisons the stack limit, and this finds rsp below it exactly as a prologue would.
     * <pre>
     *        cmp rsp, [kiln_stack_limit]
     *        jae go_on
     *        call Stacks.growFromPrologue     ; takes the poison away, maybe lets another tasklet run
     * go_on:
     * </pre>
     * Every value is in memory at a label (it was flushed), so the call disturbs nothing.
     */
    private void emitPreemptionPoll() {
        Label goOn = asm.newLabel();
        asm.cmp(RSP, Mem.symbol(64, Symbols.STACK_LIMIT, 0));
        asm.jcc(Cond.AE, goOn);
        asm.call(program.stackGrower());
        asm.bind(goOn);
    }

    private Label label(LabelNode node) {
        return labels.computeIfAbsent(node, n -> asm.newLabel());
    }

    /** The bytecode offset of the instruction being compiled, for error messages; -1 when unknown. */
    int bytecodeOffset() {
        if (bytecodeOffsets == null) {
            bytecodeOffsets = BytecodeOffsets.of(program.world().classBytes(method.owner().name), node.name, node.desc);
        }
        return instructionIndex < bytecodeOffsets.size() ? bytecodeOffsets.get(instructionIndex) : -1;
    }

    /**
     * An instruction whose reference did not link ends in a call that throws the LinkageError (docs/abi.md
     * "Linkage errors"); the call never returns, so what the instruction would have pushed is never needed.
     */
    private void throwIfUnlinked() {
        Linkage.Failure failure = linkageFailure;
        linkageFailure = null;
        if (failure != null) {
            flush();
            RuntimeConventions.emitLinkageErrorThrow(asm, program, failure);
        }
    }

    /**
     * A method of a class whose linking fails: its body only throws the error. It cannot run in a correct
     * program (the class's initialization routine throws first, and no instance can exist), but its symbol is
     * referenced, and should the analysis be wrong the JVM's error is still what happens.
     */
    Compiled compileThrowing(Linkage.Failure failure) {
        int start = asm.offset();
        asm.symbol(Symbols.method(method));
        asm.push(RBP);
        asm.mov(RBP, RSP);
        RuntimeConventions.emitStackCheck(asm, 16, program.stackGrower());
        RuntimeConventions.emitLinkageErrorThrow(asm, program, failure);
        asm.endSymbol();
        return new Compiled(method, start, asm.offset(), 0, List.of(), List.of(), null);
    }

    private void unsupported(AbstractInsnNode insn, String why) {
        diagnostics.problem(method, bytecodeOffset(), "unsupported opcode " + Printer.OPCODES[insn.getOpcode()] + ": " + why);
    }

    // ---- operand stack and locals --------------------------------------------------------------------------

    private Mem local(int index) {
        return local(index, 64);
    }

    private Mem local(int index, int bits) {
        if (index < argumentLocals) {
            return Mem.of(bits, RBP, 16 + 8 * (argumentCount - 1 - argumentSlotOfLocal[index]));
        }
        return Mem.of(bits, RBP, -8 * (index - argumentLocals + 1));
    }

    private static Mem stackSlot(int depth) {
        return Mem.of(64, RSP, 8 * depth);
    }

    /** How many values from the top of the stack (skipping {@code skipValues}) make up {@code words} JVM words. */
    private static int valuesForWords(Frame<BasicValue> frame, int skipValues, int words) {
        int values = 0;
        int top = frame.getStackSize() - 1 - skipValues;
        while (words > 0) {
            words -= frame.getStack(top - values).getSize();
            values++;
        }
        return values;
    }

    /** Copies the top {@code copy} slots and inserts the copies below the {@code below} slots under them. */
    private void duplicate(int copy, int below) {
        Reg[] regs = {RAX, RCX, RDX, RSI, RDI};
        int n = copy + below;
        for (int i = 0; i < n; i++) {
            popTop(regs[i]);
        }
        for (int i = copy - 1; i >= 0; i--) {
            asm.push(regs[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            asm.push(regs[i]);
        }
    }

    private void pushConstant(long value) {
        if (value == (int) value) {
            pushResult(Imm.of(value));
        } else {
            asm.mov(RAX, Imm.of(value));
            pushResult(RAX);
        }
    }

    // ---- deferred push: the top of the operand stack between two bytecodes ------------------------------

    /**
     * The value the previous bytecode left on top of the operand stack but has not pushed yet: rax or rcx,
     * an immediate, or a local or static slot. If the next bytecode starts by popping it, the push-pop pair
     * becomes one mov (or nothing); otherwise it is pushed before that bytecode's code. Only a template's
     * last emission may defer, and only a template's first emission may consume, so no other instruction
     * ever runs while a value is pending.
     */
    private Operand pending;

    private void pushResult(Operand value) {
        flush();
        pending = value;
    }

    private void flush() {
        if (pending != null) {
            asm.push(pending);
            pending = null;
        }
    }

    private void popTop(Operand destination) {
        if (pending == null) {
            asm.pop(destination);
            return;
        }
        Operand value = pending;
        pending = null;
        if (value.equals(destination)) {
            return;
        }
        if (destination instanceof Mem && value instanceof Mem) {
            asm.mov(RAX, value);
            asm.mov(destination, RAX);
        } else {
            asm.mov(destination, value);
        }
    }

    /** Bytecodes whose code starts by popping the top of the stack (popTop), so a pending value may stay pending. */
    private static boolean consumesTopFirst(int op) {
        return switch (op) {
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE, Opcodes.POP,
                    Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR,
                    Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR,
                    Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM, Opcodes.INEG, Opcodes.LNEG,
                    Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR, Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR,
                    Opcodes.I2L, Opcodes.I2B, Opcodes.I2C, Opcodes.I2S, Opcodes.LCMP,
                    Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE,
                    Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE, Opcodes.IFNULL, Opcodes.IFNONNULL,
                    Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN,
                    Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.GETFIELD, Opcodes.PUTFIELD, Opcodes.ARRAYLENGTH,
                    Opcodes.ATHROW, Opcodes.INSTANCEOF, Opcodes.NEWARRAY, Opcodes.ANEWARRAY,
                    Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE,
                    Opcodes.DASTORE, Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE,
                    Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.DADD, Opcodes.DSUB,
                    Opcodes.DMUL, Opcodes.DDIV, Opcodes.FNEG, Opcodes.DNEG, Opcodes.I2F, Opcodes.I2D,
                    Opcodes.L2F, Opcodes.L2D, Opcodes.F2D, Opcodes.D2F, Opcodes.F2I, Opcodes.F2L, Opcodes.D2I,
                    Opcodes.D2L, Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> true;
            default -> false;
        };
    }

    // ---- checks --------------------------------------------------------------------------------------------

    /**
     * Before an access at {@code offset} from the reference in {@code reg}: nothing when the access itself faults
     * on null (page 0 is unmapped, and the kernel turns that #PF into a NullPointerException at this
     * instruction, kiln.kernel.cpu.Faults), an explicit check otherwise. Kernel code keeps explicit checks: a
     * fault there is a kernel bug and panics.
     */
    private void nullCheckBeforeAccess(Reg reg, long offset) {
        if (!implicitNullChecks || offset < 0 || offset >= NULL_PAGE_SIZE) {
            nullCheck(reg);
        }
    }

    private void nullCheck(Reg reg) {
        Label ok = asm.newLabel();
        asm.test(reg, reg);
        asm.jcc(Cond.NE, ok);
        asm.call(program.runtime("throwNullPointer", "()V"));
        asm.bind(ok);
    }

    /** Array in rax, index in ecx; afterwards rcx holds the index zero-extended. */
    private void boundsCheck() {
        Label ok = asm.newLabel();
        asm.cmp(ECX, Mem.of(32, RAX, ClassInfo.ARRAY_LENGTH_OFFSET));
        asm.jcc(Cond.B, ok);
        asm.push(RCX);
        asm.mov(EDX, Mem.of(32, RAX, ClassInfo.ARRAY_LENGTH_OFFSET));
        asm.push(RDX);
        asm.call(program.runtime("throwArrayIndexOutOfBounds", "(II)V"));
        asm.bind(ok);
        asm.mov(ECX, ECX);
    }

    private void initCheck(ClassInfo c) {
        if (!program.needsInitCheck(method, c)) {
            return;
        }
        Label done = asm.newLabel();
        asm.cmp(Mem.symbol(64, Symbols.classInitState(c), 0), Imm.of(0));
        asm.jcc(Cond.NE, done);
        asm.call(program.classInitRoutine(c));
        asm.bind(done);
    }

    /**
     * Whether {@code insn} calls {@code Object.<init>()} and the kernel template's is empty (only a return): then
     * the call is left out, as the optimizing tier inlines it; every {@code new} ends its constructor chain there.
     */
    private static boolean isEmptyObjectConstructor(ClassInfo owner, MethodInsnNode insn) {
        if (!owner.name.equals(World.OBJECT) || !insn.name.equals("<init>") || !insn.desc.equals("()V")) {
            return false;
        }
        ClassInfo.Method constructor = owner.declaredMethod("<init>", "()V");
        if (constructor == null) {
            return false;
        }
        int instructions = 0;
        for (AbstractInsnNode i : constructor.node().instructions) {
            if (i.getOpcode() >= 0 && (++instructions > 1 || i.getOpcode() != Opcodes.RETURN)) {
                return false;
            }
        }
        return true;
    }

    /** {@code new}: the bump-range fast path inline, {@code Support.newInstance} when it is too small; the object in rax. */
    private void newInstance(ClassInfo c) {
        Label slowPath = asm.newLabel();
        Label done = asm.newLabel();
        JvmSequences.bumpAllocate(asm, program.heapWords(), c.instanceSize(), Symbols.classObject(c), slowPath);
        asm.jmp(done);
        asm.bind(slowPath);
        asm.lea(RAX, Mem.symbol(0, Symbols.classObject(c), 0));
        asm.push(RAX);
        callRuntime("newInstance", "(Ljava/lang/Class;)Ljava/lang/Object;", 1);
        asm.bind(done);
    }

    private void callRuntime(String name, String desc, int argumentSlots) {
        asm.call(program.runtime(name, desc));
        if (argumentSlots > 0) {
            asm.add(RSP, Imm.of(8L * argumentSlots));
        }
    }

    // ---- instructions --------------------------------------------------------------------------------------

    private void emit(AbstractInsnNode insn, Frame<BasicValue> frame) {
        int op = insn.getOpcode();
        if (!consumesTopFirst(op)) {
            flush();
        }
        switch (op) {
            case Opcodes.NOP -> { }
            case Opcodes.ACONST_NULL -> pushResult(Imm.of(0));
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                    Opcodes.ICONST_4, Opcodes.ICONST_5 -> pushResult(Imm.of(op - Opcodes.ICONST_0));
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> pushResult(Imm.of(op - Opcodes.LCONST_0));
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 ->
                    pushConstant(Float.floatToRawIntBits(op - Opcodes.FCONST_0) & 0xffffffffL);
            case Opcodes.DCONST_0, Opcodes.DCONST_1 -> pushConstant(Double.doubleToRawLongBits(op - Opcodes.DCONST_0));
            case Opcodes.BIPUSH, Opcodes.SIPUSH -> pushResult(Imm.of(((IntInsnNode) insn).operand));
            case Opcodes.LDC -> ldc(((LdcInsnNode) insn).cst, insn);
            case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD ->
                    pushResult(local(((VarInsnNode) insn).var));
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE ->
                    popTop(local(((VarInsnNode) insn).var));
            case Opcodes.IINC -> {
                IincInsnNode iinc = (IincInsnNode) insn;
                asm.add(local(iinc.var, 32), Imm.of(iinc.incr));
            }
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD -> arrayLoad(op);
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                    Opcodes.CASTORE, Opcodes.SASTORE -> arrayStore(op);
            case Opcodes.POP -> {
                if (pending != null) {
                    pending = null; // the value was never pushed
                } else {
                    asm.add(RSP, Imm.of(8));
                }
            }
            case Opcodes.POP2 -> asm.add(RSP, Imm.of(8L * valuesForWords(frame, 0, 2)));
            case Opcodes.DUP -> duplicate(1, 0);
            case Opcodes.DUP_X1 -> duplicate(1, valuesForWords(frame, 1, 1));
            case Opcodes.DUP_X2 -> duplicate(1, valuesForWords(frame, 1, 2));
            case Opcodes.DUP2 -> duplicate(valuesForWords(frame, 0, 2), 0);
            case Opcodes.DUP2_X1 -> {
                int copy = valuesForWords(frame, 0, 2);
                duplicate(copy, valuesForWords(frame, copy, 1));
            }
            case Opcodes.DUP2_X2 -> {
                int copy = valuesForWords(frame, 0, 2);
                duplicate(copy, valuesForWords(frame, copy, 2));
            }
            case Opcodes.SWAP -> {
                popTop(RAX);
                popTop(RCX);
                asm.push(RAX);
                asm.push(RCX);
            }
            case Opcodes.IADD, Opcodes.ISUB, Opcodes.IMUL, Opcodes.IAND, Opcodes.IOR, Opcodes.IXOR -> binary(op, 32);
            case Opcodes.LADD, Opcodes.LSUB, Opcodes.LMUL, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR -> binary(op, 64);
            case Opcodes.IDIV, Opcodes.IREM -> divide(op == Opcodes.IREM, 32);
            case Opcodes.LDIV, Opcodes.LREM -> divide(op == Opcodes.LREM, 64);
            case Opcodes.INEG -> {
                popTop(RAX);
                asm.neg(EAX);
                pushResult(RAX);
            }
            case Opcodes.LNEG -> {
                popTop(RAX);
                asm.neg(RAX);
                pushResult(RAX);
            }
            case Opcodes.ISHL, Opcodes.ISHR, Opcodes.IUSHR -> shift(op, EAX);
            case Opcodes.LSHL, Opcodes.LSHR, Opcodes.LUSHR -> shift(op, RAX);
            case Opcodes.I2L -> convert(() -> asm.movsxd(RAX, EAX));
            case Opcodes.L2I -> { } // the low 32 bits are the int; ints are only ever read as 32-bit values
            case Opcodes.I2B -> convert(() -> asm.movsx(EAX, Reg.AL));
            case Opcodes.I2C -> convert(() -> asm.movzx(EAX, Reg.AX));
            case Opcodes.I2S -> convert(() -> asm.movsx(EAX, Reg.AX));
            case Opcodes.LCMP -> {
                popTop(RCX);
                popTop(RAX);
                asm.cmp(RAX, RCX);
                asm.setcc(Cond.G, Reg.AL);
                asm.setcc(Cond.L, CL);
                asm.movzx(EAX, Reg.AL);
                asm.movzx(ECX, CL);
                asm.sub(EAX, ECX);
                pushResult(RAX);
            }
            case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE -> {
                popTop(RAX);
                asm.test(EAX, EAX);
                asm.jcc(condition(op - Opcodes.IFEQ), label(((JumpInsnNode) insn).label));
            }
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE -> {
                popTop(RCX);
                popTop(RAX);
                asm.cmp(EAX, ECX);
                asm.jcc(condition(op - Opcodes.IF_ICMPEQ), label(((JumpInsnNode) insn).label));
            }
            case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                popTop(RCX);
                popTop(RAX);
                asm.cmp(RAX, RCX);
                asm.jcc(op == Opcodes.IF_ACMPEQ ? Cond.E : Cond.NE, label(((JumpInsnNode) insn).label));
            }
            case Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                popTop(RAX);
                asm.test(RAX, RAX);
                asm.jcc(op == Opcodes.IFNULL ? Cond.E : Cond.NE, label(((JumpInsnNode) insn).label));
            }
            case Opcodes.GOTO -> asm.jmp(label(((JumpInsnNode) insn).label));
            case Opcodes.TABLESWITCH -> {
                TableSwitchInsnNode sw = (TableSwitchInsnNode) insn;
                popTop(RAX);
                for (int i = 0; i < sw.labels.size(); i++) {
                    asm.cmp(EAX, Imm.of(sw.min + i));
                    asm.jcc(Cond.E, label(sw.labels.get(i)));
                }
                asm.jmp(label(sw.dflt));
            }
            case Opcodes.LOOKUPSWITCH -> {
                LookupSwitchInsnNode sw = (LookupSwitchInsnNode) insn;
                popTop(RAX);
                for (int i = 0; i < sw.keys.size(); i++) {
                    asm.cmp(EAX, Imm.of(sw.keys.get(i)));
                    asm.jcc(Cond.E, label(sw.labels.get(i)));
                }
                asm.jmp(label(sw.dflt));
            }
            case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN -> {
                popTop(RAX);
                if (isSynchronized()) {
                    asm.push(RAX);
                    unlockMonitor();
                    asm.pop(RAX);
                }
                asm.leave();
                asm.ret();
            }
            case Opcodes.RETURN -> {
                if (isSynchronized()) {
                    unlockMonitor();
                }
                asm.leave();
                asm.ret();
            }
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field((FieldInsnNode) insn);
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                    invoke((MethodInsnNode) insn);
            case Opcodes.NEW -> {
                ClassInfo c = classObject(((TypeInsnNode) insn).desc);
                if (c == null) {
                    return;
                }
                linkageFailure = Linkage.instantiation(c);
                if (linkageFailure != null) {
                    return;
                }
                initCheck(c);
                newInstance(c);
                pushResult(RAX);
            }
            case Opcodes.NEWARRAY -> newArray("[" + JvmSequences.primitiveArrayElement(((IntInsnNode) insn).operand));
            case Opcodes.ANEWARRAY -> {
                String element = ((TypeInsnNode) insn).desc;
                newArray(element.startsWith("[") ? "[" + element : "[L" + element + ";");
            }
            case Opcodes.MULTIANEWARRAY -> multiNewArray((MultiANewArrayInsnNode) insn);
            case Opcodes.ARRAYLENGTH -> {
                popTop(RAX);
                nullCheckBeforeAccess(RAX, ClassInfo.ARRAY_LENGTH_OFFSET);
                asm.mov(EAX, Mem.of(32, RAX, ClassInfo.ARRAY_LENGTH_OFFSET));
                pushResult(RAX);
            }
            case Opcodes.ATHROW -> {
                popTop(RAX);
                if (!implicitNullChecks) {
                    nullCheck(RAX);
                } // else throwException replaces null by a NullPointerException itself, with the same trace
                asm.push(RAX);
                asm.call(program.runtime("throwException", "(Ljava/lang/Throwable;)V"));
            }
            case Opcodes.CHECKCAST -> {
                ClassInfo c = classObject(((TypeInsnNode) insn).desc);
                if (c == null || c.name.equals(World.OBJECT)) {
                    return;
                }
                // null, or an object whose class has c's entry in the type table, passes without a call
                Label passed = asm.newLabel();
                asm.mov(RAX, stackSlot(0));
                asm.test(RAX, RAX);
                asm.jcc(Cond.E, passed);
                TypeTableCode.testEntry(asm, program.typeTableFields(), RAX, RCX, program.supertypeEntry(c));
                asm.jcc(Cond.E, passed);
                asm.push(RAX);
                asm.lea(RCX, Mem.symbol(0, Symbols.classObject(c), 0));
                asm.push(RCX);
                callRuntime("checkCast", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;", 2);
                asm.bind(passed);
            }
            case Opcodes.INSTANCEOF -> {
                ClassInfo c = classObject(((TypeInsnNode) insn).desc);
                if (c == null) {
                    return;
                }
                Label done = asm.newLabel();
                popTop(RAX);
                asm.xor(EDX, EDX);
                asm.test(RAX, RAX);
                asm.jcc(Cond.E, done);
                if (c.name.equals(World.OBJECT)) {
                    asm.mov(EDX, Imm.of(1));
                } else {
                    TypeTableCode.testEntry(asm, program.typeTableFields(), RAX, RCX, program.supertypeEntry(c));
                    asm.setcc(Cond.E, Reg.DL);
                }
                asm.bind(done);
                pushResult(RDX);
            }
            case Opcodes.MONITORENTER -> callRuntime("monitorEnter", "(Ljava/lang/Object;)V", 1);
            case Opcodes.MONITOREXIT -> callRuntime("monitorExit", "(Ljava/lang/Object;)V", 1);
            case Opcodes.INVOKEDYNAMIC -> {
                Linkage.Failure unlinked = program.unlinkedCallSite(insn);
                if (unlinked != null) {
                    linkageFailure = unlinked;
                } else {
                    unsupportedBootstrap(insn);
                }
            }
            case Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV,
                    Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV -> floatingBinary(op);
            case Opcodes.FNEG -> {
                popTop(RAX);
                asm.xor(EAX, Imm.of(Integer.MIN_VALUE));
                pushResult(RAX);
            }
            case Opcodes.DNEG -> {
                popTop(RAX);
                asm.mov(RCX, Imm.of(Long.MIN_VALUE));
                asm.xor(RAX, RCX);
                pushResult(RAX);
            }
            case Opcodes.I2F, Opcodes.I2D, Opcodes.L2F, Opcodes.L2D, Opcodes.F2D, Opcodes.D2F -> floatingConversion(op);
            case Opcodes.F2I, Opcodes.F2L, Opcodes.D2I, Opcodes.D2L -> floatingToInteger(op);
            case Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> floatingCompare(op);
            case Opcodes.FREM, Opcodes.DREM -> floatingRemainder(op == Opcodes.FREM);
            case Opcodes.JSR, Opcodes.RET -> unsupported(insn, "a subroutine in a class the verifier has not seen"
                    + " (class files of the program have their subroutines inlined when verified)");
            default -> unsupported(insn, "not supported yet");
        }
    }

    private void unsupportedBootstrap(AbstractInsnNode insn) {
        unsupported(insn, "this invokedynamic bootstrap is not supported: "
                + ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).bsm.getOwner() + "."
                + ((org.objectweb.asm.tree.InvokeDynamicInsnNode) insn).bsm.getName()
                + " (Kiln resolves string concatenation and lambdas at build time)");
    }

    // ---- floating point (SSE2 scalar; floats are the low 32 bits of a slot, doubles all 64) ----------------

    private void floatingBinary(int op) {
        boolean isDouble = op == Opcodes.DADD || op == Opcodes.DSUB || op == Opcodes.DMUL || op == Opcodes.DDIV;
        popTop(RCX);
        popTop(RAX);
        asm.movq(Xmm.XMM0, RAX);
        asm.movq(Xmm.XMM1, RCX);
        switch (op) {
            case Opcodes.FADD -> asm.addss(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.FSUB -> asm.subss(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.FMUL -> asm.mulss(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.FDIV -> asm.divss(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.DADD -> asm.addsd(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.DSUB -> asm.subsd(Xmm.XMM0, Xmm.XMM1);
            case Opcodes.DMUL -> asm.mulsd(Xmm.XMM0, Xmm.XMM1);
            default -> asm.divsd(Xmm.XMM0, Xmm.XMM1);
        }
        asm.movq(RAX, Xmm.XMM0);
        if (!isDouble) {
            asm.mov(EAX, EAX);
        }
        pushResult(RAX);
    }

    private void floatingConversion(int op) {
        popTop(RAX);
        switch (op) {
            case Opcodes.I2F -> asm.cvtsi2ss(Xmm.XMM0, EAX);
            case Opcodes.I2D -> asm.cvtsi2sd(Xmm.XMM0, EAX);
            case Opcodes.L2F -> asm.cvtsi2ss(Xmm.XMM0, RAX);
            case Opcodes.L2D -> asm.cvtsi2sd(Xmm.XMM0, RAX);
            case Opcodes.F2D -> {
                asm.movq(Xmm.XMM1, RAX);
                asm.cvtss2sd(Xmm.XMM0, Xmm.XMM1);
            }
            default -> {
                asm.movq(Xmm.XMM1, RAX);
                asm.cvtsd2ss(Xmm.XMM0, Xmm.XMM1);
            }
        }
        asm.movq(RAX, Xmm.XMM0);
        if (op == Opcodes.I2F || op == Opcodes.L2F || op == Opcodes.D2F) {
            asm.mov(EAX, EAX);
        }
        pushResult(RAX);
    }

    /**
     * frem and drem (JVMS §6.5): the remainder of the truncating division, as C's fmod, which neither SSE2 nor
     * IEEE 754's remainder operation computes; {@code Support.floatingRemainder(double, double)} does, exactly.
     * The operands are already where a call wants them (dividend, then divisor on top). frem goes through the
     * double routine: both floats widen exactly, and the exact remainder of two floats is itself a float, so
     * narrowing it back is exact too.
     * <i>Rejected</i>: x87 {@code fprem} in a loop, as HotSpot does (the only x87 code in the compiler, and a
     * status-word loop in the template).
     */
    private void floatingRemainder(boolean isFloat) {
        if (isFloat) {
            popTop(RCX);
            popTop(RAX);
            asm.movq(Xmm.XMM0, RAX);
            asm.cvtss2sd(Xmm.XMM0, Xmm.XMM0);
            asm.movq(RAX, Xmm.XMM0);
            asm.push(RAX);
            asm.movq(Xmm.XMM0, RCX);
            asm.cvtss2sd(Xmm.XMM0, Xmm.XMM0);
            asm.movq(RCX, Xmm.XMM0);
            asm.push(RCX);
        } else {
            flush();
        }
        callRuntime(KernelAbi.FLOATING_REMAINDER[0], KernelAbi.FLOATING_REMAINDER[1], 2);
        if (isFloat) {
            asm.movq(Xmm.XMM1, RAX);
            asm.cvtsd2ss(Xmm.XMM0, Xmm.XMM1);
            asm.movq(RAX, Xmm.XMM0);
            asm.mov(EAX, EAX);
        }
        pushResult(RAX);
    }

    /** f2i, f2l, d2i, d2l (JVMS §2.8.3: NaN is 0, out-of-range values the nearest extreme). */
    private void floatingToInteger(int op) {
        popTop(RAX);
        asm.movq(Xmm.XMM0, RAX);
        JvmSequences.truncate(asm, Xmm.XMM0, op == Opcodes.D2I || op == Opcodes.D2L, op == Opcodes.F2L || op == Opcodes.D2L);
        pushResult(RCX);
    }

    /** fcmpl/dcmpl give -1 when either is NaN, fcmpg/dcmpg give 1 (JVMS §6.5). */
    private void floatingCompare(int op) {
        popTop(RCX);
        popTop(RAX);
        asm.movq(Xmm.XMM0, RAX);
        asm.movq(Xmm.XMM1, RCX);
        JvmSequences.compare(asm, Xmm.XMM0, Xmm.XMM1, op == Opcodes.DCMPL || op == Opcodes.DCMPG,
                op == Opcodes.FCMPG || op == Opcodes.DCMPG ? 1 : -1);
        pushResult(RAX);
    }

    private void convert(Runnable conversion) {
        popTop(RAX);
        conversion.run();
        pushResult(RAX);
    }

    private static Cond condition(int jvmCondition) {
        return switch (jvmCondition) {
            case 0 -> Cond.E;
            case 1 -> Cond.NE;
            case 2 -> Cond.L;
            case 3 -> Cond.GE;
            case 4 -> Cond.G;
            default -> Cond.LE;
        };
    }

    private void ldc(Object constant, AbstractInsnNode insn) {
        if (constant instanceof Integer i) {
            pushResult(Imm.of(i));
        } else if (constant instanceof Long l) {
            pushConstant(l);
        } else if (constant instanceof Float f) {
            pushConstant(Float.floatToRawIntBits(f) & 0xffffffffL);
        } else if (constant instanceof Double d) {
            pushConstant(Double.doubleToRawLongBits(d));
        } else if (constant instanceof String s) {
            asm.lea(RAX, Mem.symbol(0, program.stringLiteral(s), 0));
            pushResult(RAX);
        } else if (constant instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            ClassInfo c = classObject(t.getInternalName());
            if (c != null) {
                asm.lea(RAX, Mem.symbol(0, Symbols.classObject(c), 0));
                pushResult(RAX);
            }
        } else {
            unsupported(insn, "constant of kind " + constant.getClass().getSimpleName()
                    + " (method handles and dynamic constants are not supported yet)");
        }
    }

    private void binary(int op, int bits) {
        Reg a = bits == 32 ? EAX : RAX;
        Reg b = bits == 32 ? ECX : RCX;
        popTop(RCX);
        popTop(RAX);
        switch (op) {
            case Opcodes.IADD, Opcodes.LADD -> asm.add(a, b);
            case Opcodes.ISUB, Opcodes.LSUB -> asm.sub(a, b);
            case Opcodes.IMUL, Opcodes.LMUL -> asm.imul(a, b);
            case Opcodes.IAND, Opcodes.LAND -> asm.and(a, b);
            case Opcodes.IOR, Opcodes.LOR -> asm.or(a, b);
            default -> asm.xor(a, b);
        }
        pushResult(RAX);
    }

    /**
     * idiv traps (#DE) on division by zero and on MIN_VALUE / -1; Java throws for the first and wraps for the
     * second. So -1 is always tested first; zero is tested only in kernel code, elsewhere the trap itself throws.
     */
    private void divide(boolean remainder, int bits) {
        Reg b = bits == 32 ? ECX : RCX;
        popTop(RCX);
        popTop(RAX);
        if (!implicitNullChecks) {
            Label nonZero = asm.newLabel();
            asm.test(b, b);
            asm.jcc(Cond.NE, nonZero);
            asm.call(program.runtime("throwDivideByZero", "()V"));
            asm.bind(nonZero);
        } // else idiv by zero raises #DE, which the kernel turns into ArithmeticException at the idiv
        JvmSequences.divide(asm, bits, remainder);
        pushResult(RAX);
    }

    /** x86 masks shift counts to 5 (or 6) bits exactly as JVMS §6.5 ishl/lshl require. */
    private void shift(int op, Reg value) {
        popTop(RCX);
        popTop(RAX);
        switch (op) {
            case Opcodes.ISHL, Opcodes.LSHL -> asm.shl(value, CL);
            case Opcodes.ISHR, Opcodes.LSHR -> asm.sar(value, CL);
            default -> asm.shr(value, CL);
        }
        pushResult(RAX);
    }

    // ---- arrays --------------------------------------------------------------------------------------------

    private static int elementSize(int op) {
        return switch (op) {
            case Opcodes.BALOAD, Opcodes.BASTORE -> 1;
            case Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.CASTORE, Opcodes.SASTORE -> 2;
            case Opcodes.IALOAD, Opcodes.FALOAD, Opcodes.IASTORE, Opcodes.FASTORE -> 4;
            default -> 8;
        };
    }

    private void arrayLoad(int op) {
        int size = elementSize(op);
        popTop(RCX);
        popTop(RAX);
        nullCheckBeforeAccess(RAX, ClassInfo.ARRAY_LENGTH_OFFSET); // the bounds check reads the length first
        boundsCheck();
        Mem element = Mem.of(size * 8, RAX, RCX, size, ClassInfo.ARRAY_BASE_OFFSET);
        switch (op) {
            case Opcodes.BALOAD, Opcodes.SALOAD -> asm.movsx(EAX, element);
            case Opcodes.CALOAD -> asm.movzx(EAX, element);
            case Opcodes.IALOAD, Opcodes.FALOAD -> asm.mov(EAX, element);
            default -> asm.mov(RAX, element);
        }
        pushResult(RAX);
    }

    /** aastore checks the index before the value's type (JVMS §6.5 aastore), the other stores only the index. */
    private void arrayStore(int op) {
        int size = elementSize(op);
        if (op == Opcodes.AASTORE) { // the operands stay on the stack until both checks pass
            asm.mov(RAX, stackSlot(2));
            asm.mov(RCX, stackSlot(1));
            nullCheckBeforeAccess(RAX, ClassInfo.ARRAY_LENGTH_OFFSET);
            boundsCheck();
            asm.mov(RDX, stackSlot(0));
            asm.call(TypeTableCode.ARRAY_STORE_STUB); // returns if the value fits, else throws
        }
        popTop(RDX);
        popTop(RCX);
        popTop(RAX);
        if (op != Opcodes.AASTORE) {
            nullCheckBeforeAccess(RAX, ClassInfo.ARRAY_LENGTH_OFFSET);
            boundsCheck();
        }
        asm.mov(Mem.of(size * 8, RAX, RCX, size, ClassInfo.ARRAY_BASE_OFFSET), RDX.withBits(size * 8));
    }

    private void newArray(String arrayDescriptor) {
        ClassInfo arrayClass = classObject(arrayDescriptor);
        if (arrayClass == null) {
            return;
        }
        popTop(RCX);
        Label slowPath = asm.newLabel();
        Label done = asm.newLabel();
        JvmSequences.bumpAllocateArray(asm, program.heapWords(), arrayClass.elementSize(),
                Symbols.classObject(arrayClass), slowPath);
        asm.jmp(done);
        asm.bind(slowPath);
        asm.lea(RAX, Mem.symbol(0, Symbols.classObject(arrayClass), 0));
        asm.push(RAX);
        asm.push(RCX);
        callRuntime("newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;", 2);
        asm.bind(done);
        pushResult(RAX);
    }

    private void multiNewArray(MultiANewArrayInsnNode insn) {
        ClassInfo arrayClass = classObject(insn.desc);
        ClassInfo dimensionsClass = classObject("[I");
        if (arrayClass == null || dimensionsClass == null) {
            return;
        }
        asm.lea(RAX, Mem.symbol(0, Symbols.classObject(dimensionsClass), 0));
        asm.push(RAX);
        asm.push(Imm.of(insn.dims));
        callRuntime("newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;", 2);
        for (int i = 0; i < insn.dims; i++) {
            asm.mov(ECX, Mem.of(32, RSP, 8 * (insn.dims - 1 - i)));
            asm.mov(Mem.of(32, RAX, ClassInfo.ARRAY_BASE_OFFSET + 4 * i), ECX);
        }
        asm.add(RSP, Imm.of(8L * insn.dims));
        asm.lea(RCX, Mem.symbol(0, Symbols.classObject(arrayClass), 0));
        asm.push(RCX);
        asm.push(RAX);
        callRuntime("newMultiArray", "(Ljava/lang/Class;[I)Ljava/lang/Object;", 2);
        pushResult(RAX);
    }

    /**
     * The class whose Class object an instruction refers to, or null when it is on no class path: the instruction
     * then throws NoClassDefFoundError (the analysis reported it).
     */
    private ClassInfo classObject(String internalNameOrDescriptor) {
        try {
            return program.classObject(internalNameOrDescriptor);
        } catch (World.MissingClassException e) {
            linkageFailure = new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, e.className);
            return null;
        }
    }

    // ---- fields --------------------------------------------------------------------------------------------

    private void field(FieldInsnNode insn) {
        ClassInfo owner = classObject(insn.owner);
        if (owner == null) {
            return;
        }
        ClassInfo.Field f = program.world().resolveField(owner, insn.name);
        Linkage.Failure unlinked = Linkage.field(method.owner(), method, insn, owner, f,
                program.world().isFromClassPath(method.owner()));
        if (unlinked != null) {
            linkageFailure = unlinked;
            return;
        }
        switch (insn.getOpcode()) {
            case Opcodes.GETSTATIC -> {
                initCheck(f.owner());
                pushResult(Mem.symbol(64, program.staticField(f), 0));
            }
            case Opcodes.PUTSTATIC -> {
                initCheck(f.owner());
                popTop(Mem.symbol(64, program.staticField(f), 0));
            }
            case Opcodes.GETFIELD -> {
                popTop(RAX);
                nullCheckBeforeAccess(RAX, f.offset());
                Mem at = Mem.of(f.size() * 8, RAX, f.offset());
                switch (f.node().desc.charAt(0)) {
                    case 'Z', 'C' -> asm.movzx(EAX, at);
                    case 'B', 'S' -> asm.movsx(EAX, at);
                    case 'I', 'F' -> asm.mov(EAX, at);
                    default -> asm.mov(RAX, at);
                }
                pushResult(RAX);
            }
            default -> {
                popTop(RCX);
                popTop(RAX);
                nullCheckBeforeAccess(RAX, f.offset());
                asm.mov(Mem.of(f.size() * 8, RAX, f.offset()), RCX.withBits(f.size() * 8));
            }
        }
    }

    // ---- calls ---------------------------------------------------------------------------------------------

    private void invoke(MethodInsnNode insn) {
        int op = insn.getOpcode();
        if (insn.owner.equals(KernelAbi.INTRINSICS_CLASS)) {
            if (!KernelAbi.inKernelPackage(method.owner().name)) {
                diagnostics.problem(method, bytecodeOffset(), KernelAbi.javaName(KernelAbi.INTRINSICS_CLASS) + "." + insn.name
                        + " may only be called from the kernel's packages (" + String.join(", ",
                        KernelAbi.KERNEL_PACKAGES.stream().map(p -> KernelAbi.javaName(p) + "*").toList())
                        + "); application and class-library code cannot use intrinsics");
                return;
            }
            intrinsic(insn);
            return;
        }
        UnsafeOffsets.Folded folded = UnsafeOffsets.fold(insn, program.world(),
                message -> diagnostics.problem(method, bytecodeOffset(), message));
        if (folded != null) {
            asm.add(RSP, Imm.of(8L * folded.slots())); // the receiver and the literals are not needed at run time
            pushConstant(folded.value());
            return;
        }
        ClassInfo owner = classObject(insn.owner);
        if (owner == null) {
            return;
        }
        if (op == Opcodes.INVOKESPECIAL && isEmptyObjectConstructor(owner, insn)) {
            asm.add(RSP, Imm.of(8)); // drops the receiver: nothing to call
            return;
        }
        int argumentSlots = Type.getArgumentTypes(insn.desc).length + (op == Opcodes.INVOKESTATIC ? 0 : 1);
        boolean returnsValue = Type.getReturnType(insn.desc).getSort() != Type.VOID;
        if (owner.isArray() && insn.name.equals("clone")) {
            callRuntime("cloneArray", "(Ljava/lang/Object;)Ljava/lang/Object;", 1);
            pushResult(RAX);
            return;
        }
        ClassInfo.Method target = program.world().resolveMethod(owner, insn.name, insn.desc);
        Linkage.Failure unlinked = Linkage.method(method.owner(), insn, owner, target,
                program.world().isFromClassPath(method.owner()));
        if (unlinked != null) {
            linkageFailure = unlinked;
            return;
        }
        if (inlineIntrinsic(target)) {
            return;
        }
        if (target.owner().name.equals(World.OBJECT) && target.node().name.equals("getClass")) {
            popTop(RAX);
            nullCheckBeforeAccess(RAX, 0);
            asm.mov(RAX, Mem.of(64, RAX, 0));
            pushResult(RAX);
            return;
        }
        CallLinking linking = CallLinking.of(program.world(), method, op, owner, target);
        CallLinking call = program.devirtualized(linking);
        if (call != linking) {
            devirtualizations.record(linking, call, false);
        }
        switch (call.kind()) {
            case STATIC -> {
                initCheck(call.target().owner());
                // System.arraycopy: the stub in front of it, which copies or jumps to the method (JvmSequences)
                asm.call(isArrayCopy(call.target()) ? JvmSequences.ARRAY_COPY_STUB : program.methodSymbol(call.target()));
            }
            case DIRECT -> {
                nullCheckReceiver(argumentSlots);
                asm.call(program.methodSymbol(call.target()));
            }
            case INTERFACE -> {
                if (!implicitNullChecks) {
                    asm.mov(RAX, stackSlot(argumentSlots - 1));
                    nullCheck(RAX);
                } // else the receiver's class load faults on null
                TypeTableCode.interfaceCall(asm, program.typeTableFields(), argumentSlots - 1,
                        program.interfaceMethodEntry(call.selector()), Symbols.classObject(call.target().owner()),
                        program.runtime("throwIncompatibleInterface", "(Ljava/lang/Object;Ljava/lang/Class;)V"));
            }
            case VIRTUAL -> {
                int slot = program.vtableSlot(call.receiverType(), call.selector());
                asm.mov(RAX, stackSlot(argumentSlots - 1));
                nullCheckBeforeAccess(RAX, 0); // loading the class pointer faults on null
                asm.mov(RAX, Mem.of(64, RAX, 0));
                asm.call(Mem.of(64, RAX, program.vtableOffset() + 8 * slot));
            }
        }
        afterCall(argumentSlots, returnsValue);
    }

    /**
     * The receiver check of a direct instance call, which does not touch the receiver itself: outside the kernel,
     * a load of its class pointer, which faults on null as a virtual call's dispatch does (and is shorter than
     * a compare and a call); in kernel code an explicit check.
     */
    private void nullCheckReceiver(int argumentSlots) {
        asm.mov(RAX, stackSlot(argumentSlots - 1));
        if (implicitNullChecks) {
            asm.mov(RAX, Mem.of(64, RAX, 0));
        } else {
            nullCheck(RAX);
        }
    }

    private void afterCall(int argumentSlots, boolean returnsValue) {
        if (argumentSlots > 0) {
            asm.add(RSP, Imm.of(8L * argumentSlots));
        }
        if (returnsValue) {
            pushResult(RAX);
        }
    }

    /** Whether {@code m} is {@code System.arraycopy}, which both tiers call through a stub in front of it. */
    static boolean isArrayCopy(ClassInfo.Method m) {
        return m.owner().name.equals("java/lang/System") && m.node().name.equals("arraycopy")
                && m.node().desc.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V");
    }

    /**
     * A JDK method whose whole effect is a few instructions, inline. A slot already holds a float's or double's raw
     * bits, so the bit-conversion natives compile to nothing.
     */
    private boolean inlineIntrinsic(ClassInfo.Method target) {
        if (!CallLinking.isInlineIntrinsic(target)) {
            return false;
        }
        if (target.node().name.equals("sqrt")) {
            popTop(RAX);
            asm.movq(Xmm.XMM0, RAX);
            asm.sqrtsd(Xmm.XMM0, Xmm.XMM0);
            asm.movq(RAX, Xmm.XMM0);
            pushResult(RAX);
        }
        return true;
    }

    /** Intrinsics become inline instructions (docs/abi.md "Intrinsics"); arguments are on the stack. */
    private void intrinsic(MethodInsnNode insn) {
        switch (insn.name) {
            case "outb", "outw", "outl" -> {
                popTop(RAX);
                popTop(RDX);
                Reg value = insn.name.equals("outb") ? Reg.AL : insn.name.equals("outw") ? Reg.AX : EAX;
                asm.out(Reg.DX, value);
            }
            case "inb", "inw", "inl" -> {
                popTop(RDX);
                asm.xor(EAX, EAX);
                asm.in(insn.name.equals("inb") ? Reg.AL : insn.name.equals("inw") ? Reg.AX : EAX, Reg.DX);
                pushResult(RAX);
            }
            case "readLong", "readInt", "readShort", "readChar", "readByte" -> {
                popTop(RAX);
                switch (insn.name) {
                    case "readLong" -> asm.mov(RAX, Mem.of(64, RAX, 0));
                    case "readInt" -> asm.mov(EAX, Mem.of(32, RAX, 0));
                    case "readShort" -> asm.movsx(EAX, Mem.of(16, RAX, 0));
                    case "readChar" -> asm.movzx(EAX, Mem.of(16, RAX, 0));
                    default -> asm.movsx(EAX, Mem.of(8, RAX, 0));
                }
                pushResult(RAX);
            }
            case "writeLong", "writeInt", "writeShort", "writeChar", "writeByte" -> {
                popTop(RCX);
                popTop(RAX);
                int bits = switch (insn.name) {
                    case "writeLong" -> 64;
                    case "writeInt" -> 32;
                    case "writeByte" -> 8;
                    default -> 16;
                };
                asm.mov(Mem.of(bits, RAX, 0), RCX.withBits(bits));
            }
            case "addressOf", "objectAt" -> { } // a reference is its address
            case "framePointer" -> pushResult(RBP);
            case "resume" -> {
                popTop(RAX);
                popTop(RCX);
                popTop(RDX);
                popTop(RSI);
                asm.mov(RBP, RCX);
                asm.mov(RSP, RDX);
                asm.jmp(RSI);
            }
            case "switchStacks" -> {
                // (long saveSpAt, long loadSpFrom): the context switch, 9 instructions. The baseline keeps
                // nothing in registers across a call, so rsp, rbp and the resume point are the whole context.
                popTop(RSI);
                popTop(RDI);
                Label resumed = asm.newLabel();
                asm.lea(RAX, Mem.label(64, resumed));
                asm.push(RAX);
                asm.push(RBP);
                asm.mov(Mem.of(64, RDI, 0), RSP);
                asm.mov(RSP, Mem.of(64, RSI, 0));
                asm.pop(RBP);
                asm.ret();
                asm.bind(resumed);
            }
            case "callOnStack" -> {
                // (long saveSpAt, long stackTop, long code): the callee may rewrite [saveSpAt] (a grown stack).
                popTop(RAX);
                popTop(RCX);
                popTop(RDX);
                asm.mov(Mem.of(64, RDX, 0), RSP);
                asm.mov(RSP, RCX);
                asm.push(RDX);
                asm.call(RAX);
                asm.pop(RDX);
                asm.mov(RSP, Mem.of(64, RDX, 0));
            }
            case "softwareInterrupt" -> {
                AbstractInsnNode previous = BytecodeOffsets.previousInstruction(insn);
                Integer vector = previous == null ? null : switch (previous.getOpcode()) {
                    case Opcodes.BIPUSH, Opcodes.SIPUSH -> ((IntInsnNode) previous).operand;
                    case Opcodes.LDC -> ((LdcInsnNode) previous).cst instanceof Integer i ? i : null;
                    default -> null;
                };
                if (vector == null || vector < 0 || vector > 255) {
                    diagnostics.problem(method, bytecodeOffset(), "Intrinsics.softwareInterrupt needs a constant vector from 0 to 255 (INT imm8)");
                    return;
                }
                asm.add(RSP, Imm.of(8)); // the vector is part of the instruction
                asm.int_(vector);
            }
            case "symbol" -> {
                AbstractInsnNode previous = BytecodeOffsets.previousInstruction(insn);
                if (!(previous instanceof LdcInsnNode ldc) || !(ldc.cst instanceof String name)) {
                    diagnostics.problem(method, bytecodeOffset(), "Intrinsics.symbol needs a string literal argument");
                    return;
                }
                asm.add(RSP, Imm.of(8)); // the literal itself is not needed at run time
                asm.lea(RAX, Mem.symbol(0, name, 0));
                pushResult(RAX);
            }
            case "fillZero" -> {
                popTop(RCX);
                popTop(RDI);
                asm.xor(EAX, EAX);
                asm.cld();
                asm.repStosbAsQwords();
            }
            case "copyMemory" -> {
                popTop(RCX);
                popTop(RDI);
                popTop(RSI);
                asm.cld();
                asm.repMovsbAsQwords();
            }
            case "timestampCounter" -> {
                asm.rdtsc();
                asm.shl(RDX, Imm.of(32));
                asm.or(RAX, RDX);
                pushResult(RAX);
            }
            case "invokeStaticObject" -> {
                popTop(RAX);
                asm.call(RAX);
                pushResult(RAX);
            }
            case "invokeStatic" -> {
                popTop(RAX);
                asm.call(RAX);
            }
            case "syscall" -> {
                if (Type.getArgumentTypes(insn.desc).length == 5) {
                    popTop(Reg.R10);
                }
                popTop(RDX);
                popTop(RSI);
                popTop(RDI);
                popTop(RAX);
                asm.syscall(); // clobbers rcx and r11, which hold nothing across bytecodes
                pushResult(RAX);
            }
            case "readMsr" -> {
                popTop(RCX);
                asm.rdmsr(); // EDX:EAX, the upper halves of RAX and RDX cleared (SDM Vol. 2B RDMSR)
                asm.shl(RDX, Imm.of(32));
                asm.or(RAX, RDX);
                pushResult(RAX);
            }
            case "writeMsr" -> {
                popTop(RAX);
                popTop(RCX);
                asm.mov(RDX, RAX);
                asm.shr(RDX, Imm.of(32)); // WRMSR takes EDX:EAX and ignores the upper halves
                asm.wrmsr();
            }
            case "cpuid" -> {
                popTop(RSI); // which register: 0..3 = eax, ebx, ecx, edx
                popTop(RCX);
                popTop(RAX);
                asm.cpuid(); // clobbers rbx, which holds nothing across bytecodes
                asm.cmp(ESI, Imm.of(1));
                asm.cmovcc(Cond.E, EAX, Reg.EBX);
                asm.cmp(ESI, Imm.of(2));
                asm.cmovcc(Cond.E, EAX, ECX);
                asm.cmp(ESI, Imm.of(3));
                asm.cmovcc(Cond.E, EAX, EDX);
                asm.movsxd(RAX, EAX); // an int is kept sign-extended (docs/abi.md "Values")
                pushResult(RAX);
            }
            case "loadGlobalDescriptorTable", "loadInterruptDescriptorTable" -> {
                popTop(RAX);
                if (insn.name.equals("loadGlobalDescriptorTable")) {
                    asm.lgdt(Mem.of(0, RAX, 0));
                } else {
                    asm.lidt(Mem.of(0, RAX, 0));
                }
            }
            case "loadTaskRegister" -> {
                popTop(RAX);
                asm.ltr(Reg.AX);
            }
            case "pageFaultAddress" -> {
                asm.movFromControl(RAX, ControlReg.CR2);
                pushResult(RAX);
            }
            case "setPageTableRoot" -> {
                popTop(RAX);
                asm.movToControl(ControlReg.CR3, RAX);
            }
            case "cpuBlock" -> {
                asm.mov(RAX, Mem.of(64, null, 0).withSegment(SegReg.GS));
                pushResult(RAX);
            }
            case "halt" -> asm.hlt();
            case "haltUntilInterrupt" -> {
                // STI delays interrupts by one instruction, so none can slip in between the two and be lost
                // before HLT waits (SDM Vol. 2B STI): the pair wakes on the next interrupt, never sleeps past it.
                asm.sti();
                asm.hlt();
            }
            case "pause" -> asm.pause();
            case "compareAndExchangeInt", "compareAndExchangeLong" -> {
                // (long address, T expected, T newValue): CMPXCHG compares with and returns in the accumulator
                int bits = insn.name.endsWith("Int") ? 32 : 64;
                popTop(RCX);
                popTop(RAX);
                popTop(RDX);
                asm.lockCmpxchg(Mem.of(bits, RDX, 0), RCX.withBits(bits));
                if (bits == 32) {
                    asm.movsxd(RAX, EAX); // an int is kept sign-extended (docs/abi.md "Values")
                }
                pushResult(RAX);
            }
            case "getAndAddInt", "getAndAddLong", "getAndSetInt", "getAndSetLong" -> {
                // (long address, T operand): XADD and XCHG leave the old value in the source register
                int bits = insn.name.endsWith("Int") ? 32 : 64;
                popTop(RCX);
                popTop(RDX);
                if (insn.name.startsWith("getAndAdd")) {
                    asm.lockXadd(Mem.of(bits, RDX, 0), RCX.withBits(bits));
                } else {
                    asm.xchg(Mem.of(bits, RDX, 0), RCX.withBits(bits));
                }
                if (bits == 32) {
                    asm.movsxd(RAX, ECX);
                } else {
                    asm.mov(RAX, RCX);
                }
                pushResult(RAX);
            }
            case "fullFence" -> asm.mfence();
            case "disableInterrupts" -> asm.cli();
            case "enableInterrupts" -> asm.sti();
            case "callMain" -> {
                ClassInfo.Method main = program.mainMethod();
                if (main != null) {
                    initCheck(main.owner());
                    asm.call(program.methodSymbol(main));
                }
                asm.add(RSP, Imm.of(8));
            }
            default -> diagnostics.problem(method, bytecodeOffset(), "unknown intrinsic Intrinsics." + insn.name);
        }
    }
}
