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
 * the collector see an ordinary frame; only its slots hold spilled values instead of JVM locals. A method whose
 * arguments fit in registers gets the register convention's entry instead, behind an adapter that keeps this
 * contract at its ordinary symbol, and calls the register entries of methods compiled before it in registers
 * (docs/abi.md "Register calls between optimized methods", {@link RegisterConvention}).
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

    /** The machine code of nodes in try ranges, one run per stretch covered by the same handlers. */
    private record Covered(int start, int end, List<Graph.Catch> catches) {
    }

    private final Assembler asm;
    private final Host host;
    private final Graph graph;
    private final LinearScan allocation;
    /** The register calling convention's entries compiled so far (which calls go to a register entry). */
    private final RegisterConvention convention;
    /** The registers this method's arguments arrive in at its register entry; null: it has only the baseline's. */
    private final Object[] ownArguments;
    /** The callee-saved registers the prologue pushes (RegisterConvention): below rbp, above the spill slots. */
    private List<Reg> calleeSaved = List.of();
    private final Map<Block, Label> labels = new HashMap<>();
    final List<LineStart> lines = new ArrayList<>();
    private final List<Covered> covered = new ArrayList<>();
    private final Map<Block, Integer> landingOffsets = new HashMap<>();
    /** The frame size {@link #emit} chose. */
    int frameBytes;
    private int start;
    private int currentLine = -1;
    /** The stack maps of the calls emitted so far (docs/abi.md "Stack maps"). */
    private SafepointMaps safepoints;

    CodeGenerator(Assembler asm, Host host, Graph graph, LinearScan allocation, RegisterConvention convention,
                  Object[] ownArguments) {
        this.asm = asm;
        this.host = host;
        this.graph = graph;
        this.allocation = allocation;
        this.convention = convention;
        this.ownArguments = ownArguments;
    }

    /** The offset of the method's first instruction in the text (its register entry's, past the adapter). */
    int codeStart() {
        return start;
    }

    /** Emits the method under {@code symbol}; returns its frame size (the method table's localsBytes). */
    int emit(String symbol, boolean pollLoops) {
        frameBytes = 8 * allocation.spillSlots;
        if (ownArguments != null) {
            frameBytes = registerEntryPrologue(symbol, pollLoops);
        } else {
            start = asm.offset();
            safepoints = new SafepointMaps(allocation, start, asm.callReturnOffsets().size());
            asm.symbol(symbol);
            asm.push(RBP);
            asm.mov(RBP, RSP);
            host.emitStackCheck(asm, frameBytes + 8L * maxPushedWords(pollLoops));
            safepoints.prologue(asm.callReturnOffsets());
            JvmSequences.allocateZeroedFrame(asm, frameBytes);
        }
        for (Block b : graph.blocks) {
            labels.put(b, asm.newLabel());
        }
        List<Block> laidOut = new ArrayList<>();
        for (Block b : graph.blocks) {
            if (laidOut.isEmpty() || !onlyJumpsOn(b)) { // the entry block follows the prologue
                laidOut.add(b);
            }
        }
        for (int i = 0; i < laidOut.size(); i++) {
            Block b = laidOut.get(i);
            Block next = i + 1 < laidOut.size() ? laidOut.get(i + 1) : null;
            asm.bind(labels.get(b));
            if (b.isLanding) {
                landingOffsets.put(b, asm.offset());
            } else if (pollLoops && b.isLoopHeader) {
                poll(b);
            }
            for (int k = 0; k < b.nodes.size(); k++) {
                Node n = b.nodes.get(k);
                if (n.line >= 0 && n.line != currentLine) {
                    lines.add(new LineStart(asm.offset() - start, n.line));
                    currentLine = n.line;
                }
                int nodeStart = asm.offset();
                safepoints.enterNode(b, k);
                node(n, b, next);
                safepoints.record(asm.callReturnOffsets(), calleeSaved.size(), allocation.spillSlots);
                if (n.catches != null) {
                    cover(nodeStart, asm.offset(), n.catches);
                }
                if (!n.op.isTerminator()) {
                    clearDeadReferences(n, b);
                }
            }
        }
        asm.endSymbol();
        return frameBytes;
    }

    /** Records that the code of a node in [from, to) is covered by {@code catches}, joining the run before it. */
    private void cover(int from, int to, List<Graph.Catch> catches) {
        Covered last = covered.isEmpty() ? null : covered.get(covered.size() - 1);
        if (last != null && last.end() == from && last.catches().equals(catches)) {
            covered.set(covered.size() - 1, new Covered(last.start(), to, catches));
        } else if (from < to) {
            covered.add(new Covered(from, to, catches));
        }
    }

    /**
     * The handler table: for each covered run, one row per handler covering it, innermost first. Runs do not
     * overlap, so the unwinder's first match for an address is the innermost handler there, as in the JVM's table.
     */
    List<OptimizingCompiler.Handler> handlers() {
        List<OptimizingCompiler.Handler> rows = new ArrayList<>();
        for (Covered run : covered) {
            for (Graph.Catch c : run.catches()) {
                rows.add(new OptimizingCompiler.Handler(run.start(), run.end(), landingOffsets.get(c.landing()), c.type()));
            }
        }
        return rows;
    }

    /** The stack maps of the method {@link #emit} emitted (docs/abi.md "Stack maps"). */
    List<StackMap> stackMaps() {
        return safepoints.maps();
    }

    /**
     * The slots below rbp the maps leave undescribed, for the collector to scan conservatively: the saved
     * callee-saved registers (a caller's values, of any type) and the handlers' locals (written through at every
     * assignment, read only after a throw, of the type their local has at the time).
     */
    int undescribedLocals() {
        return calleeSaved.size() + graph.handlerSlots;
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

    /** A value's stack slot: an incoming argument's above rbp, a spill slot below the callee-saved registers. */
    private Mem frame(Location l, int bits) {
        int offset = l.frameOffset();
        return Mem.of(bits, RBP, offset < 0 ? offset - 8 * calleeSaved.size() : offset);
    }

    /** A handler's local's slot: one of the first spill slots (GraphBuilder), addressed as every spill slot is. */
    private Mem handlerSlot(Node n) {
        return frame(new Location(null, null, (int) n.constant), 64);
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
        return l.inMemory() ? frame(l, n.kind == Kind.FLOAT ? 32 : 64) : l.xmm(); // the ss forms take an m32
    }

    private Xmm xmmUse(Node n, Xmm scratch) {
        Operand o = xmmSource(n, scratch);
        if (o instanceof Xmm x) {
            return x;
        }
        loadXmm(scratch, o);
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

    /**
     * A double or float into a register: {@code movapd} from a register (no false dependency), {@code movsd} or
     * {@code movss} from memory.
     */
    private void loadXmm(Xmm to, Operand from) {
        if (from instanceof Xmm x) {
            asm.movapd(to, x);
        } else if (from instanceof Mem m && m.bits() == 32) {
            asm.movss(to, m);
        } else {
            asm.movsd(to, from);
        }
    }

    private boolean inRegister(Node n, Object reg) {
        Location l = n.isConstant() && !n.kind.isFloating() ? null : at(n);
        return l != null && (l.reg() == reg || l.xmm() == reg);
    }

    /**
     * The receiver check of a direct call, which does not touch the receiver itself: a one-byte read of the object's
     * header, {@code test [r], al} (2 bytes, 3 with a REX register). On null it faults on the unmapped page 0 and the
     * kernel turns the fault into {@code Support.throwNullPointer} called from this instruction (docs/abi.md
     * "Faults"), exactly what the explicit check called: its line, and every register clobbered. The tier compiles
     * no kernel code, where a fault must panic. <i>Rejected</i>: the explicit {@code test r, r; jne; call} (14
     * bytes, a third of the tier's extra bytes in hello), and the baseline's class-pointer load into rax (7 bytes
     * with its reload, and it clobbers rax).
     */
    private void implicitNullCheck(Reg reference) {
        asm.test(Mem.of(8, reference, 0), Reg.AL);
    }

    // ---- nodes -----------------------------------------------------------------------------------------------------

    private void node(Node n, Block b, Block next) {
        switch (n.op) {
            case PHI -> { }
            case CATCH -> define(n, RAX); // the unwinder's rax (docs/abi.md "Values and frames")
            case HANDLER_LOAD -> {
                Mem slot = handlerSlot(n);
                if (n.kind.isFloating()) {
                    Xmm t = xmmTarget(n, XMM0);
                    asm.movsd(t, slot);
                    defineXmm(n, t);
                } else {
                    Reg t = target(n, RAX);
                    asm.mov(t, slot);
                    define(n, t);
                }
            }
            case HANDLER_STORE -> {
                Mem slot = handlerSlot(n);
                if (n.input(0).kind.isFloating()) {
                    asm.movsd(slot, xmmUse(n.input(0), XMM0));
                } else if (n.input(0).isConstant() && fitsInt(n.input(0).constant)) {
                    asm.mov(slot, Imm.of(n.input(0).constant));
                } else {
                    asm.mov(slot, use(n.input(0), RDX));
                }
            }
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
                if (ownArguments == null && l != null && !l.inMemory()) { // else moved there by the prologue
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
                if (n.kind == Kind.FLOAT) {
                    asm.movd(EAX, xmmUse(n.input(0), XMM0));
                    asm.xor(EAX, Imm.of(Integer.MIN_VALUE)); // the sign bit: -0.0f, NaN kept (JVMS §6.5 fneg)
                    Xmm t = xmmTarget(n, XMM0);
                    asm.movd(t, EAX);
                    defineXmm(n, t);
                } else if (n.kind.isFloating()) {
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
                Reg value = use(n.input(0), RAX); // movsx/movzx straight from its low byte or word (SIL, R9W, ...)
                Reg t = target(n, RAX);
                switch (n.op) {
                    case I2B -> asm.movsx(t.withBits(32), value.withBits(8));
                    case I2C -> asm.movzx(t.withBits(32), value.withBits(16));
                    default -> asm.movsx(t.withBits(32), value.withBits(16));
                }
                define(n, t);
            }
            case I2D, L2D, I2F, L2F -> {
                int bits = n.op == Op.I2D || n.op == Op.I2F ? 32 : 64;
                Reg a = use(n.input(0), RCX);
                Xmm t = xmmTarget(n, XMM0);
                asm.xorpd(t, t); // cvtsi2sd writes only the low half: without this it waits for t's last writer
                if (n.kind == Kind.FLOAT) {
                    asm.cvtsi2ss(t, a.withBits(bits));
                } else {
                    asm.cvtsi2sd(t, a.withBits(bits));
                }
                defineXmm(n, t);
            }
            case D2I, D2L, F2I, F2L -> floatingToInteger(n);
            case F2D, D2F -> {
                Operand a = xmmSource(n.input(0), XMM1);
                Xmm t = xmmTarget(n, XMM0);
                if (!(a instanceof Xmm x && x == t)) {
                    asm.xorpd(t, t); // as above: only the low lane is written
                }
                if (n.op == Op.F2D) {
                    asm.cvtss2sd(t, a); // exact (JVMS §2.8.3)
                } else {
                    asm.cvtsd2ss(t, a); // round to nearest, overflow to infinity
                }
                defineXmm(n, t);
            }
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
                if (n.kind == Kind.FLOAT) {
                    Xmm t = xmmTarget(n, XMM0);
                    asm.movss(t, Mem.symbol(32, f.symbol(), 0));
                    defineXmm(n, t);
                } else if (n.kind.isFloating()) {
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
                if (n.input(0).kind == Kind.FLOAT) { // the word as the baseline keeps it: the bits zero-extended
                    asm.movd(EAX, xmmUse(n.input(0), XMM0));
                    asm.mov(Mem.symbol(64, f.symbol(), 0), RAX);
                } else if (n.input(0).kind.isFloating()) {
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
            case NULL_CHECK -> implicitNullCheck(use(n.input(0), RAX));
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
                if (destination(target) != next) {
                    asm.jmp(jumpLabel(target));
                }
            }
            case IF -> branch(n, b, next);
            case THROW -> {
                push(n.input(0)); // Support.throwException replaces null by a NullPointerException itself
                asm.call(host.runtime("throwException", "(Ljava/lang/Throwable;)V"));
            }
            case CHECKCAST -> {
                Host.TypeCheck check = (Host.TypeCheck) n.target;
                Reg object = use(n.input(0), RAX);
                Label passed = asm.newLabel();
                asm.test(object, object);
                asm.jcc(Cond.E, passed);
                TypeTableCode.testEntry(asm, host.typeTableFields(), object, RCX, check.entry());
                asm.jcc(Cond.E, passed);
                asm.push(object); // not an instance: checkCast throws the ClassCastException, and never returns
                asm.lea(RDX, Mem.symbol(0, check.classObject(), 0));
                asm.push(RDX);
                asm.call(host.runtime("checkCast", "(Ljava/lang/Object;Ljava/lang/Class;)Ljava/lang/Object;"));
                asm.bind(passed);
            }
            case INSTANCEOF -> {
                Host.TypeCheck check = (Host.TypeCheck) n.target;
                Reg object = use(n.input(0), RAX);
                Label done = asm.newLabel();
                asm.xor(EDX, EDX);
                asm.test(object, object);
                if (check.entry() == 0) { // instanceof Object: not null
                    asm.setcc(Cond.NE, Reg.DL);
                } else {
                    asm.jcc(Cond.E, done);
                    TypeTableCode.testEntry(asm, host.typeTableFields(), object, RCX, check.entry());
                    asm.setcc(Cond.E, Reg.DL);
                }
                asm.bind(done);
                define(n, RDX);
            }
            case ARRAY_STORE_CHECK -> {
                Reg value = use(n.input(1), RDX);
                if (value != RDX) {
                    asm.mov(RDX, value);
                }
                Reg array = use(n.input(0), RAX);
                if (array != RAX) {
                    asm.mov(RAX, array);
                }
                asm.call(TypeTableCode.ARRAY_STORE_STUB); // changes only rcx; returns if the value fits, else throws
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
                    if (n.input(0).kind == Kind.FLOAT) {
                        asm.movd(EAX, xmmUse(n.input(0), XMM0)); // zero-extended, as the baseline returns a float
                    } else if (n.input(0).kind.isFloating()) {
                        asm.movq(RAX, xmmUse(n.input(0), XMM0));
                    } else {
                        Reg r = use(n.input(0), RAX);
                        if (r != RAX) {
                            asm.mov(RAX, r);
                        }
                    }
                }
                restoreCalleeSaved();
                asm.leave();
                asm.ret();
            }
        }
    }

    /**
     * {@code System.arraycopy}: the arguments pushed as for the method, then the stub both tiers call
     * ({@link JvmSequences#arrayCopyStub}).
     */
    private void arrayCopy(Node n) {
        save(savedAcross(n));
        for (Node argument : n.inputs) {
            push(argument);
        }
        asm.call(JvmSequences.ARRAY_COPY_STUB);
        asm.add(RSP, Imm.of(8L * n.inputs.length));
        restore(savedAcross(n));
    }

    private void integerBinary(Node n) {
        int bits = n.kind.bits();
        Node a = n.input(0);
        Node b = n.input(1);
        boolean commutative = n.op != Op.SUB;
        Reg t = target(n, RAX);
        if (commutative && a.isConstant() && !b.isConstant()) { // an immediate operand instead of a load
            Node swap = a;
            a = b;
            b = swap;
        }
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
        if (n.kind == Kind.FLOAT) {
            switch (n.op) {
                case ADD -> asm.addss(t, right);
                case SUB -> asm.subss(t, right);
                case MUL -> asm.mulss(t, right);
                default -> asm.divss(t, right);
            }
        } else {
            switch (n.op) {
                case ADD -> asm.addsd(t, right);
                case SUB -> asm.subsd(t, right);
                case MUL -> asm.mulsd(t, right);
                default -> asm.divsd(t, right);
            }
        }
        defineXmm(n, t);
    }

    /** d2i, d2l, f2i, f2l (JVMS §2.8.3): NaN to 0, out of range to the nearest bound. */
    private void floatingToInteger(Node n) {
        JvmSequences.truncate(asm, xmmUse(n.input(0), XMM0), n.input(0).kind == Kind.DOUBLE,
                n.op == Op.D2L || n.op == Op.F2L);
        define(n, RCX);
    }

    /** dcmpl/dcmpg, fcmpl/fcmpg as a value: -1, 0, 1, and for NaN the node's constant (JVMS §6.5). */
    private void doubleCompare(Node n) {
        Xmm a = xmmUse(n.input(0), XMM0);
        JvmSequences.compare(asm, a, xmmSource(n.input(1), XMM1), n.input(0).kind == Kind.DOUBLE, (int) n.constant);
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
            case 2 -> 'F';
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
        if (descriptor == 'F') {
            Xmm t = xmmTarget(n, XMM0);
            asm.movss(t, m);
            defineXmm(n, t);
            return;
        }
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
        if (value.kind == Kind.FLOAT) {
            asm.movss(m, xmmUse(value, XMM0));
        } else if (value.kind.isFloating()) {
            asm.movsd(m, xmmUse(value, XMM0));
        } else {
            asm.mov(m, use(value, RDX).withBits(size * 8));
        }
    }

    private void push(Node n) {
        if (n.isConstant() && fitsInt(n.constant)) {
            asm.push(Imm.of(n.constant));
        } else if (n.kind == Kind.FLOAT) { // zero-extended, as the baseline passes a float
            asm.movd(EAX, xmmUse(n, XMM0));
            asm.push(RAX);
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
        Object[] registers = convention.registersOf(n);
        if (registers != null) {
            registerCall(n, call, registers);
            return;
        }
        save(savedAcross(n));
        for (Node argument : n.inputs) {
            push(argument);
        }
        if (call.kind() == Host.Call.Kind.VIRTUAL) {
            asm.mov(RAX, Mem.of(64, RSP, 8 * (n.inputs.length - 1)));
            asm.mov(RAX, Mem.of(64, RAX, 0)); // faults on a null receiver: NullPointerException here
            asm.call(Mem.of(64, RAX, call.dispatch()));
        } else if (call.kind() == Host.Call.Kind.INTERFACE) {
            TypeTableCode.interfaceCall(asm, host.typeTableFields(), n.inputs.length - 1, call.dispatch(), call.symbol(),
                    host.runtime("throwIncompatibleInterface", "(Ljava/lang/Object;Ljava/lang/Class;)V"));
        } else {
            asm.call(call.symbol());
        }
        if (n.inputs.length > 0) {
            asm.add(RSP, Imm.of(8L * n.inputs.length));
        }
        restore(savedAcross(n));
        defineResult(n);
    }

    /** A call's result, in rax in both conventions (a double's raw bits). */
    private void defineResult(Node n) {
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
        Block taken = destination(b.successors.get(0));
        Block notTaken = destination(b.successors.get(1));
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
            if (left.kind == Kind.FLOAT) {
                asm.ucomiss(a, xmmSource(right, XMM1));
            } else {
                asm.ucomisd(a, xmmSource(right, XMM1));
            }
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
        if (right.isConstant() && right.constant == 0) {
            asm.test(a, a); // one byte shorter than cmp r, 0; the same flags for every condition here
        } else {
            asm.cmp(a, source(right, bits, RCX));
        }
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
        return labels.get(destination(target));
    }

    /**
     * The block a jump to {@code target} really goes to: past blocks that only jump on. Those blocks are never laid
     * out (but the entry block), and a branch whose destination is the next block laid out falls through: the
     * empty blocks critical-edge splitting leaves cost no {@code jmp} at all.
     */
    private static Block destination(Block target) {
        Block t = target;
        while (onlyJumpsOn(t)) { // ends: a cycle of blocks has a loop header, which is never passed
            t = t.successors.get(0);
        }
        return t;
    }

    private static boolean onlyJumpsOn(Block b) {
        return b.phis.isEmpty() && !b.isLoopHeader && b.nodes.size() == 1 && b.nodes.get(0).op == Op.GOTO
                && b.successors.get(0).phis.isEmpty() && b.successors.get(0) != b;
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
        safepoints.record(asm.callReturnOffsets(), calleeSaved.size(), allocation.spillSlots);
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

    // ---- the register calling convention (RegisterConvention) --------------------------------------------------------

    /**
     * The adapter under {@code symbol}, then the register entry: {@code push rbp; mov rbp, rsp}, the callee-saved
     * registers it must preserve (all five if it makes a call that clobbers them or has a handler, else those it
     * writes), the stack
     * check (whose slow path keeps the argument registers and the other callee-saved ones on the stack around the
     * grower, which clobbers every register and may collect), the zeroed spill slots, and the arguments moved from
     * their registers to their locations. The callee-saved pushes come before the check: the caller's check left
     * 64 bytes of slack for the return address, rbp and these five. Returns the frame's size below rbp.
     * <pre>
     *   [rbp+8] return address   [rbp] caller's rbp   [rbp-8 ...] callee-saved registers   then the spill slots
     * </pre>
     */
    private int registerEntryPrologue(String symbol, boolean pollLoops) {
        RegisterConvention.emitAdapter(asm, symbol, ownArguments);
        start = asm.offset();
        safepoints = new SafepointMaps(allocation, start, asm.callReturnOffsets().size());
        asm.push(RBP);
        asm.mov(RBP, RSP);
        calleeSaved = makesClobberingCall(pollLoops) ? RegisterConvention.CALLEE_SAVED : allocation.calleeSavedInUse();
        calleeSaved.forEach(asm::push);
        List<Location> aroundGrower = new ArrayList<>();
        for (Reg r : RegisterConvention.CALLEE_SAVED) {
            if (!calleeSaved.contains(r)) {
                aroundGrower.add(new Location(r, null, 0));
            }
        }
        for (Object r : ownArguments) {
            aroundGrower.add(registerLocation(r));
        }
        int spillBytes = 8 * allocation.spillSlots;
        host.emitStackCheck(asm, spillBytes + 8L * maxPushedWords(pollLoops), () -> save(aroundGrower),
                () -> restore(aroundGrower));
        safepoints.prologue(asm.callReturnOffsets());
        zeroSpillSlots(allocation.spillSlots);
        List<Transfer> arguments = new ArrayList<>();
        for (Node n : graph.blocks.get(0).nodes) {
            Location to = n.op == Op.PARAM ? at(n) : null;
            if (to != null && allocation.end.get(n) > allocation.position.get(n)) { // used
                int index = ownArguments.length - 1 - (int) n.constant;
                arguments.add(new Transfer(to, registerLocation(ownArguments[index]), null));
            }
        }
        parallelMove(arguments);
        return spillBytes + 8 * calleeSaved.size();
    }

    private static Location registerLocation(Object register) {
        return register instanceof Reg r ? new Location(r, null, 0) : new Location(null, (Xmm) register, 0);
    }

    /**
     * Whether the method makes a call that returns with every register clobbered: a baseline-contract call, a slow
     * path into the runtime, or a loop poll's call of the grower. (Calls that throw do not return.) A handler counts
     * as one: the unwinder arrives with whatever the frames it skipped left in the callee-saved registers and
     * restores none, so the method's epilogue must give its caller back all five.
     */
    private boolean makesClobberingCall(boolean pollLoops) {
        for (Block b : graph.blocks) {
            if (pollLoops && b.isLoopHeader || b.isLanding) {
                return true;
            }
            for (Node n : b.nodes) {
                if (n.op.calls() && !allocation.isRegisterCall(n)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Zeroed spill slots that leave the argument registers alone: {@code push 0} each, or for more than eight a
     * loop of them counted in eax (the baseline's {@code rep stosq} would take rdi and rcx).
     */
    private void zeroSpillSlots(int slots) {
        if (slots <= 8) {
            JvmSequences.allocateZeroedFrame(asm, 8 * slots);
            return;
        }
        Label again = asm.newLabel();
        asm.mov(EAX, Imm.of(slots));
        asm.bind(again);
        asm.push(Imm.of(0));
        asm.dec(EAX);
        asm.jcc(Cond.NE, again);
    }

    /** Before {@code ret}: the callee-saved registers back from below rbp (the spill slots skipped). */
    private void restoreCalleeSaved() {
        if (calleeSaved.isEmpty()) {
            return;
        }
        if (allocation.spillSlots > 0) {
            asm.lea(RSP, Mem.of(64, RBP, -8 * calleeSaved.size()));
        }
        for (int i = calleeSaved.size() - 1; i >= 0; i--) {
            asm.pop(calleeSaved.get(i));
        }
    }

    /**
     * A call of a register entry: the caller-saved registers live across it pushed (the callee-saved ones survive),
     * the arguments moved into their registers as one parallel copy, the result in rax.
     */
    private void registerCall(Node n, Host.Call call, Object[] registers) {
        save(savedAcross(n));
        List<Transfer> arguments = new ArrayList<>();
        for (int i = 0; i < n.inputs.length; i++) {
            Node argument = n.input(i);
            boolean immediate = argument.isConstant() && at(argument) == null;
            arguments.add(new Transfer(registerLocation(registers[i]), immediate ? null : at(argument),
                    immediate ? argument : null));
        }
        parallelMove(arguments);
        asm.call(call.symbol(), RegisterConvention.adapterBytes(registers));
        restore(savedAcross(n));
        defineResult(n);
    }

    /** One move of a parallel copy: to {@code to} from a location, or a constant ({@code constant} not null). */
    private record Transfer(Location to, Location from, Node constant) {
    }

    private static final Location SCRATCH = new Location(RAX, null, 0);

    /**
     * Moves as one parallel copy (every source read before it is overwritten), for phis, a register call's arguments
     * and a register entry's parameters: a move is made once no other pending one reads its destination; a cycle is
     * broken by parking one destination's value in rax (a double's bits too: at a call every XMM register may be a
     * destination). Constants last: they read nothing. Flags are dead at each of these places.
     */
    private void parallelMove(List<Transfer> transfers) {
        List<Transfer> pending = new ArrayList<>();
        for (Transfer t : transfers) {
            if (t.constant() == null && !t.to().equals(t.from())) {
                pending.add(t);
            }
        }
        Map<Location, Location> redirected = new HashMap<>();
        while (!pending.isEmpty()) {
            Transfer ready = null;
            for (Transfer m : pending) {
                boolean read = false;
                for (Transfer other : pending) {
                    if (other != m && redirected.getOrDefault(other.from(), other.from()).equals(m.to())) {
                        read = true;
                        break;
                    }
                }
                if (!read) {
                    ready = m;
                    break;
                }
            }
            if (ready == null) {
                Location parked = pending.get(0).to();
                transfer(SCRATCH, parked);
                redirected.put(parked, SCRATCH);
                continue;
            }
            transfer(ready.to(), redirected.getOrDefault(ready.from(), ready.from()));
            pending.remove(ready);
        }
        for (Transfer t : transfers) {
            if (t.constant() == null) {
                continue;
            }
            long value = t.constant().constant;
            if (t.to().xmm() != null) {
                if (value == 0) {
                    asm.xorpd(t.to().xmm(), t.to().xmm());
                } else {
                    asm.mov(RAX, Imm.of(value));
                    asm.movq(t.to().xmm(), RAX);
                }
            } else if (t.to().reg() != null) {
                loadConstant(t.to().reg(), value);
            } else if (fitsInt(value)) {
                asm.mov(frame(t.to(), 64), Imm.of(value));
            } else {
                asm.mov(RAX, Imm.of(value));
                asm.mov(frame(t.to(), 64), RAX);
            }
        }
    }

    /**
     * One value between any two of a general register, an XMM register and a stack slot; from slot to slot through
     * rdx (only phis move so, where rdx is free: rax may hold a parked value).
     */
    private void transfer(Location to, Location from) {
        Operand source = from.reg() != null ? from.reg() : from.xmm() != null ? from.xmm() : frame(from, 64);
        if (to.inMemory() && from.inMemory()) {
            asm.mov(RDX, source);
            source = RDX;
        }
        if (to.reg() != null) {
            if (source instanceof Xmm x) {
                asm.movq(to.reg(), x);
            } else {
                asm.mov(to.reg(), source);
            }
        } else if (to.xmm() != null) {
            if (source instanceof Reg r) {
                asm.movq(to.xmm(), r);
            } else {
                loadXmm(to.xmm(), source);
            }
        } else if (source instanceof Xmm x) {
            asm.movsd(frame(to, 64), x);
        } else {
            asm.mov(frame(to, 64), source);
        }
    }

    // ---- phi resolution --------------------------------------------------------------------------------------------

    /** The moves into {@code target}'s phis at the end of {@code b}, as one parallel copy. */
    private void phiMoves(Block b, Block target) {
        if (target.phis.isEmpty()) {
            return;
        }
        int index = target.predecessors.indexOf(b);
        List<Transfer> transfers = new ArrayList<>();
        for (Node phi : target.phis) {
            Location to = at(phi);
            Node from = phi.inputs[index];
            if (to != null) {
                boolean immediate = from.isConstant() && at(from) == null;
                transfers.add(new Transfer(to, immediate ? null : at(from), immediate ? from : null));
            }
        }
        parallelMove(transfers);
    }
}
