package dev.kiln.compiler.opt;

import dev.kiln.compiler.opt.Node.Cond;
import dev.kiln.compiler.opt.Node.Kind;
import dev.kiln.compiler.opt.Node.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Bytecode to SSA by abstract interpretation of the JVM's locals and operand stack, one bytecode block at a
 * time, in bytecode order. A block whose only predecessor is already done takes that predecessor's state as it
 * is; any other block starts with a phi for every local and stack slot that ASM's {@link Analyzer} types at its
 * entry, filled once every predecessor is done; {@link Simplifier} then removes the phis that merge one value
 * (Braun et al., "Simple and Efficient Construction of Static Single Assignment Form", CC 2013, §3.2, with
 * eager phis instead of on-demand ones).
 *
 * <p>A call of a small method that cannot be overridden and cannot throw (no allocation, no array access, no
 * division, no call other than another such method, fields only of its own {@code this}) is inlined: its
 * bytecode is built into the same graph, its returns jumping to a block after the call. Such a method leaves no
 * trace in a stack trace, so inlining it changes none. So is a constructor that, besides, stores only to its own
 * object's fields and calls a superclass constructor that qualifies too: an object it initializes may then not
 * escape the method at all ({@link ScalarReplacement}).
 *
 * <h2>Exception handlers</h2>
 * The unwinder ({@code kiln.runtime.Exceptions.unwind}) enters a handler as it enters the baseline's: {@code rbp}
 * the frame's, {@code rsp = rbp - localsBytes} (the method table's frame size: here the whole slot area, nothing
 * pushed), the exception in {@code rax}, every other register clobbered by the runtime code that ran since the
 * throw. So nothing the handler needs may be in a register when the exception happens:
 * <ul>
 * <li><b>Locals the handler reads</b> (those ASM's frame types at the handler, the merge over its try range) get a
 * frame slot of their own, and every assignment of such a local anywhere in the method is written through to it
 * (HANDLER_STORE, the parameters' in the entry block): the slot holds the local's current value at every
 * instruction, whatever register the value is also in. The handler's landing block reads them back (HANDLER_LOAD)
 * and takes the exception from rax (CATCH), then jumps to the handler's bytecode with that state, as any block
 * gets its predecessor's.</li>
 * <li><b>Exception edges</b>: a node that may throw ({@link Node#mayThrow}: calls, explicit checks, accesses that
 * fault on null, integer division, athrow) inside a try range ends its block, whose successors after the normal
 * one are the landings of the handlers covering it ({@link Node#catches}, innermost first). So dominators, loops
 * and liveness see every path into a handler, and nothing computed after the throwing node counts as available
 * there. Any other value live into a landing (one value numbering merged with an earlier equal one, an invariant
 * hoisted before a loop, a synchronized method's monitor) is kept in its stack slot for its whole life
 * ({@link LinearScan}), so it is there at every throw. The code generator gives each covered node's machine code
 * the handler-table rows of its catches; calls return inside that range and faults are reported at the faulting
 * instruction, so the unwinder's lookup of {@code return address - 1} finds them, and stack traces are unchanged.</li>
 * </ul>
 * <i>Rejected</i>: phis at the handler over the values at every throwing point (C1's exception states): each
 * throwing node would be an edge with its own state, and the register allocator would need moves on edges that
 * machine code never takes (the unwinder jumps straight to the handler), i.e. per-throw-site landing pads with
 * their own handler-table rows: larger tables and code for a rare path. Spilling every value live at any
 * throwing point inside a try range: the same correctness, but a loop whose body is one big try (common: a
 * parser's, an iterator's) would lose every register, where write-through costs one store per assignment of a
 * local the handler reads. Declining such methods (as before): 80 methods of WordFrequency's image, among them
 * loops of the JDK's collections and text code.
 *
 * <h2>Monitors</h2>
 * {@code monitorenter}/{@code monitorexit} call the runtime's routines as the baseline's do (docs/abi.md
 * "Monitors"); javac's handlers that release a synchronized block's monitor are ordinary handlers here. A
 * synchronized method takes its monitor in the entry block, releases it before each return, and every throwing
 * node of its body is also covered, after its own handlers, by a landing that releases the monitor and throws on.
 *
 * <p>Anything outside the supported subset throws {@link Unsupported}, and the baseline compiles the method.
 */
final class GraphBuilder {
    /** Thrown for a method the tier does not compile, with the reason for the build report. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Inline a callee of at most this many instructions at a call site inside a loop. */
    static final int INLINE_SIZE = 48;
    /**
     * Outside loops only callees this small (getters, {@code Math.min}): the call they replace runs once, and a
     * larger body inlined there makes the image larger than the baseline's for nothing measurable.
     */
    static final int INLINE_SIZE_OUTSIDE_LOOPS = 6;
    static final int INLINE_DEPTH = 3;

    private final Graph graph;
    private final Host host;
    private final String owner;
    private final MethodNode method;
    private final int depth;
    private final List<String> inlined;
    private final Frame<BasicValue>[] frames;
    private final Map<LabelNode, Integer> blockOfLabel = new HashMap<>();
    private final List<Integer> blockStarts = new ArrayList<>();
    private final List<Block> entryBlocks = new ArrayList<>();
    private final int[] expectedPredecessors;
    private final List<List<Node[]>> incomingStates = new ArrayList<>();
    private final List<Node[]> entryStates = new ArrayList<>();
    /** For an inlined method: the continuation and the values returned to it, one per returning block. */
    private Block continuation;
    private final List<Node> returnedValues = new ArrayList<>();
    /**
     * For a method inlined to be re-executed where it would throw (see {@link #reexecutable}): the call that
     * runs it for real, its arguments, and which instructions belong to straight-line code ending in athrow.
     */
    private Host.Call reexecute;
    private Node[] reexecuteArguments;
    private boolean[] buildsThrow;
    /** For inlined code: whether the call site that inlined it is inside a loop ({@link #inLoop}); null at the root. */
    private Boolean callSiteInLoop;
    /** Values known not to be null here: an inlined instance method's receiver, checked before the call. */
    private final List<Node> nonNull = new ArrayList<>();
    private Block block;
    private Node[] locals;
    private final List<Node> stack = new ArrayList<>();
    private int line = -1;
    /** The handlers covering the instruction being built ({@link #catchesAt}); for inlined code, its call site's. */
    private List<Graph.Catch> currentCatches;
    private List<List<Graph.Catch>> catchesByInstruction;
    /** For inlined code: the handlers covering the call that inlined it. */
    private List<Graph.Catch> siteCatches;
    private final Map<LabelNode, Block> landingOf = new HashMap<>();
    /** Per JVM local: its frame slot (an offset from rbp) if a handler reads it, else 0. */
    private int[] handlerSlotOfLocal;
    /** A synchronized method's monitor, and the handler that releases it when an exception leaves the method. */
    private Node monitor;
    private Graph.Catch unlocking;

    private GraphBuilder(Graph graph, Host host, String owner, MethodNode method, int depth, List<String> inlined) {
        this.graph = graph;
        this.host = host;
        this.owner = owner;
        this.method = method;
        this.depth = depth;
        this.inlined = inlined;
        try {
            frames = new Analyzer<>(new BasicInterpreter()).analyze(owner, method);
        } catch (AnalyzerException e) {
            throw new Unsupported("does not verify");
        }
        findBlocks();
        expectedPredecessors = new int[blockStarts.size()];
        countEdges();
        assignHandlerSlots();
    }

    /** Builds the SSA graph of {@code method}; the names of the methods inlined go to {@code inlined}. */
    static Graph build(Host host, String owner, MethodNode method, boolean isStatic, List<String> inlined) {
        Graph graph = new Graph();
        GraphBuilder builder = new GraphBuilder(graph, host, owner, method, 0, inlined);
        Block entry = graph.newBlock();
        Type[] args = Type.getArgumentTypes(method.desc);
        int argumentCount = args.length + (isStatic ? 0 : 1);
        Node[] initial = new Node[method.maxLocals];
        int local = 0;
        int slot = 0;
        if (!isStatic) {
            initial[local++] = param(graph, entry, Kind.REF, slot++, argumentCount);
            graph.receiver = initial[0];
        }
        for (Type t : args) {
            initial[local] = param(graph, entry, kindOf(t), slot++, argumentCount);
            local += t.getSize();
        }
        builder.block = entry;
        for (int i = 0; i < initial.length; i++) {
            if (initial[i] != null) {
                builder.writeThrough(i, initial[i]);
            }
        }
        if ((method.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            builder.enterMonitor(entry, initial, isStatic);
        }
        builder.run(entry, initial);
        return graph;
    }

    private static Node param(Graph graph, Block entry, Kind kind, int slot, int argumentCount) {
        Node p = graph.node(Op.PARAM, kind);
        p.constant = argumentCount - 1 - slot; // words above the return address: [rbp + 16 + 8 * constant]
        p.block = entry;
        entry.nodes.add(p);
        return p;
    }

    private void run(Block from, Node[] initialLocals) {
        Block first = graph.newBlock();
        goTo(from, first);
        expectedPredecessors[0]++;
        for (int i = 0; i < blockStarts.size(); i++) {
            entryBlocks.add(i == 0 ? first : graph.newBlock());
            incomingStates.add(new ArrayList<>());
            entryStates.add(null);
        }
        incomingStates.get(0).add(state(initialLocals, List.of()));
        buildLandings();
        for (int i = 0; i < blockStarts.size(); i++) {
            buildBlock(i);
        }
        for (int i = 0; i < blockStarts.size(); i++) {
            fillPhis(i);
        }
    }

    // ---- blocks ------------------------------------------------------------------------------------------------

    private void findBlocks() {
        boolean startNext = true;
        int index = 0;
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
            if (insn instanceof LabelNode label && (isJumpTarget(label) || isHandler(label))) {
                startNext = true;
            }
            if (startNext && insn.getOpcode() >= 0 || startNext && insn instanceof LabelNode) {
                blockStarts.add(index);
                startNext = false;
            }
            if (insn instanceof LabelNode label) {
                blockOfLabel.put(label, blockStarts.size() - 1);
            }
            int op = insn.getOpcode();
            if (insn instanceof JumpInsnNode || op >= Opcodes.IRETURN && op <= Opcodes.RETURN || op == Opcodes.ATHROW
                    || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) {
                startNext = true;
            }
        }
    }

    private boolean isHandler(LabelNode label) {
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.handler == label) {
                return true;
            }
        }
        return false;
    }

    private boolean isJumpTarget(LabelNode label) {
        for (AbstractInsnNode insn = method.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof JumpInsnNode jump && jump.label == label || switchTargets(insn).contains(label)) {
                return true;
            }
        }
        return false;
    }

    /** The targets of a switch, one per key and the default last; empty for any other instruction. */
    private static List<LabelNode> switchTargets(AbstractInsnNode insn) {
        List<LabelNode> targets = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            targets.addAll(table.labels);
            targets.add(table.dflt);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            targets.addAll(lookup.labels);
            targets.add(lookup.dflt);
        }
        return targets;
    }

    private int blockAt(int instructionIndex) {
        int b = 0;
        while (b + 1 < blockStarts.size() && blockStarts.get(b + 1) <= instructionIndex) {
            b++;
        }
        return b;
    }

    private void countEdges() {
        for (int b = 0; b < blockStarts.size(); b++) {
            int end = b + 1 < blockStarts.size() ? blockStarts.get(b + 1) : method.instructions.size();
            AbstractInsnNode last = null;
            for (int i = blockStarts.get(b); i < end; i++) {
                if (method.instructions.get(i).getOpcode() >= 0) {
                    last = method.instructions.get(i);
                }
            }
            if (last == null || frames[method.instructions.indexOf(last)] == null) {
                continue;
            }
            int op = last.getOpcode();
            if (last instanceof JumpInsnNode jump) {
                expectedPredecessors[blockOfLabel.get(jump.label)]++;
            }
            for (LabelNode target : switchTargets(last)) {
                expectedPredecessors[blockOfLabel.get(target)]++;
            }
            boolean fallsThrough = op != Opcodes.GOTO && !(op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
                    && op != Opcodes.ATHROW && op != Opcodes.TABLESWITCH && op != Opcodes.LOOKUPSWITCH;
            if (fallsThrough && b + 1 < blockStarts.size()) {
                expectedPredecessors[b + 1]++;
            }
        }
        for (LabelNode handler : reachableHandlers()) {
            expectedPredecessors[blockOfLabel.get(handler)]++; // from its landing block
        }
    }

    private static Node[] state(Node[] locals, List<Node> stack) {
        Node[] s = new Node[locals.length + stack.size()];
        System.arraycopy(locals, 0, s, 0, locals.length);
        for (int i = 0; i < stack.size(); i++) {
            s[locals.length + i] = stack.get(i);
        }
        return s;
    }

    private void buildBlock(int b) {
        int start = blockStarts.get(b);
        Frame<BasicValue> frame = firstFrame(b);
        if (frame == null) {
            return; // unreachable bytecode
        }
        Block entry = entryBlocks.get(b);
        List<Node[]> incoming = incomingStates.get(b);
        Node[] state;
        if (incoming.size() == expectedPredecessors[b] && incoming.size() == 1) {
            state = incoming.get(0);
        } else {
            state = new Node[method.maxLocals + frame.getStackSize()];
            for (int i = 0; i < state.length; i++) {
                BasicValue v = i < method.maxLocals ? frame.getLocal(i) : frame.getStack(i - method.maxLocals);
                Kind kind = kindOf(v);
                if (kind != null) {
                    Node phi = graph.node(Op.PHI, kind);
                    phi.block = entry;
                    entry.phis.add(phi);
                    state[i] = phi;
                }
            }
        }
        entryStates.set(b, state);
        locals = new Node[method.maxLocals];
        System.arraycopy(state, 0, locals, 0, method.maxLocals);
        stack.clear();
        for (int i = method.maxLocals; i < state.length; i++) {
            stack.add(state[i]);
        }
        block = entry;
        int end = b + 1 < blockStarts.size() ? blockStarts.get(b + 1) : method.instructions.size();
        boolean ended = false;
        for (int i = start; i < end; i++) {
            AbstractInsnNode insn = method.instructions.get(i);
            if (insn instanceof LineNumberNode ln) {
                if (depth == 0) { // inlined code keeps the line of its call: it has no frame of its own
                    line = ln.line;
                }
            } else if (insn.getOpcode() >= 0 && frames[i] != null) {
                currentCatches = depth == 0 ? catchesAt(i) : siteCatches;
                if (reexecute != null && buildsThrow[i]) {
                    callForReal(); // the exception is built and thrown by the method itself, with its own frame
                    ended = true;
                } else {
                    ended = instruction(insn, b);
                }
                if (ended) {
                    break;
                }
            }
        }
        if (!ended && b + 1 < blockStarts.size()) {
            add(Op.GOTO, Kind.VOID);
            jumpTo(b + 1);
        }
    }

    private Frame<BasicValue> firstFrame(int b) {
        int end = b + 1 < blockStarts.size() ? blockStarts.get(b + 1) : method.instructions.size();
        for (int i = blockStarts.get(b); i < end; i++) {
            if (frames[i] != null) {
                return frames[i];
            }
        }
        return null;
    }

    /** The current block ends in an edge to bytecode block {@code target}, with the current state. */
    private void jumpTo(int target) {
        Node[] s = state(locals, stack);
        graphLinkTo(entryBlocks.get(target));
        incomingStates.get(target).add(s);
    }

    private void graphLinkTo(Block target) {
        Graph.link(block, target);
    }

    private void fillPhis(int b) {
        Block entry = entryBlocks.get(b);
        if (entry.phis.isEmpty()) {
            return;
        }
        Node[] state = entryStates.get(b);
        List<Node[]> incoming = incomingStates.get(b);
        for (int slot = 0; slot < state.length; slot++) {
            Node phi = state[slot];
            if (phi == null || phi.op != Op.PHI || phi.block != entry) {
                continue;
            }
            Node[] inputs = new Node[incoming.size()];
            for (int p = 0; p < inputs.length; p++) {
                Node in = slot < incoming.get(p).length ? incoming.get(p)[slot] : null;
                if (in == null || in.kind != phi.kind) {
                    in = phi; // the slot is dead on that path (the verifier typed it by the merge)
                }
                inputs[p] = in;
            }
            phi.inputs = inputs;
        }
    }

    private void goTo(Block from, Block to) {
        Node jump = graph.node(Op.GOTO, Kind.VOID);
        jump.block = from;
        from.nodes.add(jump);
        Graph.link(from, to);
    }

    // ---- instructions ----------------------------------------------------------------------------------------------

    private Node add(Op op, Kind kind, Node... inputs) {
        Node n = graph.node(op, kind, inputs);
        n.block = block;
        n.line = line;
        block.nodes.add(n);
        if (currentCatches != null && !currentCatches.isEmpty() && n.mayThrow()) {
            edgesToHandlers(n);
        }
        return n;
    }

    // ---- exception handlers ----------------------------------------------------------------------------------------

    /** The handlers whose code is reachable (ASM typed a frame there), each label once, in table order. */
    private List<LabelNode> reachableHandlers() {
        List<LabelNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (frames[method.instructions.indexOf(tcb.handler)] != null && !handlers.contains(tcb.handler)) {
                handlers.add(tcb.handler);
            }
        }
        return handlers;
    }

    /**
     * The frame slot of every JVM local a handler's frame types (ASM's merge of the locals over its whole try
     * range), in {@link #handlerSlotOfLocal}; {@link Graph#handlerSlots} counts them.
     */
    private void assignHandlerSlots() {
        handlerSlotOfLocal = new int[method.maxLocals];
        for (LabelNode handler : reachableHandlers()) {
            Frame<BasicValue> frame = frames[method.instructions.indexOf(handler)];
            for (int local = 0; local < method.maxLocals; local++) {
                if (handlerSlotOfLocal[local] == 0 && kindOf(frame.getLocal(local)) != null) {
                    handlerSlotOfLocal[local] = -8 * ++graph.handlerSlots;
                }
            }
        }
    }

    /**
     * Each reachable handler's landing block: the exception (CATCH, rax), the locals its frame types read back from
     * their slots, then a jump to the handler's bytecode with the exception alone on the stack (JVMS §2.10).
     */
    private void buildLandings() {
        if (depth > 0) {
            return; // inlined methods have no handlers (GraphBuilder#inlinable, #reexecutable)
        }
        for (LabelNode handler : reachableHandlers()) {
            int index = method.instructions.indexOf(handler);
            Frame<BasicValue> frame = frames[index];
            Block landing = graph.newBlock();
            landing.isLanding = true;
            landingOf.put(handler, landing);
            block = landing;
            Node exception = add(Op.CATCH, Kind.REF); // first: the loads may go through rax
            locals = new Node[method.maxLocals];
            for (int local = 0; local < method.maxLocals; local++) {
                Kind kind = kindOf(frame.getLocal(local));
                if (kind != null) {
                    locals[local] = add(Op.HANDLER_LOAD, kind);
                    locals[local].constant = handlerSlotOfLocal[local];
                }
            }
            stack.clear();
            stack.add(exception);
            add(Op.GOTO, Kind.VOID);
            jumpTo(blockOfLabel.get(handler));
        }
    }

    /** The handlers covering instruction {@code index}, innermost first, and a synchronized method's unlocking one. */
    private List<Graph.Catch> catchesAt(int index) {
        if (catchesByInstruction == null) {
            catchesByInstruction = new ArrayList<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                catchesByInstruction.add(new ArrayList<>());
            }
            for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
                Block landing = landingOf.get(tcb.handler);
                if (landing == null) {
                    continue;
                }
                if (tcb.type != null && host.classObject(tcb.type) == null) {
                    throw new Unsupported("a catch class that does not link");
                }
                Graph.Catch c = new Graph.Catch(tcb.type, landing);
                for (int i = method.instructions.indexOf(tcb.start); i < method.instructions.indexOf(tcb.end); i++) {
                    catchesByInstruction.get(i).add(c);
                }
            }
            if (unlocking != null) {
                catchesByInstruction.forEach(list -> list.add(unlocking));
            }
        }
        return catchesByInstruction.get(index);
    }

    /**
     * {@code n} may throw inside a try range: the block ends after it, with an exception edge to each covering
     * handler's landing, so that nothing after {@code n} counts as done on the way there.
     */
    private void edgesToHandlers(Node n) {
        n.catches = currentCatches;
        Block thrower = block;
        if (n.op != Op.THROW) {
            List<Graph.Catch> covering = currentCatches;
            currentCatches = null;
            add(Op.GOTO, Kind.VOID);
            currentCatches = covering;
            block = graph.newBlock();
            Graph.link(thrower, block);
        }
        List<Block> linked = new ArrayList<>();
        for (Graph.Catch c : n.catches) {
            if (!linked.contains(c.landing())) {
                linked.add(c.landing());
                Graph.link(thrower, c.landing());
            }
        }
    }

    /** A local assigned: written through to its slot if a handler reads it. */
    private void assign(int local, Node value) {
        locals[local] = value;
        writeThrough(local, value);
    }

    private void writeThrough(int local, Node value) {
        if (depth == 0 && handlerSlotOfLocal[local] != 0) {
            add(Op.HANDLER_STORE, Kind.VOID, value).constant = handlerSlotOfLocal[local];
        }
    }

    // ---- monitors (JVMS §2.11.10) ----------------------------------------------------------------------------------

    /** A monitor routine of the runtime ({@code Support.monitorEnter}, {@code monitorExit}) called on {@code object}. */
    private void monitorCall(String routine, Node object) {
        add(Op.CALL, Kind.VOID, object).target = runtimeCall(routine, "(Ljava/lang/Object;)V");
    }

    private Host.Call runtimeCall(String name, String descriptor) {
        return new Host.Call(Host.Call.Kind.DIRECT, host.runtime(name, descriptor), 0, false, null, null, null);
    }

    /**
     * A synchronized method: its monitor taken in the entry block (outside every range: a failed enter holds
     * nothing), and the landing that covers the whole body after its own handlers, as the baseline's: it releases
     * the monitor and throws the exception on (docs/abi.md "Monitors"). The monitor ({@code this}, or the class
     * object) is live into that landing, so it is in its stack slot there.
     */
    private void enterMonitor(Block entry, Node[] initial, boolean isStatic) {
        block = entry;
        if (isStatic) {
            monitor = add(Op.ADDRESS, Kind.REF);
            monitor.target = classObject(owner);
        } else {
            monitor = initial[0];
        }
        monitorCall("monitorEnter", monitor);
        Block landing = graph.newBlock();
        landing.isLanding = true;
        block = landing;
        Node exception = add(Op.CATCH, Kind.REF);
        monitorCall("monitorExit", monitor);
        add(Op.THROW, Kind.VOID, exception);
        unlocking = new Graph.Catch(null, landing);
    }

    private Node constant(Kind kind, long value) {
        Node n = add(Op.CONST, kind);
        n.constant = value;
        return n;
    }

    private Node pop() {
        return stack.remove(stack.size() - 1);
    }

    private void push(Node n) {
        stack.add(n);
    }

    private static boolean wide(Node n) {
        return n.kind == Kind.LONG || n.kind == Kind.DOUBLE;
    }

    /** Returns true when the instruction ends the block (a jump or a return). */
    private boolean instruction(AbstractInsnNode insn, int b) {
        int op = insn.getOpcode();
        switch (op) {
            case Opcodes.NOP -> { }
            case Opcodes.ACONST_NULL -> push(constant(Kind.REF, 0));
            case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                    Opcodes.ICONST_4, Opcodes.ICONST_5 -> push(constant(Kind.INT, op - Opcodes.ICONST_0));
            case Opcodes.LCONST_0, Opcodes.LCONST_1 -> push(constant(Kind.LONG, op - Opcodes.LCONST_0));
            case Opcodes.DCONST_0, Opcodes.DCONST_1 ->
                    push(constant(Kind.DOUBLE, Double.doubleToRawLongBits(op - Opcodes.DCONST_0)));
            case Opcodes.FCONST_0, Opcodes.FCONST_1, Opcodes.FCONST_2 -> push(floatConstant(op - Opcodes.FCONST_0));
            case Opcodes.BIPUSH, Opcodes.SIPUSH -> push(constant(Kind.INT, ((IntInsnNode) insn).operand));
            case Opcodes.LDC -> ldc(((LdcInsnNode) insn).cst);
            case Opcodes.ILOAD, Opcodes.LLOAD, Opcodes.FLOAD, Opcodes.DLOAD, Opcodes.ALOAD ->
                    push(locals[((VarInsnNode) insn).var]);
            case Opcodes.ISTORE, Opcodes.LSTORE, Opcodes.FSTORE, Opcodes.DSTORE, Opcodes.ASTORE -> {
                int var = ((VarInsnNode) insn).var;
                Node v = pop();
                assign(var, v);
                if (wide(v)) {
                    locals[var + 1] = null;
                }
                if (var > 0 && locals[var - 1] != null && wide(locals[var - 1])) {
                    locals[var - 1] = null;
                }
            }
            case Opcodes.IINC -> {
                IincInsnNode iinc = (IincInsnNode) insn;
                assign(iinc.var, add(Op.ADD, Kind.INT, locals[iinc.var], constant(Kind.INT, iinc.incr)));
            }
            case Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.FALOAD, Opcodes.DALOAD, Opcodes.AALOAD, Opcodes.BALOAD,
                    Opcodes.CALOAD, Opcodes.SALOAD -> {
                Node index = pop();
                Node array = pop();
                Node length = arrayLength(array);
                if (reexecute != null) {
                    callForRealIf(Cond.LT, index, constant(Kind.INT, 0));
                    callForRealIf(Cond.GE, index, length);
                } else {
                    add(Op.BOUNDS_CHECK, Kind.VOID, index, length);
                }
                Node load = add(Op.ARRAY_LOAD, elementKind(op - Opcodes.IALOAD), array, index);
                load.constant = op - Opcodes.IALOAD; // which of the eight loads
                push(load);
            }
            case Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.FASTORE, Opcodes.DASTORE, Opcodes.AASTORE, Opcodes.BASTORE,
                    Opcodes.CASTORE, Opcodes.SASTORE -> {
                Node value = pop();
                Node index = pop();
                Node array = pop();
                Node length = add(Op.ARRAY_LENGTH, Kind.INT, array);
                add(Op.BOUNDS_CHECK, Kind.VOID, index, length);
                if (op == Opcodes.AASTORE) { // after the bounds check (JVMS §6.5 aastore)
                    add(Op.ARRAY_STORE_CHECK, Kind.VOID, array, value);
                }
                Node store = add(Op.ARRAY_STORE, Kind.VOID, array, index, value);
                store.constant = op - Opcodes.IASTORE;
            }
            case Opcodes.POP -> pop();
            case Opcodes.POP2 -> {
                if (!wide(pop())) {
                    pop();
                }
            }
            case Opcodes.DUP -> push(stack.get(stack.size() - 1));
            case Opcodes.DUP_X1 -> {
                Node v1 = pop();
                Node v2 = pop();
                push(v1);
                push(v2);
                push(v1);
            }
            case Opcodes.DUP_X2 -> {
                Node v1 = pop();
                Node v2 = pop();
                if (wide(v2)) {
                    push(v1);
                    push(v2);
                } else {
                    Node v3 = pop();
                    push(v1);
                    push(v3);
                    push(v2);
                }
                push(v1);
            }
            case Opcodes.DUP2 -> {
                Node v1 = pop();
                if (wide(v1)) {
                    push(v1);
                    push(v1);
                } else {
                    Node v2 = pop();
                    push(v2);
                    push(v1);
                    push(v2);
                    push(v1);
                }
            }
            case Opcodes.DUP2_X1 -> {
                Node v1 = pop();
                if (wide(v1)) {
                    Node v2 = pop();
                    push(v1);
                    push(v2);
                    push(v1);
                } else {
                    Node v2 = pop();
                    Node v3 = pop();
                    push(v2);
                    push(v1);
                    push(v3);
                    push(v2);
                    push(v1);
                }
            }
            case Opcodes.SWAP -> {
                Node v1 = pop();
                Node v2 = pop();
                push(v1);
                push(v2);
            }
            case Opcodes.IADD, Opcodes.LADD, Opcodes.FADD, Opcodes.DADD -> binary(Op.ADD, op - Opcodes.IADD);
            case Opcodes.ISUB, Opcodes.LSUB, Opcodes.FSUB, Opcodes.DSUB -> binary(Op.SUB, op - Opcodes.ISUB);
            case Opcodes.IMUL, Opcodes.LMUL, Opcodes.FMUL, Opcodes.DMUL -> binary(Op.MUL, op - Opcodes.IMUL);
            case Opcodes.IDIV, Opcodes.LDIV, Opcodes.FDIV, Opcodes.DDIV -> binary(Op.DIV, op - Opcodes.IDIV);
            case Opcodes.IREM, Opcodes.LREM -> binary(Op.REM, op - Opcodes.IREM);
            case Opcodes.IAND, Opcodes.LAND -> binary(Op.AND, op - Opcodes.IAND);
            case Opcodes.IOR, Opcodes.LOR -> binary(Op.OR, op - Opcodes.IOR);
            case Opcodes.IXOR, Opcodes.LXOR -> binary(Op.XOR, op - Opcodes.IXOR);
            case Opcodes.ISHL, Opcodes.LSHL -> binary(Op.SHL, op - Opcodes.ISHL);
            case Opcodes.ISHR, Opcodes.LSHR -> binary(Op.SHR, op - Opcodes.ISHR);
            case Opcodes.IUSHR, Opcodes.LUSHR -> binary(Op.USHR, op - Opcodes.IUSHR);
            case Opcodes.INEG, Opcodes.LNEG, Opcodes.FNEG, Opcodes.DNEG -> {
                Node v = pop();
                push(add(Op.NEG, v.kind, v));
            }
            case Opcodes.I2L -> push(add(Op.I2L, Kind.LONG, pop()));
            case Opcodes.L2I -> push(add(Op.L2I, Kind.INT, pop()));
            case Opcodes.I2D -> push(add(Op.I2D, Kind.DOUBLE, pop()));
            case Opcodes.L2D -> push(add(Op.L2D, Kind.DOUBLE, pop()));
            case Opcodes.D2I -> push(add(Op.D2I, Kind.INT, pop()));
            case Opcodes.D2L -> push(add(Op.D2L, Kind.LONG, pop()));
            case Opcodes.I2F -> push(add(Op.I2F, Kind.FLOAT, pop()));
            case Opcodes.L2F -> push(add(Op.L2F, Kind.FLOAT, pop()));
            case Opcodes.F2I -> push(add(Op.F2I, Kind.INT, pop()));
            case Opcodes.F2L -> push(add(Op.F2L, Kind.LONG, pop()));
            case Opcodes.F2D -> push(add(Op.F2D, Kind.DOUBLE, pop()));
            case Opcodes.D2F -> push(add(Op.D2F, Kind.FLOAT, pop()));
            case Opcodes.I2B -> push(add(Op.I2B, Kind.INT, pop()));
            case Opcodes.I2C -> push(add(Op.I2C, Kind.INT, pop()));
            case Opcodes.I2S -> push(add(Op.I2S, Kind.INT, pop()));
            case Opcodes.LCMP -> {
                Node right = pop();
                Node left = pop();
                push(add(Op.LCMP, Kind.INT, left, right));
            }
            case Opcodes.FCMPL, Opcodes.FCMPG, Opcodes.DCMPL, Opcodes.DCMPG -> {
                Node right = pop();
                Node left = pop();
                Node cmp = add(Op.DCMP, Kind.INT, left, right);
                cmp.constant = op == Opcodes.DCMPG || op == Opcodes.FCMPG ? 1 : -1;
                push(cmp);
            }
            case Opcodes.IFEQ, Opcodes.IFNE, Opcodes.IFLT, Opcodes.IFGE, Opcodes.IFGT, Opcodes.IFLE -> {
                Node v = pop();
                branch(Cond.values()[op - Opcodes.IFEQ], v, null, (JumpInsnNode) insn, b);
                return true;
            }
            case Opcodes.IF_ICMPEQ, Opcodes.IF_ICMPNE, Opcodes.IF_ICMPLT, Opcodes.IF_ICMPGE, Opcodes.IF_ICMPGT,
                    Opcodes.IF_ICMPLE -> {
                Node right = pop();
                Node left = pop();
                branch(Cond.values()[op - Opcodes.IF_ICMPEQ], left, right, (JumpInsnNode) insn, b);
                return true;
            }
            case Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> {
                Node right = pop();
                Node left = pop();
                branch(op == Opcodes.IF_ACMPEQ ? Cond.EQ : Cond.NE, left, right, (JumpInsnNode) insn, b);
                return true;
            }
            case Opcodes.IFNULL, Opcodes.IFNONNULL -> {
                Node v = pop();
                branch(op == Opcodes.IFNULL ? Cond.EQ : Cond.NE, v, null, (JumpInsnNode) insn, b);
                return true;
            }
            case Opcodes.GOTO -> {
                add(Op.GOTO, Kind.VOID);
                jumpTo(blockOfLabel.get(((JumpInsnNode) insn).label));
                return true;
            }
            case Opcodes.IRETURN, Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.RETURN -> {
                Node value = op == Opcodes.RETURN ? null : pop();
                if (monitor != null && depth == 0) {
                    currentCatches = null; // released: an exception from here on must not release it again
                    monitorCall("monitorExit", monitor);
                }
                if (continuation != null) {
                    add(Op.GOTO, Kind.VOID);
                    graphLinkTo(continuation);
                    returnedValues.add(value);
                } else if (value == null) {
                    add(Op.RETURN, Kind.VOID);
                } else {
                    add(Op.RETURN, Kind.VOID, value);
                }
                return true;
            }
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field((FieldInsnNode) insn);
            case Opcodes.INVOKESTATIC, Opcodes.INVOKESPECIAL, Opcodes.INVOKEVIRTUAL, Opcodes.INVOKEINTERFACE ->
                    invoke((MethodInsnNode) insn);
            case Opcodes.NEW -> {
                Host.Allocation allocation = host.newInstance(((TypeInsnNode) insn).desc);
                if (allocation == null) {
                    throw new Unsupported("new of a class that does not link");
                }
                initCheck(allocation.initCheck());
                Node n = add(Op.NEW, Kind.REF);
                n.target = allocation;
                push(n);
            }
            case Opcodes.NEWARRAY -> newArray("[" + JvmSequences.primitiveArrayElement(((IntInsnNode) insn).operand));
            case Opcodes.ANEWARRAY -> {
                String element = ((TypeInsnNode) insn).desc;
                newArray(element.startsWith("[") ? "[" + element : "[L" + element + ";");
            }
            case Opcodes.ARRAYLENGTH -> push(arrayLength(pop()));
            case Opcodes.ATHROW -> {
                add(Op.THROW, Kind.VOID, pop());
                return true;
            }
            case Opcodes.MONITORENTER -> monitorCall("monitorEnter", pop());
            case Opcodes.MONITOREXIT -> monitorCall("monitorExit", pop());
            case Opcodes.CHECKCAST -> {
                Host.TypeCheck check = typeCheck(((TypeInsnNode) insn).desc);
                if (check.entry() != 0) { // a cast to Object always passes
                    add(Op.CHECKCAST, Kind.VOID, stack.get(stack.size() - 1)).target = check;
                }
            }
            case Opcodes.INSTANCEOF -> {
                Node test = add(Op.INSTANCEOF, Kind.INT, pop());
                test.target = typeCheck(((TypeInsnNode) insn).desc);
                push(test);
            }
            case Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH -> {
                switchChain(insn, pop());
                return true;
            }
            default -> throw new Unsupported("opcode " + org.objectweb.asm.util.Printer.OPCODES[op].toLowerCase());
        }
        return false;
    }

    /** A float constant: its raw bits, zero-extended (the baseline's form of a float in a 64-bit word). */
    private Node floatConstant(float value) {
        return constant(Kind.FLOAT, Float.floatToRawIntBits(value) & 0xFFFF_FFFFL);
    }

    private void ldc(Object constant) {
        if (constant instanceof Integer i) {
            push(constant(Kind.INT, i));
        } else if (constant instanceof Float f) {
            push(floatConstant(f));
        } else if (constant instanceof Long l) {
            push(constant(Kind.LONG, l));
        } else if (constant instanceof Double d) {
            push(constant(Kind.DOUBLE, Double.doubleToRawLongBits(d)));
        } else if (constant instanceof String s) {
            Node n = add(Op.ADDRESS, Kind.REF);
            n.target = host.stringLiteral(s);
            push(n);
        } else if (constant instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            Node n = add(Op.ADDRESS, Kind.REF);
            n.target = classObject(t.getInternalName());
            push(n);
        } else {
            throw new Unsupported("ldc of a " + constant.getClass().getSimpleName());
        }
    }

    private static Kind elementKind(int load) {
        return switch (load) {
            case 1 -> Kind.LONG;
            case 2 -> Kind.FLOAT;
            case 3 -> Kind.DOUBLE;
            case 4 -> Kind.REF;
            default -> Kind.INT;
        };
    }

    private void binary(Op op, int type) {
        Node right = pop();
        Node left = pop();
        Kind kind = switch (type) {
            case 0 -> Kind.INT;
            case 1 -> Kind.LONG;
            case 2 -> Kind.FLOAT;
            default -> Kind.DOUBLE;
        };
        push(add(op, kind, left, right));
    }

    private void branch(Cond cond, Node left, Node right, JumpInsnNode jump, int b) {
        Node test;
        if (right == null && (left.op == Op.LCMP || left.op == Op.DCMP) && left.block == block
                && block.nodes.get(block.nodes.size() - 1) == left) {
            // lcmp/dcmp followed by if<cond>: one compare of the operands (JVMS §6.5 dcmp<op>)
            test = add(Op.IF, Kind.VOID, left.input(0), left.input(1));
            if (left.op == Op.DCMP) {
                doubleCondition(test, cond, left.constant);
            } else {
                test.cond = cond;
            }
        } else {
            if (right == null) {
                right = constant(left.kind, 0);
            }
            test = add(Op.IF, Kind.VOID, left, right);
            test.cond = cond;
        }
        jumpTo(blockOfLabel.get(jump.label));
        if (b + 1 < blockStarts.size()) {
            jumpTo(b + 1);
        }
    }

    /**
     * {@code dcmp<l|g>} then {@code if<cond>} as one branch on an ordered relation: the result for NaN is -1 (dcmpl)
     * or 1 (dcmpg), so e.g. dcmpl+iflt ("a < b or unordered") is "not (a >= b ordered)".
     */
    private static void doubleCondition(Node test, Cond cond, long nanResult) {
        boolean nanTaken = cond.holds(nanResult, 0);
        switch (cond) {
            case EQ, NE -> {
                test.cond = Cond.EQ;
                test.negated = cond == Cond.NE;
            }
            default -> {
                if (nanTaken) {
                    test.cond = cond.negate();
                    test.negated = true;
                } else {
                    test.cond = cond;
                }
            }
        }
    }

    private String classObject(String internalNameOrDescriptor) {
        String symbol = host.classObject(internalNameOrDescriptor);
        if (symbol == null) {
            throw new Unsupported("a class that does not link");
        }
        return symbol;
    }

    private Host.TypeCheck typeCheck(String internalNameOrDescriptor) {
        Host.TypeCheck check = host.typeCheck(internalNameOrDescriptor);
        if (check == null) {
            throw new Unsupported("a class that does not link");
        }
        return check;
    }

    /**
     * A switch as a chain of compares, one block each, in the order of its keys, then a jump to the default (the
     * baseline compiles it the same way): every target gets the state after the key was popped.
     */
    private void switchChain(AbstractInsnNode insn, Node key) {
        List<LabelNode> targets = switchTargets(insn);
        List<Integer> keys = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            for (int k = table.min; k <= table.max; k++) {
                keys.add(k);
            }
        } else {
            keys.addAll(((LookupSwitchInsnNode) insn).keys);
        }
        for (int i = 0; i < keys.size(); i++) {
            Node test = add(Op.IF, Kind.VOID, key, constant(Kind.INT, keys.get(i)));
            test.cond = Cond.EQ;
            jumpTo(blockOfLabel.get(targets.get(i)));
            Block next = graph.newBlock();
            Graph.link(block, next);
            block = next;
        }
        add(Op.GOTO, Kind.VOID);
        jumpTo(blockOfLabel.get(targets.get(targets.size() - 1)));
    }

    private void initCheck(Host.InitCheck check) {
        if (check != null) {
            Node n = add(Op.INIT_CHECK, Kind.VOID);
            n.target = check;
        }
    }

    private void field(FieldInsnNode insn) {
        Kind kind = kindOf(Type.getType(insn.desc));
        switch (insn.getOpcode()) {
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC -> {
                Host.StaticField f = host.staticField(insn.getOpcode(), insn.owner, insn.name, insn.desc);
                if (f == null) {
                    throw new Unsupported("a static field that does not link");
                }
                initCheck(f.initCheck());
                if (insn.getOpcode() == Opcodes.GETSTATIC) {
                    Node n = add(Op.GET_STATIC, kind);
                    n.target = f;
                    push(n);
                } else {
                    add(Op.PUT_STATIC, Kind.VOID, pop()).target = f;
                }
            }
            default -> {
                Host.InstanceField f = insn.getOpcode() == Opcodes.PUTFIELD && depth > 0 && method.name.equals("<init>")
                        ? host.constructorField(owner, method.desc, insn.owner, insn.name, insn.desc)
                        : host.instanceField(owner, insn.getOpcode(), insn.owner, insn.name, insn.desc);
                if (f == null || f.offset() >= 4096) {
                    throw new Unsupported("an instance field that does not link");
                }
                if (insn.getOpcode() == Opcodes.GETFIELD) {
                    Node object = pop();
                    if (reexecute != null && !nonNull.contains(object)) {
                        callForRealIf(Cond.EQ, object, constant(Kind.REF, 0));
                    }
                    Node n = add(Op.GET_FIELD, kind, object);
                    n.target = f;
                    push(n);
                } else {
                    Node value = pop();
                    add(Op.PUT_FIELD, Kind.VOID, pop(), value).target = f;
                }
            }
        }
    }

    private void invoke(MethodInsnNode insn) {
        Host.Call call = host.call(insn.getOpcode(), insn.owner, insn.name, insn.desc, insn.itf);
        if (call == null) {
            throw new Unsupported("call of " + insn.owner + "." + insn.name + insn.desc);
        }
        Type[] args = Type.getArgumentTypes(insn.desc);
        int count = args.length + (insn.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
        Node[] arguments = new Node[count];
        for (int i = count - 1; i >= 0; i--) {
            arguments[i] = pop();
        }
        Type returnType = Type.getReturnType(insn.desc);
        Kind kind = returnType.getSort() == Type.VOID ? Kind.VOID : kindOf(returnType);
        switch (call.kind()) {
            case SQRT -> {
                push(add(Op.SQRT, Kind.DOUBLE, arguments[0]));
                return;
            }
            case GET_CLASS -> {
                push(add(Op.GET_CLASS, Kind.REF, arguments[0]));
                return;
            }
            case ARRAY_COPY -> {
                initCheck(call.initCheck());
                add(Op.ARRAY_COPY, Kind.VOID, arguments).target = call;
                return;
            }
            default -> { }
        }
        initCheck(call.initCheck());
        if (call.nullCheck()) {
            add(Op.NULL_CHECK, Kind.VOID, arguments[0]);
        }
        boolean inLoop = inLoop(insn);
        if (call.inlinable() != null && depth < INLINE_DEPTH
                && (inlinable(call.inlinable(), call.calleeOwner(), inLoop ? INLINE_SIZE : INLINE_SIZE_OUTSIDE_LOOPS)
                || reexecute == null && inLoop && reexecutable(call.inlinable()))) {
            Node result = inline(call, arguments, kind, insn);
            if (kind != Kind.VOID) {
                push(result);
            }
            return;
        }
        Node n = add(Op.CALL, kind, arguments);
        n.target = call;
        if (kind != Kind.VOID) {
            push(n);
        }
    }

    /**
     * Whether the call is inside a loop of the method being compiled (its own or, for inlined code, the call site's
     * that inlined it): only there is re-executable inlining worth its bytes (a branch to the call for real per check).
     */
    private boolean inLoop(MethodInsnNode insn) {
        if (callSiteInLoop != null) {
            return callSiteInLoop;
        }
        int site = method.instructions.indexOf(insn);
        for (AbstractInsnNode i = method.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode jump && method.instructions.indexOf(jump.label) <= site
                    && site < method.instructions.indexOf(jump)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the callee is small and cannot throw (see the class comment), so inlining it changes no trace. A
     * constructor may also store to its own object's fields and call a superclass constructor that passes this
     * test too ({@code Object()} is empty): inlined, the object it initializes may then never escape the method
     * ({@link ScalarReplacement}).
     */
    private boolean inlinable(MethodNode callee, String calleeOwner, int maxSize) {
        if (!callee.tryCatchBlocks.isEmpty() || (callee.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
                | Opcodes.ACC_ABSTRACT)) != 0) {
            return false;
        }
        boolean isStatic = (callee.access & Opcodes.ACC_STATIC) != 0;
        Frame<SourceValue>[] sources = !isStatic && callee.name.equals("<init>") ? sources(calleeOwner, callee) : null;
        int size = 0;
        AbstractInsnNode previous = null;
        int index = -1;
        for (AbstractInsnNode insn = callee.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            index++;
            int op = insn.getOpcode();
            if (op < 0) {
                continue;
            }
            if (++size > maxSize) {
                return false;
            }
            boolean allowed = switch (op) {
                case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM -> previous != null
                        && constantOperand(previous) != null && constantOperand(previous) != 0;
                case Opcodes.PUTFIELD -> sources != null && isThis(sources[index], 1);
                case Opcodes.INVOKESPECIAL -> sources != null && superConstructorInlinable((MethodInsnNode) insn,
                        sources[index], maxSize);
                case Opcodes.GETFIELD -> !isStatic && previous instanceof VarInsnNode v && v.var == 0
                        && v.getOpcode() == Opcodes.ALOAD;
                case Opcodes.ASTORE -> ((VarInsnNode) insn).var != 0;
                case Opcodes.INVOKESTATIC -> ((MethodInsnNode) insn).desc.equals("(D)D")
                        && ((MethodInsnNode) insn).name.equals("sqrt")
                        && List.of("java/lang/Math", "java/lang/StrictMath").contains(((MethodInsnNode) insn).owner);
                default -> op >= Opcodes.NOP && op <= Opcodes.ALOAD || op >= Opcodes.ISTORE && op <= Opcodes.ASTORE
                        || op >= Opcodes.POP && op <= Opcodes.DDIV || op >= Opcodes.INEG && op <= Opcodes.DCMPG
                        && op != Opcodes.DREM && op != Opcodes.FREM || insn instanceof JumpInsnNode jump
                        && op != Opcodes.JSR && callee.instructions.indexOf(jump.label) > callee.instructions.indexOf(jump)
                        || op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
            };
            if (!allowed || op == Opcodes.IALOAD || op >= Opcodes.IALOAD && op <= Opcodes.SALOAD
                    || op >= Opcodes.IASTORE && op <= Opcodes.SASTORE) {
                return false;
            }
            previous = insn;
        }
        return true;
    }

    /** Which instructions produced each local and stack value of a constructor (null: it does not verify). */
    private static Frame<SourceValue>[] sources(String owner, MethodNode constructor) {
        try {
            return new Analyzer<>(new SourceInterpreter()).analyze(owner, constructor);
        } catch (AnalyzerException e) {
            return null;
        }
    }

    /**
     * Whether the stack value {@code below} entries under the top of {@code frame} is the constructor's {@code this}:
     * pushed by {@code aload_0} only ({@link #inlinable} admits no {@code astore} to local 0).
     */
    private static boolean isThis(Frame<SourceValue> frame, int below) {
        if (frame == null || frame.getStackSize() <= below) {
            return false;
        }
        SourceValue value = frame.getStack(frame.getStackSize() - 1 - below);
        return value.insns.size() == 1 && value.insns.iterator().next() instanceof VarInsnNode load
                && load.getOpcode() == Opcodes.ALOAD && load.var == 0;
    }

    /** A constructor's {@code super(...)} or {@code this(...)} call, of a constructor that is inlinable in turn. */
    private boolean superConstructorInlinable(MethodInsnNode insn, Frame<SourceValue> frame, int maxSize) {
        if (!insn.name.equals("<init>") || !isThis(frame, Type.getArgumentTypes(insn.desc).length)) {
            return false;
        }
        Host.Call call = host.call(Opcodes.INVOKESPECIAL, insn.owner, insn.name, insn.desc, insn.itf);
        return call != null && call.kind() == Host.Call.Kind.DIRECT && call.inlinable() != null
                && inlinable(call.inlinable(), call.calleeOwner(), maxSize);
    }

    /**
     * Whether the callee may be inlined to be run again for real wherever it would throw: it has no effect
     * (no store but to its locals, no call, no allocation, no class initialization) outside straight-line code
     * that ends in athrow, so running it from its start with the same arguments does exactly what it would have
     * done, and a throw then happens in its own frame: the stack trace is HotSpot's, the inlined frame in it
     * ({@code String.charAt}'s index check, {@code String.length}'s null check). Inlined, its null checks, index
     * checks and throws become branches to that call, whose result joins the inlined code's.
     * <i>Rejected</i>: inlined frames described in the method table, which the unwinder would expand: a table
     * format, the unwinder and every reader of traces change, for the same traces.
     */
    private static boolean reexecutable(MethodNode callee) {
        if (!callee.tryCatchBlocks.isEmpty() || (callee.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_NATIVE
                | Opcodes.ACC_ABSTRACT)) != 0) {
            return false;
        }
        boolean[] throwing = buildsThrow(callee);
        int size = 0;
        AbstractInsnNode previous = null;
        int index = 0;
        for (AbstractInsnNode insn = callee.instructions.getFirst(); insn != null; insn = insn.getNext(), index++) {
            int op = insn.getOpcode();
            if (op < 0 || throwing[index]) {
                continue;
            }
            if (++size > INLINE_SIZE) {
                return false;
            }
            boolean allowed = switch (op) {
                case Opcodes.IDIV, Opcodes.IREM, Opcodes.LDIV, Opcodes.LREM -> previous != null
                        && constantOperand(previous) != null && constantOperand(previous) != 0;
                case Opcodes.GETFIELD, Opcodes.ARRAYLENGTH, Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.DALOAD,
                        Opcodes.AALOAD, Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD -> true;
                default -> op >= Opcodes.NOP && op <= Opcodes.ALOAD && op != Opcodes.LDC
                        || op == Opcodes.LDC && !(((LdcInsnNode) insn).cst instanceof Type)
                        || op >= Opcodes.ISTORE && op <= Opcodes.ASTORE
                        || op >= Opcodes.POP && op <= Opcodes.DDIV || op >= Opcodes.INEG && op <= Opcodes.DCMPG
                        && op != Opcodes.DREM && op != Opcodes.FREM
                        || insn instanceof JumpInsnNode jump && op != Opcodes.JSR
                        && callee.instructions.indexOf(jump.label) > callee.instructions.indexOf(jump)
                        || op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
            };
            if (!allowed) {
                return false;
            }
            previous = insn;
        }
        return true;
    }

    /**
     * Per instruction: whether it belongs to straight-line code (no label, jump or return in between) that ends
     * in athrow, typically {@code new E; dup; ...; invokespecial E.<init>; athrow}.
     */
    private static boolean[] buildsThrow(MethodNode method) {
        boolean[] result = new boolean[method.instructions.size()];
        boolean throwing = false;
        for (int i = result.length - 1; i >= 0; i--) {
            AbstractInsnNode insn = method.instructions.get(i);
            int op = insn.getOpcode();
            if (op == Opcodes.ATHROW) {
                throwing = true;
            } else if (insn instanceof JumpInsnNode || op >= Opcodes.IRETURN && op <= Opcodes.RETURN
                    || op == Opcodes.TABLESWITCH || op == Opcodes.LOOKUPSWITCH) {
                throwing = false;
            }
            result[i] = throwing;
            if (insn instanceof LabelNode) {
                throwing = false;
            }
        }
        return result;
    }

    /** Re-executable inlined code: the length of an array, checked for null first unless known not null. */
    private Node arrayLength(Node array) {
        if (reexecute != null && !nonNull.contains(array)) {
            callForRealIf(Cond.EQ, array, constant(Kind.REF, 0));
        }
        return add(Op.ARRAY_LENGTH, Kind.INT, array);
    }

    /** Re-executable inlined code: where {@code left cond right}, the method is called for real instead. */
    private void callForRealIf(Cond cond, Node left, Node right) {
        Node test = add(Op.IF, Kind.VOID, left, right);
        test.cond = cond;
        Block slow = graph.newBlock();
        Block fast = graph.newBlock();
        Graph.link(block, slow);
        Graph.link(block, fast);
        block = slow;
        callForReal();
        block = fast;
    }

    /** Re-executable inlined code: the call of the method itself, its result returned to the continuation. */
    private void callForReal() {
        Kind kind = Type.getReturnType(method.desc).getSort() == Type.VOID ? Kind.VOID
                : kindOf(Type.getReturnType(method.desc));
        Node call = add(Op.CALL, kind, reexecuteArguments);
        call.target = reexecute;
        call.rare = true;
        add(Op.GOTO, Kind.VOID);
        graphLinkTo(continuation);
        returnedValues.add(kind == Kind.VOID ? null : call);
    }

    private static Long constantOperand(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return (long) (op - Opcodes.ICONST_0);
        }
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return (long) (op - Opcodes.LCONST_0);
        }
        if (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) {
            return (long) ((IntInsnNode) insn).operand;
        }
        if (insn instanceof LdcInsnNode ldc && (ldc.cst instanceof Integer || ldc.cst instanceof Long)) {
            return ((Number) ldc.cst).longValue();
        }
        return null;
    }

    private Node inline(Host.Call call, Node[] arguments, Kind kind, MethodInsnNode site) {
        MethodNode callee = call.inlinable();
        GraphBuilder inner = new GraphBuilder(graph, host, call.calleeOwner(), callee, depth + 1, inlined);
        inner.continuation = graph.newBlock();
        inner.line = line;
        inner.callSiteInLoop = inLoop(site);
        inner.siteCatches = currentCatches;
        if (!inlinable(callee, call.calleeOwner(), INLINE_SIZE)) {
            inner.reexecute = call;
            inner.reexecuteArguments = arguments;
            inner.buildsThrow = buildsThrow(callee);
            if (call.nullCheck()) {
                inner.nonNull.add(arguments[0]);
            }
        }
        Node[] initial = new Node[callee.maxLocals];
        Type[] args = Type.getArgumentTypes(callee.desc);
        int local = 0;
        int a = 0;
        if ((callee.access & Opcodes.ACC_STATIC) == 0) {
            initial[local++] = arguments[a++];
        }
        for (Type t : args) {
            initial[local] = arguments[a++];
            local += t.getSize();
        }
        inner.run(block, initial);
        block = inner.continuation;
        inlined.add(call.calleeOwner() + "." + callee.name + callee.desc);
        if (kind == Kind.VOID) {
            return null;
        }
        if (inner.returnedValues.size() == 1) {
            return inner.returnedValues.get(0);
        }
        Node phi = graph.node(Op.PHI, kind, inner.returnedValues.toArray(new Node[0]));
        phi.block = block;
        block.phis.add(phi);
        return phi;
    }

    private void newArray(String descriptor) {
        Host.ArrayAllocation allocation = host.newArray(descriptor);
        if (allocation == null) {
            throw new Unsupported("an array class that does not link");
        }
        Node n = add(Op.NEW_ARRAY, Kind.REF, pop());
        n.target = allocation;
        push(n);
    }

    static Kind kindOf(Type t) {
        return switch (t.getSort()) {
            case Type.LONG -> Kind.LONG;
            case Type.DOUBLE -> Kind.DOUBLE;
            case Type.FLOAT -> Kind.FLOAT;
            case Type.OBJECT, Type.ARRAY -> Kind.REF;
            default -> Kind.INT;
        };
    }

    private static Kind kindOf(BasicValue v) {
        if (v == null) {
            return null;
        }
        if (v == BasicValue.INT_VALUE) {
            return Kind.INT;
        }
        if (v == BasicValue.LONG_VALUE) {
            return Kind.LONG;
        }
        if (v == BasicValue.DOUBLE_VALUE) {
            return Kind.DOUBLE;
        }
        if (v == BasicValue.FLOAT_VALUE) {
            return Kind.FLOAT;
        }
        if (v == BasicValue.REFERENCE_VALUE) {
            return Kind.REF;
        }
        return null;
    }
}
