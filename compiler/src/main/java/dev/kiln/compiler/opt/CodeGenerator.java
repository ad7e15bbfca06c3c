package dev.kiln.compiler.opt;

import static dev.kiln.compiler.asm.Reg.CL;
import static dev.kiln.compiler.asm.Reg.EAX;
import static dev.kiln.compiler.asm.Reg.ECX;
import static dev.kiln.compiler.asm.Reg.EDX;
import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RBP;
import static dev.kiln.compiler.asm.Reg.RCX;
import static dev.kiln.compiler.asm.Reg.RDX;
import static dev.kiln.compiler.asm.Reg.RSP;
import static dev.kiln.compiler.asm.Xmm.XMM0;
import static dev.kiln.compiler.asm.Xmm.XMM1;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Operand;
import dev.kiln.compiler.asm.Reg;
import dev.kiln.compiler.asm.Xmm;
import dev.kiln.compiler.opt.LinearScan.Location;
import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import dev.kiln.compiler.stackmaps.StackMap;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits a method's allocated graph in the baseline's frame contract (docs/abi.md "Values and frames"): the same
 * prologue with its stack check, arguments read from where the caller pushed them, calls made with the arguments
 * pushed left to right and the result in rax, {@code leave; ret}. So the unwinder, stack traces, stack growth and
 * the collector see an ordinary frame; only its slots hold spilled values instead of JVM locals.
 *
 * <p>Each loop head polls the stack limit (docs/abi.md "Preemption"); the slow path pushes the registers live
 * there, calls the grower and pops them, so the values stay in registers on the fast path, are stack words the
 * collector scans while another tasklet runs, and move with the stack if it grows. A loop without calls keeps
 * its values in registers throughout.
 */
final class CodeGenerator {
    /** One source line starting at an offset from the method's start. */
    record LineStart(int offset, int line) {
    }

    private final Assembler asm;
    private final Host host;
    private final Graph graph;
    private final LinearScan allocation;
    private final Map<Block, Label> labels = new HashMap<>();
    final List<LineStart> lines = new ArrayList<>();
    private int start;
    private int currentLine = -1;
    /** The stack maps of the calls emitted so far (docs/abi.md "Stack maps"). */
    private SafepointMaps safepoints;

    CodeGenerator(Assembler asm, Host host, Graph graph, LinearScan allocation) {
        this.asm = asm;
        this.host = host;
        this.graph = graph;
        this.allocation = allocation;
    }

    /** Emits the method under {@code symbol}; returns its frame size (the method table's localsBytes). */
    int emit(String symbol, boolean pollLoops) {
        start = asm.offset();
        safepoints = new SafepointMaps(allocation, start, asm.callReturnOffsets().size());
        asm.symbol(symbol);
        asm.push(RBP);
        asm.mov(RBP, RSP);
        int frameBytes = 8 * allocation.spillSlots;
        host.emitStackCheck(asm, frameBytes + 8L * maxPushedWords(pollLoops));
        safepoints.prologue(asm.callReturnOffsets());
        JvmSequences.allocateZeroedFrame(asm, frameBytes);
        for (Block b : graph.blocks) {
            labels.put(b, asm.newLabel());
        }
        for (int i = 0; i < graph.blocks.size(); i++) {
            Block b = graph.blocks.get(i);
            Block next = i + 1 < graph.blocks.size() ? graph.blocks.get(i + 1) : null;
            asm.bind(labels.get(b));
            if (pollLoops && b.isLoopHeader) {
                poll(b);
            }
            for (Node n : b.nodes) {
                if (n.line >= 0 && n.line != currentLine) {
                    lines.add(new LineStart(asm.offset() - start, n.line));
                    currentLine = n.line;
                }
                safepoints.enterNode(b, n);
                node(n, b, next);
                safepoints.record(asm.callReturnOffsets(), allocation.spillSlots);
                if (!n.op.isTerminator()) {
                    clearDeadReferences(n, b);
                }
            }
        }
        asm.endSymbol();
        return frameBytes;
    }

    /** The stack maps of the method {@link #emit} emitted (docs/abi.md "Stack maps"). */
    List<StackMap> stackMaps() {
        return safepoints.maps();
    }

    /**
     * The most words the code pushes below the frame at once: registers saved around a call (or a poll's slow path)
     * plus the call's arguments, two more for an interface call's lookup; bounds checks and allocations push two. The
     * prologue's check asks for exactly this much (a tasklet's small stack must not grow for room never used).
     */
    private int maxPushedWords(boolean pollLoops) {
        int max = 2;
        for (Block b : graph.blocks) {
            if (pollLoops && b.isLoopHeader) {
                max = Math.max(max, liveAtHead(b).size());
            }
            for (Node n : b.nodes) {
                if (n.op.calls()) {
                    max = Math.max(max, savedAcross(n).size() + n.inputs.length + 2);
                }
            }
        }
        return max;
    }

    /**
     * After the last use of a reference kept in a stack slot, writes null over it (unless {@code n}'s own result
     * now lives there): the collector is conservative over stack words, and a dead reference in a long-running
     * frame would keep its object alive, where the baseline's frame would have overwritten its local.
     */
    private void clearDeadReferences(Node n, Block b) {
        for (Node input : n.inputs) {
            Location l = input.isConstant() || input.kind != Kind.REF ? null : at(input);
            if (l != null && l.inMemory() && l.frameOffset() < 0 && !l.equals(at(n))
                    && allocation.end.get(input).equals(allocation.position.get(n))
                    && !allocation.liveOut.get(b).get(input.id)) {
                asm.mov(frame(l, 64), Imm.of(0));
            }
        }
    }

    // ---- locations -------------------------------------------------------------------------------------------------

    private Location at(Node n) {
        return allocation.locations.get(n);
    }

    private static Mem frame(Location l, int bits) {
        return Mem.of(bits, RBP, l.frameOffset());
    }

    private static boolean fitsInt(long v) {
        return v == (int) v;
    }

    /** A general-purpose value as an operand of {@code bits}: its register, its slot, or an immediate. */
    private Operand source(Node n, int bits, Reg scratch) {
        if (n.isConstant()) {
            if (fitsInt(n.constant) || bits == 32) {
                return Imm.of(bits == 32 ? (int) n.constant : n.constant);
            }
            asm.mov(scratch, Imm.of(n.constant));
            return scratch.withBits(bits);
        }
        Location l = at(n);
        return l.inMemory() ? frame(l, bits) : l.reg().withBits(bits);
    }

    /**
     * The shortest load of a constant: {@code xor r32, r32} for 0 (it changes the flags), {@code mov r32, imm32}
     * (which zero-extends) for other values below 2^31, {@code mov r64, imm} otherwise.
     */
    private void loadConstant(Reg r, long value) {
        if (value == 0) {
            asm.xor(r.withBits(32), r.withBits(32));
        } else if (value > 0 && value <= Integer.MAX_VALUE) {
            asm.mov(r.withBits(32), Imm.of(value));
        } else {
            asm.mov(r, Imm.of(value));
        }
    }

    /** A general-purpose value in a register (64-bit name): its own, or {@code scratch} loaded with it. */
    private Reg use(Node n, Reg scratch) {
        if (!n.isConstant() && !at(n).inMemory()) {
            return at(n).reg();
        }
        if (n.isConstant()) {
            loadConstant(scratch, n.constant);
        } else {
            asm.mov(scratch, frame(at(n), 64));
        }
        return scratch;
    }

    /** The register a general-purpose result is computed in: its own, or {@code scratch} (then stored). */
    private Reg target(Node n, Reg scratch) {
        Location l = at(n);
        return l == null || l.inMemory() ? scratch : l.reg();
    }

    private void define(Node n, Reg value) {
        Location l = at(n);
        if (l == null) {
            return;
        }
        if (l.inMemory()) {
            asm.mov(frame(l, 64), value.withBits(64));
        } else if (l.reg() != value.withBits(64)) {
            asm.mov(l.reg(), value.withBits(64));
        }
    }

    private Operand xmmSource(Node n, Xmm scratch) {
        if (n.isConstant() && at(n) == null) { // through rdx: rax, rcx may hold an address (array stores)
            asm.mov(RDX, Imm.of(n.constant));
            asm.movq(scratch, RDX);
            return scratch;
        }
        Location l = at(n);
        return l.inMemory() ? frame(l, 64) : l.xmm();
    }

    private Xmm xmmUse(Node n, Xmm scratch) {
        Operand o = xmmSource(n, scratch);
        if (o instanceof Xmm x) {
            return x;
        }
        asm.movsd(scratch, o);
        return scratch;
    }

    private Xmm xmmTarget(Node n, Xmm scratch) {
        Location l = at(n);
        return l == null || l.inMemory() ? scratch : l.xmm();
    }

    private void defineXmm(Node n, Xmm value) {
        Location l = at(n);
        if (l == null) {
            return;
        }
        if (l.inMemory()) {
            asm.movsd(frame(l, 64), value);
        } else if (l.xmm() != value) {
            loadXmm(l.xmm(), value);
        }
    }

    /** A double into a register: {@code movapd} from a register (no false dependency), {@code movsd} from memory. */
    private void loadXmm(Xmm to, Operand from) {
        if (from instanceof Xmm x) {
            asm.movapd(to, x);
        } else {
            asm.movsd(to, from);
        }
    }

    private boolean inRegister(Node n, Object reg) {
        Location l = n.isConstant() && !n.kind.isFloating() ? null : at(n);
        return l != null && (l.reg() == reg || l.xmm() == reg);
    }

    // ---- nodes -----------------------------------------------------------------------------------------------------

    private void node(Node n, Block b, Block next) {
        switch (n.op) {
            case PHI -> { }
            case CONST -> {
                Location l = at(n);
                if (l != null && n.kind.isFloating()) {
                    Xmm t = xmmTarget(n, XMM0);
                    if (n.constant == 0) {
                        asm.xorpd(t, t);
                    } else {
                        asm.mov(RDX, Imm.of(n.constant));
                        asm.movq(t, RDX);
                    }
                    defineXmm(n, t);
                }
            }
            case PARAM -> {
                Location l = at(n);
                if (l != null && !l.inMemory()) {
                    Mem slot = Mem.of(64, RBP, 16 + 8 * (int) n.constant);
                    if (l.xmm() != null) {
                        asm.movsd(l.xmm(), slot);
                    } else {
                        asm.mov(l.reg(), slot);
                    }
                }
            }
            case ADD, SUB, MUL, AND, OR, XOR -> {
                if (n.kind.isFloating()) {
                    floatingBinary(n);
                } else {
                    integerBinary(n);
                }
            }
            case DIV -> {
                if (n.kind.isFloating()) {
                    floatingBinary(n);
                } else {
                    divide(n, false);
                }
            }
            case REM -> divide(n, true);
            case SHL, SHR, USHR -> shift(n);
            case NEG -> {
                if (n.kind.isFloating()) {
                    Xmm a = xmmUse(n.input(0), XMM0);
                    asm.movq(RAX, a);
                    asm.mov(RCX, Imm.of(Long.MIN_VALUE));
                    asm.xor(RAX, RCX);
                    Xmm t = xmmTarget(n, XMM0);
                    asm.movq(t, RAX);
                    defineXmm(n, t);
                } else {
                    int bits = n.kind.bits();
                    Reg t = target(n, RAX);
                    if (!inRegister(n.input(0), t)) {
                        asm.mov(t.withBits(bits), source(n.input(0), bits, RCX));
                    }
                    asm.neg(t.withBits(bits));
                    define(n, t);
                }
            }
            case I2L -> {
                Reg t = target(n, RAX);
                Operand value = source(n.input(0), 32, RCX);
                if (value instanceof Imm) {
                    asm.mov(ECX, value);
                    value = ECX;
                }
                asm.movsxd(t, value);
                define(n, t);
            }
            case L2I -> {
                Reg t = target(n, RAX);
                asm.mov(t.withBits(32), source(n.input(0), 32, RCX));
                define(n, t);
            }
            case I2B, I2C, I2S -> {
                asm.mov(EAX, source(n.input(0), 32, RCX));
                Reg t = target(n, RAX);
                switch (n.op) {
                    case I2B -> asm.movsx(t.withBits(32), Reg.AL);
                    case I2C -> asm.movzx(t.withBits(32), Reg.AX);
                    default -> asm.movsx(t.withBits(32), Reg.AX);
                }
                define(n, t);
            }
            case I2D, L2D -> {
                int bits = n.op == Op.I2D ? 32 : 64;
                Reg a = use(n.input(0), RCX);
                Xmm t = xmmTarget(n, XMM0);
                asm.xorpd(t, t); // cvtsi2sd writes only the low half: without this it waits for t's last writer
                asm.cvtsi2sd(t, a.withBits(bits));
                defineXmm(n, t);
            }
            case D2I, D2L -> floatingToInteger(n);
            case SQRT -> {
                Operand a = xmmSource(n.input(0), XMM1);
                Xmm t = xmmTarget(n, XMM0);
                asm.sqrtsd(t, a);
                defineXmm(n, t);
            }
            case LCMP -> {
                Reg a = use(n.input(0), RAX);
                asm.cmp(a, source(n.input(1), 64, RCX));
                asm.setcc(Cond.G, Reg.AL);
                asm.setcc(Cond.L, CL);
                asm.movzx(EAX, Reg.AL);
                asm.movzx(ECX, CL);
                asm.sub(EAX, ECX);
                define(n, RAX);
            }
            case DCMP -> doubleCompare(n);
            case ARRAY_LENGTH -> {
                Reg base = use(n.input(0), RAX);
                Reg t = target(n, RAX);
                asm.mov(t.withBits(32), Mem.of(32, base, 16));
                define(n, t);
            }
            case BOUNDS_CHECK -> boundsCheck(n);
            case ARRAY_LOAD -> arrayLoad(n);
            case ARRAY_STORE -> arrayStore(n);
            case GET_FIELD -> {
                Host.InstanceField f = (Host.InstanceField) n.target;
                Reg base = use(n.input(0), RAX);
                load(n, Mem.of(f.size() * 8, base, f.offset()), f.descriptor().charAt(0));
            }
            case PUT_FIELD -> {
                Host.InstanceField f = (Host.InstanceField) n.target;
                Reg base = use(n.input(0), RAX);
                store(Mem.of(f.size() * 8, base, f.offset()), n.input(1), f.size());
            }
            case GET_STATIC -> {
                Host.StaticField f = (Host.StaticField) n.target;
                if (n.kind.isFloating()) {
                    Xmm t = xmmTarget(n, XMM0);
                    asm.movsd(t, Mem.symbol(64, f.symbol(), 0));
                    defineXmm(n, t);
                } else {
                    Reg t = target(n, RAX);
                    asm.mov(t, Mem.symbol(64, f.symbol(), 0));
                    define(n, t);
                }
            }
            case PUT_STATIC -> {
                Host.StaticField f = (Host.StaticField) n.target;
                if (n.input(0).kind.isFloating()) {
                    asm.movsd(Mem.symbol(64, f.symbol(), 0), xmmUse(n.input(0), XMM0));
                } else {
                    asm.mov(Mem.symbol(64, f.symbol(), 0), use(n.input(0), RAX));
                }
            }
            case ADDRESS -> {
                Reg t = target(n, RAX);
                asm.lea(t, Mem.symbol(0, (String) n.target, 0));
                define(n, t);
            }
            case INIT_CHECK -> {
                Host.InitCheck check = (Host.InitCheck) n.target;
                Label done = asm.newLabel();
                asm.cmp(Mem.symbol(64, check.stateWord(), 0), Imm.of(0));
                asm.jcc(Cond.NE, done);
                save(savedAcross(n));
                asm.call(check.routine());
                restore(savedAcross(n));
                asm.bind(done);
            }
            case NULL_CHECK -> {
                Reg r = use(n.input(0), RAX);
                Label ok = asm.newLabel();
                asm.test(r, r);
                asm.jcc(Cond.NE, ok);
                asm.call(host.runtime("throwNullPointer", "()V"));
                asm.bind(ok);
            }
            case CALL -> call(n);
            case NEW -> {
                newInstance(n, (Host.Allocation) n.target);
                define(n, RAX);
            }
            case NEW_ARRAY -> {
                newArray(n, (Host.ArrayAllocation) n.target);
                define(n, RAX);
            }
            case GOTO -> {
                Block target = b.successors.get(0);
                phiMoves(b, target);
                if (target != next) {
                    asm.jmp(jumpLabel(target));
                }
            }
            case IF -> branch(n, b, next);
            case THROW -> {
                push(n.input(0)); // Support.throwException replaces null by a NullPointerException itself
                asm.call(host.runtime("throwException", "(Ljava/lang/Throwable;)V"));
            }
            case CHECKCAST -> {
                // null, or an object of exactly the class, passes without the call (as in the baseline)
                Reg object = use(n.input(0), RAX);
                Label passed = asm.newLabel();
                asm.test(object, object);
                asm.jcc(Cond.E, passed);
                asm.lea(RCX, Mem.symbol(0, (String) n.target, 0));
                asm.cmp(RCX, Mem.of(64, object, 0));
                asm.jcc(Cond.E, passed);
                save(savedAcross(n));
                asm.push(object);
                asm.push(RCX);
                asm.call(host.runtime("checkCast", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;"));
                asm.add(RSP, Imm.of(16));
                restore(savedAcross(n));
                asm.bind(passed);
            }
            case INSTANCEOF -> {
                save(savedAcross(n));
                push(n.input(0));
                asm.lea(RAX, Mem.symbol(0, (String) n.target, 0));
                asm.push(RAX);
                asm.call(host.runtime("instanceOf", "(Ljava/lang/Object;Ljava/lang/Class;)Z"));
                asm.add(RSP, Imm.of(16));
                restore(savedAcross(n));
                asm.movzx(EAX, Reg.AL);
                define(n, RAX);
            }
            case CLASS_TEST -> {
                Reg object = use(n.input(0), RAX);
                Label not = asm.newLabel();
                Label found = asm.newLabel();
                Label done = asm.newLabel();
                asm.test(object, object);
                asm.jcc(Cond.E, not);
                walkSuperclasses(object, (String) n.target, found);
                asm.bind(not);
                asm.xor(EDX, EDX);
                asm.jmp(done);
                asm.bind(found);
                asm.mov(EDX, Imm.of(1));
                asm.bind(done);
                define(n, RDX);
            }
            case CLASS_CAST -> {
                Reg object = use(n.input(0), RAX);
                Label passed = asm.newLabel();
                asm.test(object, object);
                asm.jcc(Cond.E, passed);
                walkSuperclasses(object, (String) n.target, passed);
                asm.push(object); // not an instance: checkCast throws the ClassCastException, and never returns
                asm.push(RDX);
                asm.call(host.runtime("checkCast", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;"));
                asm.bind(passed);
            }
            case ARRAY_COPY -> arrayCopy(n);
            case GET_CLASS -> {
                Reg object = use(n.input(0), RAX);
                Reg t = target(n, RAX);
                asm.mov(t, Mem.of(64, object, 0)); // faults on null: NullPointerException here
                define(n, t);
            }
            case RETURN -> {
                if (n.inputs.length > 0) {
                    if (n.input(0).kind.isFloating()) {
                        asm.movq(RAX, xmmUse(n.input(0), XMM0));
                    } else {
                        Reg r = use(n.input(0), RAX);
                        if (r != RAX) {
                            asm.mov(RAX, r);
                        }
                    }
                }
                asm.leave();
                asm.ret();
            }
        }
    }

    /**
     * Jumps to {@code found} when the class named by {@code classObject} is on the superclass chain of the non-null
     * {@code object}'s class (falls through otherwise), leaving that class's address in rdx; clobbers rcx.
     */
    private void walkSuperclasses(Reg object, String classObject, Label found) {
        asm.mov(RCX, Mem.of(64, object, 0));
        asm.lea(RDX, Mem.symbol(0, classObject, 0));
        Label up = asm.newLabel();
        asm.bind(up);
        asm.cmp(RCX, RDX);
        asm.jcc(Cond.E, found);
        asm.mov(RCX, Mem.of(64, RCX, host.classObjectField("superclass")));
        asm.test(RCX, RCX);
        asm.jcc(Cond.NE, up);
    }

    /** {@code System.arraycopy}: the arguments pushed as for the method, then the shared stub ({@link #emitArrayCopyStub}). */
    private void arrayCopy(Node n) {
        save(savedAcross(n));
        for (Node argument : n.inputs) {
            push(argument);
        }
        asm.call(ARRAY_COPY_STUB);
        asm.add(RSP, Imm.of(8L * n.inputs.length));
        restore(savedAcross(n));
    }

    /** The symbol of the stub behind every optimized {@code System.arraycopy}, emitted once per program. */
    static final String ARRAY_COPY_STUB = "kiln_opt_arraycopy";

    /**
     * The stub for {@code System.arraycopy}, called with the method's own arguments: when both arrays are of the same
     * class (so every element fits the target, references included) and the indices are in range, one
     * {@code rep movsb} (fast-string operation, SDM Vol. 1 §7.3.9.3) and {@code ret}; anything else jumps to the
     * method itself, which throws or copies as the JVM specifies it (a null, a mismatch, an index out of range, a
     * copy within one array to a higher index, which must run top down) and returns to the stub's caller. So the
     * stub has no frame and never appears in a trace: it cannot fault, and it reaches no safepoint. The callers
     * treat it as a call (every register clobbered).
     * <pre>
     * [rsp+40] src  [rsp+32] srcPos  [rsp+24] dest  [rsp+16] destPos  [rsp+8] length  [rsp] return address
     * </pre>
     * <i>Rejected</i>: the same sequence inline at every call site: about 170 bytes each, and the image grows where
     * the copy is not hot.
     */
    static void emitArrayCopyStub(Assembler asm, Host host, String arrayCopyMethod) {
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
        asm.mov(Reg.R8D, Mem.of(32, RCX, host.classObjectField("elementSize"))); // 0: not an array
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
        asm.mov(Reg.R10D, Mem.of(32, RAX, 16));
        asm.cmp(Reg.R9, Reg.R10);
        asm.jcc(Cond.A, slow);
        asm.lea(Reg.R9, Mem.of(64, Reg.RDI, RCX, 1, 0));
        asm.mov(Reg.R10D, Mem.of(32, RDX, 16));
        asm.cmp(Reg.R9, Reg.R10);
        asm.jcc(Cond.A, slow);
        asm.cmp(RAX, RDX);
        asm.jcc(Cond.NE, copy);
        asm.cmp(Reg.ESI, Reg.EDI);
        asm.jcc(Cond.B, slow);
        asm.bind(copy);
        asm.imul(Reg.RSI, Reg.R8);
        asm.lea(Reg.RSI, Mem.of(64, RAX, Reg.RSI, 1, 24));
        asm.imul(Reg.RDI, Reg.R8);
        asm.lea(Reg.RDI, Mem.of(64, RDX, Reg.RDI, 1, 24));
        asm.imul(RCX, Reg.R8);
        asm.repMovsb();
        asm.ret();
        asm.bind(slow);
        asm.jmp(arrayCopyMethod);
        asm.endSymbol();
    }

    private void integerBinary(Node n) {
        int bits = n.kind.bits();
        Node a = n.input(0);
        Node b = n.input(1);
        boolean commutative = n.op != Op.SUB;
        Reg t = target(n, RAX);
        if (inRegister(b, t) && !inRegister(a, t)) {
            if (commutative) {
                Node swap = a;
                a = b;
                b = swap;
            } else {
                t = RAX;
            }
        }
        Reg tb = t.withBits(bits);
        if (!inRegister(a, t)) {
            asm.mov(tb, source(a, bits, RCX));
        }
        if (n.op == Op.MUL && b.isConstant() && fitsInt(b.constant)) {
            asm.imul(tb, tb, Imm.of(bits == 32 ? (int) b.constant : b.constant));
            define(n, t);
            return;
        }
        Operand right = source(b, bits, RCX);
        switch (n.op) {
            case ADD -> asm.add(tb, right);
            case SUB -> asm.sub(tb, right);
            case MUL -> asm.imul(tb, right instanceof Imm ? loadInto(RCX, right, bits) : right);
            case AND -> asm.and(tb, right);
            case OR -> asm.or(tb, right);
            default -> asm.xor(tb, right);
        }
        define(n, t);
    }

    private Reg loadInto(Reg r, Operand value, int bits) {
        asm.mov(r.withBits(bits), value);
        return r.withBits(bits);
    }

    /** x86 masks shift counts to 5 (or 6) bits exactly as JVMS §6.5 ishl/lshl require. */
    private void shift(Node n) {
        int bits = n.kind.bits();
        Node b = n.input(1);
        Reg t = target(n, RAX);
        if (!b.isConstant()) {
            asm.mov(ECX, source(b, 32, RCX));
        }
        Reg tb = t.withBits(bits);
        if (!inRegister(n.input(0), t)) {
            asm.mov(tb, source(n.input(0), bits, RDX));
        }
        Operand count = b.isConstant() ? Imm.of(b.constant & (bits - 1)) : CL;
        switch (n.op) {
            case SHL -> asm.shl(tb, count);
            case SHR -> asm.sar(tb, count);
            default -> asm.shr(tb, count);
        }
        define(n, t);
    }

    /**
     * idiv traps (#DE) on division by zero, which the kernel turns into ArithmeticException at the idiv (docs/abi.md
     * "Faults"), and on MIN_VALUE / -1, which Java wraps: so -1 is tested first, as in the baseline.
     */
    private void divide(Node n, boolean remainder) {
        int bits = n.kind.bits();
        Reg a = RAX.withBits(bits);
        Reg b = RCX.withBits(bits);
        Node divisor = n.input(1);
        long c = divisor.isConstant() ? (bits == 32 ? (int) divisor.constant : divisor.constant) : 0;
        if (c >= 2 && Long.bitCount(c) == 1) {
            divideByPowerOfTwo(n, remainder, Long.numberOfTrailingZeros(c));
            return;
        }
        if (c != 0 && c != -1) { // neither traps: a plain idiv
            asm.mov(a, source(n.input(0), bits, RAX));
            asm.mov(b, source(divisor, bits, RCX));
            if (bits == 32) {
                asm.cdq();
            } else {
                asm.cqo();
            }
            asm.idiv(b);
            define(n, remainder ? RDX : RAX);
            return;
        }
        asm.mov(b, source(n.input(1), bits, RCX));
        asm.mov(a, source(n.input(0), bits, RAX));
        JvmSequences.divide(asm, bits, remainder);
        define(n, RAX);
    }

    /**
     * Division by 2^k rounds toward zero (JLS §15.17.2), an arithmetic shift toward negative infinity: so a negative
     * dividend is biased by 2^k - 1 first ({@code (a >> bits-1) >>> bits-k}), as C compilers do (Hacker's Delight
     * §10-1); the remainder is the dividend minus the quotient times 2^k.
     * <pre>
     *   mov eax, a ; mov edx, eax ; sar edx, bits-1 ; shr edx, bits-k ; add edx, eax
     *   div: sar edx, k               rem: and edx, -2^k ; sub eax, edx
     * </pre>
     */
    private void divideByPowerOfTwo(Node n, boolean remainder, int k) {
        int bits = n.kind.bits();
        Reg a = RAX.withBits(bits);
        Reg d = RDX.withBits(bits);
        asm.mov(a, source(n.input(0), bits, RAX));
        asm.mov(d, a);
        asm.sar(d, Imm.of(bits - 1));
        asm.shr(d, Imm.of(bits - k));
        asm.add(d, a);
        if (remainder) {
            long mask = bits == 32 ? (int) -(1L << k) : -(1L << k);
            asm.and(d, fitsInt(mask) ? Imm.of(mask) : loadInto(RCX, Imm.of(mask), 64));
            asm.sub(a, d);
            define(n, RAX);
        } else {
            asm.sar(d, Imm.of(k));
            define(n, RDX);
        }
    }

    private void floatingBinary(Node n) {
        Node a = n.input(0);
        Node b = n.input(1);
        boolean commutative = n.op == Op.ADD || n.op == Op.MUL;
        Xmm t = xmmTarget(n, XMM0);
        if (inRegister(b, t) && !inRegister(a, t)) {
            if (commutative) {
                Node swap = a;
                a = b;
                b = swap;
            } else {
                t = XMM0;
            }
        }
        Operand right = xmmSource(b, XMM1);
        if (!inRegister(a, t)) {
            Operand left = xmmSource(a, t);
            if (left != t) {
                loadXmm(t, left);
            }
        }
        switch (n.op) {
            case ADD -> asm.addsd(t, right);
            case SUB -> asm.subsd(t, right);
            case MUL -> asm.mulsd(t, right);
            default -> asm.divsd(t, right);
        }
        defineXmm(n, t);
    }

    /** d2i, d2l (JVMS §2.8.3). */
    private void floatingToInteger(Node n) {
        JvmSequences.truncate(asm, xmmUse(n.input(0), XMM0), true, n.op == Op.D2L);
        define(n, RCX);
    }

    /** dcmpl/dcmpg as a value: -1, 0, 1, and for NaN the node's constant (JVMS §6.5). */
    private void doubleCompare(Node n) {
        Xmm a = xmmUse(n.input(0), XMM0);
        JvmSequences.compare(asm, a, xmmSource(n.input(1), XMM1), true, (int) n.constant);
        define(n, RAX);
    }

    private void boundsCheck(Node n) {
        Reg index = use(n.input(0), RCX).withBits(32);
        Label ok = asm.newLabel();
        asm.cmp(index, source(n.input(1), 32, RDX));
        asm.jcc(Cond.B, ok);
        asm.push(index.withBits(64));
        push(n.input(1));
        asm.call(host.runtime("throwArrayIndexOutOfBounds", "(II)V"));
        asm.bind(ok);
    }

    private static int elementSize(int which) {
        return switch (which) {
            case 5, 6, 7 -> which == 5 ? 1 : 2;
            case 0, 2 -> 4;
            default -> 8;
        };
    }

    /**
     * {@code new}: the bump-range fast path inline (JvmSequences.bumpAllocate, no registers saved: it calls nothing),
     * and out of its way the call of {@code Support.newInstance}, which saves the registers live across it. The
     * object ends in rax.
     */
    private void newInstance(Node n, Host.Allocation allocation) {
        Label slowPath = asm.newLabel();
        Label done = asm.newLabel();
        JvmSequences.bumpAllocate(asm, allocation.heap(), allocation.instanceSize(), allocation.classObject(), slowPath);
        asm.jmp(done);
        asm.bind(slowPath);
        save(savedAcross(n));
        asm.lea(RAX, Mem.symbol(0, allocation.classObject(), 0));
        asm.push(RAX);
        asm.call(host.runtime("newInstance", "(Ljava/lang/Class;)Ljava/lang/Object;"));
        asm.add(RSP, Imm.of(8));
        restore(savedAcross(n));
        asm.bind(done);
    }

    /**
     * {@code newarray}, {@code anewarray}: the length in ecx, the fast path inline (JvmSequences.bumpAllocateArray),
     * else the call of {@code Support.newArray} with the registers live across it saved. The array ends in rax.
     */
    private void newArray(Node n, Host.ArrayAllocation allocation) {
        Label slowPath = asm.newLabel();
        Label done = asm.newLabel();
        Reg length = use(n.input(0), RCX);
        if (length != RCX) {
            asm.mov(RCX, length);
        }
        JvmSequences.bumpAllocateArray(asm, allocation.heap(), allocation.elementSize(), allocation.classObject(),
                slowPath);
        asm.jmp(done);
        asm.bind(slowPath);
        save(savedAcross(n));
        asm.lea(RAX, Mem.symbol(0, allocation.classObject(), 0));
        asm.push(RAX);
        asm.push(RCX);
        asm.call(host.runtime("newArray", "(Ljava/lang/Class;I)Ljava/lang/Object;"));
        asm.add(RSP, Imm.of(16));
        restore(savedAcross(n));
        asm.bind(done);
    }

    /** Array in a register, index zero-extended into rcx (the bounds check proved it is in range). */
    private Mem element(Node n, int size) {
        Reg base = use(n.input(0), RAX);
        asm.mov(ECX, source(n.input(1), 32, RCX));
        return Mem.of(size * 8, base, RCX, size, 24);
    }

    private void arrayLoad(Node n) {
        int which = (int) n.constant; // iaload, laload, faload, daload, aaload, baload, caload, saload
        Mem m = element(n, elementSize(which));
        load(n, m, switch (which) {
            case 5 -> 'B';
            case 6 -> 'C';
            case 7 -> 'S';
            case 3 -> 'D';
            case 1 -> 'J';
            case 4 -> 'L';
            default -> 'I';
        });
    }

    private void arrayStore(Node n) {
        int which = (int) n.constant;
        int size = elementSize(which);
        Mem m = element(n, size);
        store(m, n.input(2), size);
    }

    private void load(Node n, Mem m, char descriptor) {
        if (descriptor == 'D') {
            Xmm t = xmmTarget(n, XMM0);
            asm.movsd(t, m);
            defineXmm(n, t);
            return;
        }
        Reg t = target(n, RAX);
        switch (descriptor) {
            case 'Z', 'C' -> asm.movzx(t.withBits(32), m);
            case 'B', 'S' -> asm.movsx(t.withBits(32), m);
            case 'I' -> asm.mov(t.withBits(32), m);
            default -> asm.mov(t, m);
        }
        define(n, t);
    }

    private void store(Mem m, Node value, int size) {
        if (value.kind.isFloating()) {
            asm.movsd(m, xmmUse(value, XMM0));
        } else {
            asm.mov(m, use(value, RDX).withBits(size * 8));
        }
    }

    private void push(Node n) {
        if (n.isConstant() && fitsInt(n.constant)) {
            asm.push(Imm.of(n.constant));
        } else if (n.kind.isFloating()) {
            Xmm x = xmmUse(n, XMM0);
            asm.sub(RSP, Imm.of(8));
            asm.movsd(Mem.of(64, RSP, 0), x);
        } else if (!n.isConstant() && at(n).inMemory()) {
            asm.push(frame(at(n), 64));
        } else {
            asm.push(use(n, RAX));
        }
    }

    private void call(Node n) {
        Host.Call call = (Host.Call) n.target;
        save(savedAcross(n));
        for (Node argument : n.inputs) {
            push(argument);
        }
        if (call.kind() == Host.Call.Kind.VIRTUAL) {
            asm.mov(RAX, Mem.of(64, RSP, 8 * (n.inputs.length - 1)));
            asm.mov(RAX, Mem.of(64, RAX, 0)); // faults on a null receiver: NullPointerException here
            asm.call(Mem.of(64, RAX, call.dispatch()));
        } else if (call.kind() == Host.Call.Kind.INTERFACE) {
            asm.mov(RAX, Mem.of(64, RSP, 8 * (n.inputs.length - 1)));
            asm.push(RAX); // the receiver again: findInterfaceMethod checks it for null
            asm.push(Imm.of(call.dispatch()));
            asm.call(host.runtime("findInterfaceMethod", "(Ljava/lang/Object;J)J"));
            asm.add(RSP, Imm.of(16));
            asm.call(RAX);
        } else {
            asm.call(call.symbol());
        }
        if (n.inputs.length > 0) {
            asm.add(RSP, Imm.of(8L * n.inputs.length));
        }
        restore(savedAcross(n));
        if (n.kind.isFloating()) {
            Xmm t = xmmTarget(n, XMM0);
            asm.movq(t, RAX);
            defineXmm(n, t);
        } else if (n.kind != Kind.VOID) {
            define(n, RAX);
        }
    }

    // ---- control flow ----------------------------------------------------------------------------------------------

    private void branch(Node n, Block b, Block next) {
        Block taken = b.successors.get(0);
        Block notTaken = b.successors.get(1);
        Node left = n.input(0);
        Node right = n.input(1);
        if (left.kind.isFloating()) {
            Block holds = n.negated ? notTaken : taken;
            Block fails = n.negated ? taken : notTaken;
            Node.Cond c = n.cond;
            if (c == Node.Cond.LT || c == Node.Cond.LE) { // a < b is b > a: the forms false on NaN are A and AE
                Node swap = left;
                left = right;
                right = swap;
                c = c.swap();
            }
            Xmm a = xmmUse(left, XMM0);
            asm.ucomisd(a, xmmSource(right, XMM1));
            Cond ordered = c == Node.Cond.GT ? Cond.A : Cond.AE; // both false when unordered
            if (c == Node.Cond.EQ) {
                asm.jcc(Cond.P, jumpLabel(fails));
                asm.jcc(Cond.E, jumpLabel(holds));
            } else if (holds == next) {
                asm.jcc(ordered.negate(), jumpLabel(fails)); // BE / B: true when unordered, as "fails" must be
                return;
            } else {
                asm.jcc(ordered, jumpLabel(holds));
            }
            if (fails != next) {
                asm.jmp(jumpLabel(fails));
            }
            return;
        }
        int bits = left.kind.bits();
        Node.Cond c = n.cond;
        if (left.isConstant() && !right.isConstant()) {
            Node swap = left;
            left = right;
            right = swap;
            c = c.swap();
        }
        Reg a = use(left, RAX).withBits(bits);
        asm.cmp(a, source(right, bits, RCX));
        Cond x86 = switch (c) {
            case EQ -> Cond.E;
            case NE -> Cond.NE;
            case LT -> Cond.L;
            case GE -> Cond.GE;
            case GT -> Cond.G;
            case LE -> Cond.LE;
        };
        if (taken == next) {
            asm.jcc(x86.negate(), jumpLabel(notTaken));
        } else {
            asm.jcc(x86, jumpLabel(taken));
            if (notTaken != next) {
                asm.jmp(jumpLabel(notTaken));
            }
        }
    }

    /**
     * Where a jump to {@code target} goes: past blocks that only jump on (no phis, no poll, a successor without
     * phis, so no moves are skipped), straight to where they lead (jump threading: a branch to a jump costs bytes
     * and a taken jump).
     */
    private Label jumpLabel(Block target) {
        Block t = target;
        for (int hops = 0; hops < 8 && t.phis.isEmpty() && !t.isLoopHeader && t.nodes.size() == 1
                && t.nodes.get(0).op == Op.GOTO && t.successors.get(0).phis.isEmpty() && t.successors.get(0) != t; hops++) {
            t = t.successors.get(0);
        }
        return labels.get(t);
    }

    /** The safepoint poll at a loop head, saving the registers live there around the slow-path call. */
    private void poll(Block header) {
        List<Location> live = liveAtHead(header);
        safepoints.enterPoll(valuesLiveAtHead(header));
        Label goOn = asm.newLabel();
        asm.cmp(RSP, Mem.symbol(64, "kiln_stack_limit", 0));
        asm.jcc(Cond.AE, goOn);
        save(live);
        asm.call(host.stackGrower());
        restore(live);
        safepoints.record(asm.callReturnOffsets(), allocation.spillSlots);
        asm.bind(goOn);
    }

    /** The registers holding values live at a loop's head: its phis and what is live into it. */
    private List<Location> liveAtHead(Block header) {
        List<Location> live = new ArrayList<>();
        for (Node v : valuesLiveAtHead(header)) {
            Location l = at(v);
            if (l != null && !l.inMemory() && !live.contains(l)) {
                live.add(l);
            }
        }
        return live;
    }

    /** The values live at a loop's head: its phis and what is live into it. */
    private List<Node> valuesLiveAtHead(Block header) {
        BitSet in = allocation.liveIn.get(header);
        List<Node> values = new ArrayList<>(header.phis);
        for (Block b : graph.blocks) {
            for (Node n : b.phis) {
                if (in.get(n.id)) {
                    values.add(n);
                }
            }
            for (Node n : b.nodes) {
                if (in.get(n.id)) {
                    values.add(n);
                }
            }
        }
        return values;
    }

    /** Pushes registers whose values must survive a call (the collector scans them there, docs/abi.md). */
    private void save(List<Location> registers) {
        safepoints.pushed(asm.offset(), registers);
        for (Location l : registers) {
            if (l.reg() != null) {
                asm.push(l.reg());
            } else {
                asm.sub(RSP, Imm.of(8));
                asm.movsd(Mem.of(64, RSP, 0), l.xmm());
            }
        }
    }

    private void restore(List<Location> registers) {
        safepoints.popped(asm.offset());
        for (int i = registers.size() - 1; i >= 0; i--) {
            Location l = registers.get(i);
            if (l.reg() != null) {
                asm.pop(l.reg());
            } else {
                asm.movsd(l.xmm(), Mem.of(64, RSP, 0));
                asm.add(RSP, Imm.of(8));
            }
        }
    }

    /** The registers live across call-like node {@code n} (see {@link LinearScan}). */
    private List<Location> savedAcross(Node n) {
        return allocation.savedAcrossCall.getOrDefault(allocation.position.get(n), List.of());
    }

    // ---- phi resolution --------------------------------------------------------------------------------------------

    private record Move(Location to, Node from) {
    }

    /**
     * The moves into {@code target}'s phis at the end of {@code b}, as one parallel copy: a move is emitted once no
     * other pending move still reads its destination; a cycle is broken through rax (xmm0).
     */
    private void phiMoves(Block b, Block target) {
        if (target.phis.isEmpty()) {
            return;
        }
        int index = target.predecessors.indexOf(b);
        List<Move> pending = new ArrayList<>();
        for (Node phi : target.phis) {
            Location to = at(phi);
            Node from = phi.inputs[index];
            if (to != null && (from.isConstant() || !to.equals(at(from)))) {
                pending.add(new Move(to, from));
            }
        }
        Map<Location, Location> redirected = new HashMap<>();
        while (!pending.isEmpty()) {
            Move ready = null;
            for (Move m : pending) {
                boolean read = false;
                for (Move other : pending) {
                    if (other != m && !other.from().isConstant() && sourceOf(other, redirected).equals(m.to())) {
                        read = true;
                        break;
                    }
                }
                if (!read) {
                    ready = m;
                    break;
                }
            }
            if (ready != null) {
                move(ready.to(), ready.from(), redirected);
                pending.remove(ready);
                continue;
            }
            Move first = pending.get(0); // a cycle: park the value first's destination holds in a scratch register
            Location parked = first.to();
            Location scratch = parked.xmm() != null || isFloatingSlot(pending, parked)
                    ? new Location(null, XMM0, 0) : new Location(RAX, null, 0);
            copy(scratch, parked);
            redirected.put(parked, scratch);
        }
    }

    private static boolean isFloatingSlot(List<Move> pending, Location l) {
        for (Move m : pending) {
            if (m.to().equals(l)) {
                return m.from().kind.isFloating();
            }
        }
        return false;
    }

    private Location sourceOf(Move m, Map<Location, Location> redirected) {
        Location l = at(m.from());
        return redirected.getOrDefault(l, l);
    }

    private void move(Location to, Node from, Map<Location, Location> redirected) {
        if (from.isConstant()) {
            if (from.kind.isFloating() || to.xmm() != null) {
                asm.mov(RDX, Imm.of(from.constant));
                if (to.xmm() != null) {
                    asm.movq(to.xmm(), RDX);
                } else {
                    asm.mov(frame(to, 64), RDX);
                }
            } else if (to.reg() != null) {
                loadConstant(to.reg(), from.constant); // flags are dead here: the block ends in a jump
            } else if (fitsInt(from.constant)) {
                asm.mov(frame(to, 64), Imm.of(from.constant));
            } else {
                asm.mov(RDX, Imm.of(from.constant));
                asm.mov(frame(to, 64), RDX);
            }
            return;
        }
        Location source = at(from);
        copy(to, redirected.getOrDefault(source, source));
    }

    private void copy(Location to, Location from) {
        if (to.equals(from)) {
            return;
        }
        boolean floating = to.xmm() != null || from.xmm() != null;
        if (floating) {
            Operand src = from.xmm() != null ? from.xmm() : frame(from, 64);
            if (to.xmm() != null) {
                loadXmm(to.xmm(), src);
            } else {
                asm.movsd(frame(to, 64), (Xmm) src);
            }
        } else if (to.reg() != null) {
            asm.mov(to.reg(), from.reg() != null ? from.reg() : frame(from, 64));
        } else if (from.reg() != null) {
            asm.mov(frame(to, 64), from.reg());
        } else {
            asm.mov(RDX, frame(from, 64));
            asm.mov(frame(to, 64), RDX);
        }
    }
}
