package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.World;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.util.Printer;

/**
 * The rules for interrupt handlers, checked on the closed world once it is complete: the
 * {@code InterruptHandler.handle(int)} of every handler class the program instantiates, and everything it can
 * call, must not
 * <ul>
 *   <li><b>allocate</b> — {@code new}, {@code newarray}, {@code anewarray}, {@code multianewarray}, an array's
 *       {@code clone()}, string concatenation, a lambda (Kiln makes an object for every lambda evaluated), boxing
 *       (found as the {@code new} inside {@code Integer.valueOf} and its kind): the heap and its collector are
 *       not reentrant, and an interrupt may arrive in the middle of an allocation;</li>
 *   <li><b>take a monitor</b> — {@code monitorenter} or a {@code synchronized} method: the interrupted code
 *       may hold it, and a handler cannot wait for it to be released;</li>
 *   <li><b>block</b> — {@code Thread.sleep}, {@code Object.wait}, {@code Thread.join}, halting the CPU: there is
 *       no one to switch to, interrupts are disabled, and the interrupted code waits for the handler.</li>
 * </ul>
 * A violation is a build error that names the handler, the rule, and the call chain from the handler to the
 * bytecode that breaks it.
 *
 * <h2>How far it looks</h2>
 * Calls are followed as the compiler links them: a static or special call to the one method it resolves to,
 * a virtual or interface call to the implementation in every instantiated class that could be the receiver
 * (the closed world knows them all). Another handler's {@code handle} reached that way (a wrapper that calls
 * the handler it wraps) is checked as a handler of its own and not again through the wrapper. Not followed:
 * class initializers (a handler's classes must be initialized before it is registered; the kernel initializes
 * its own at boot), the exceptions that compiled code's implicit checks throw (a null reference, an index
 * out of bounds), and code that can only end in a throw ({@link #throwOnly}): an exception raised in a
 * handler is a fault in interrupt context, which the kernel turns into a panic.
 *
 * <p><i>Rejected</i>: an {@code @InterruptHandler} annotation on handler methods — being registered as a
 * handler is already what makes a method one, and an annotation that can be forgotten checks nothing; checking
 * at run time (an allocation flag tested by the heap) — it finds a violation only on the path that runs, long
 * after the build.
 */
final class InterruptHandlerRules {
    /** Violations reported per handler; the rest are counted. */
    private static final int REPORTED_PER_HANDLER = 5;

    private final Reachability program;
    private final World world;
    private final Set<ClassInfo> instantiated;

    InterruptHandlerRules(Reachability program, Set<ClassInfo> instantiated) {
        this.program = program;
        this.world = program.world();
        this.instantiated = instantiated;
    }

    /**
     * Checks the {@code handle} method of every instantiated class that implements the handler interface (made,
     * so it can be registered, whether or not the dispatcher's call has been compiled yet); each violation
     * becomes a problem of the build.
     */
    void check() {
        ClassInfo handlerInterface = world.find(KernelAbi.INTERRUPT_HANDLER).orElse(null);
        if (handlerInterface == null) {
            return;
        }
        List<ClassInfo.Method> handlers = new ArrayList<>();
        for (ClassInfo c : instantiated) {
            ClassInfo.Method handle = c.isSubtypeOf(handlerInterface)
                    ? world.dispatch(c, KernelAbi.INTERRUPT_HANDLER_SELECTOR) : null;
            if (handle != null && !handlers.contains(handle)) {
                handlers.add(handle);
            }
        }
        for (ClassInfo.Method handler : handlers) {
            checkHandler(handler, handlers);
        }
    }

    /** Breadth first, so that each violation is reported with a shortest chain. */
    private void checkHandler(ClassInfo.Method handler, List<ClassInfo.Method> handlers) {
        Map<ClassInfo.Method, ClassInfo.Method> calledFrom = new HashMap<>();
        Deque<ClassInfo.Method> queue = new ArrayDeque<>();
        Map<String, String> violations = new LinkedHashMap<>();
        calledFrom.put(handler, null);
        queue.add(handler);
        while (!queue.isEmpty()) {
            ClassInfo.Method m = queue.removeFirst();
            String path = chain(m, calledFrom);
            if ((m.node().access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                violations.putIfAbsent(path + " (synchronized method)", "takes a monitor");
            }
            List<Integer> offsets = BytecodeOffsets.of(program.classBytes(m.owner()), m.node().name, m.node().desc);
            boolean[] throwOnly = throwOnly(m.node());
            int index = 0;
            for (AbstractInsnNode insn = m.node().instructions.getFirst(); insn != null; insn = insn.getNext()) {
                if (insn.getOpcode() < 0) {
                    continue;
                }
                String site = path + (index < offsets.size() ? " at bytecode offset " + offsets.get(index) : "");
                index++;
                if (throwOnly[m.node().instructions.indexOf(insn)]) {
                    continue;
                }
                String[] broken = brokenRule(insn);
                if (broken != null) {
                    violations.putIfAbsent(site + " (" + broken[1] + ")", broken[0]);
                    continue;
                }
                if (insn instanceof MethodInsnNode call) {
                    for (ClassInfo.Method callee : targets(call)) {
                        if (!calledFrom.containsKey(callee) && !handlers.contains(callee)
                                && !callee.isNative() && !callee.isAbstract()) {
                            calledFrom.put(callee, m);
                            queue.addLast(callee);
                        }
                    }
                }
            }
        }
        int reported = 0;
        for (Map.Entry<String, String> violation : violations.entrySet()) {
            if (reported++ == REPORTED_PER_HANDLER) {
                program.problem(null, -1, "interrupt handler " + handler.fullName() + ": "
                        + (violations.size() - REPORTED_PER_HANDLER) + " more violations of the handler rules");
                break;
            }
            program.problem(null, -1, "interrupt handler " + handler.fullName() + " " + violation.getValue() + ": "
                    + violation.getKey() + "; a handler must not allocate, take a monitor or block — hand the work"
                    + " to kiln.kernel.interrupts.Deferred.post with an object made beforehand");
        }
    }

    /**
     * For each instruction of {@code method} (by index in its instruction list): true if every path from it ends
     * in {@code athrow} — a throw path, such as {@code throw new IllegalArgumentException("bad index " + i)}
     * after a check. Its allocations are part of raising an exception, which in a handler is a fault in
     * interrupt context (a panic at run time), not a handler's normal work, so the rules do not look there.
     * Found backwards over the control-flow graph, exception edges included: an instruction is on a throw path
     * if it can reach an {@code athrow} but no return (an endless loop, such as a halt loop, is no throw path).
     */
    private static boolean[] throwOnly(MethodNode method) {
        InsnList code = method.instructions;
        int n = code.size();
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int successor : successors(code, i)) {
                predecessors.get(successor).add(i);
            }
        }
        for (TryCatchBlockNode block : method.tryCatchBlocks) {
            int handler = code.indexOf(block.handler);
            for (int i = code.indexOf(block.start); i < code.indexOf(block.end); i++) {
                predecessors.get(handler).add(i);
            }
        }
        boolean[] reachesReturn = reachingBackwards(code, predecessors, false);
        boolean[] reachesThrow = reachingBackwards(code, predecessors, true);
        boolean[] throwOnly = new boolean[n];
        for (int i = 0; i < n; i++) {
            throwOnly[i] = reachesThrow[i] && !reachesReturn[i];
        }
        return throwOnly;
    }

    private static List<Integer> successors(InsnList code, int i) {
        AbstractInsnNode insn = code.get(i);
        List<Integer> next = new ArrayList<>();
        int op = insn.getOpcode();
        if (insn instanceof JumpInsnNode jump) {
            next.add(code.indexOf(jump.label));
        } else if (insn instanceof TableSwitchInsnNode table) {
            next.add(code.indexOf(table.dflt));
            table.labels.forEach(label -> next.add(code.indexOf(label)));
            return next;
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            next.add(code.indexOf(lookup.dflt));
            lookup.labels.forEach(label -> next.add(code.indexOf(label)));
            return next;
        }
        boolean fallsThrough = op != Opcodes.GOTO && op != Opcodes.ATHROW
                && (op < Opcodes.IRETURN || op > Opcodes.RETURN);
        if (fallsThrough && i + 1 < code.size()) {
            next.add(i + 1);
        }
        return next;
    }

    /** Instructions from which a return ({@code throwing} false) or an athrow ({@code throwing} true) can be reached. */
    private static boolean[] reachingBackwards(InsnList code, List<List<Integer>> predecessors, boolean throwing) {
        boolean[] reaches = new boolean[code.size()];
        Deque<Integer> work = new ArrayDeque<>();
        for (int i = 0; i < code.size(); i++) {
            int op = code.get(i).getOpcode();
            if (throwing ? op == Opcodes.ATHROW : op >= Opcodes.IRETURN && op <= Opcodes.RETURN) {
                reaches[i] = true;
                work.add(i);
            }
        }
        while (!work.isEmpty()) {
            for (int predecessor : predecessors.get(work.removeFirst())) {
                if (!reaches[predecessor]) {
                    reaches[predecessor] = true;
                    work.add(predecessor);
                }
            }
        }
        return reaches;
    }

    /** {rule, what} if {@code insn} itself breaks a rule, else null. */
    private String[] brokenRule(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.NEW, Opcodes.ANEWARRAY -> {
                return new String[] {"allocates", opcodeName(insn) + " " + ((TypeInsnNode) insn).desc};
            }
            case Opcodes.NEWARRAY, Opcodes.MULTIANEWARRAY -> {
                String what = insn instanceof MultiANewArrayInsnNode multi ? " " + multi.desc : "";
                return new String[] {"allocates", opcodeName(insn) + what};
            }
            case Opcodes.MONITORENTER -> {
                return new String[] {"takes a monitor", "monitorenter"};
            }
            case Opcodes.INVOKEDYNAMIC -> {
                return new String[] {"allocates", "invokedynamic " + ((InvokeDynamicInsnNode) insn).name};
            }
            default -> { }
        }
        if (!(insn instanceof MethodInsnNode call)) {
            return null;
        }
        String callee = KernelAbi.javaName(call.owner) + "." + call.name;
        if (KernelAbi.BLOCKING_METHODS.contains(call.owner + "." + call.name)) {
            return new String[] {"can block", "calls " + callee};
        }
        if (call.name.startsWith(IndyLowering.CONCAT_HELPER_PREFIX)) {
            return new String[] {"allocates", "string concatenation"};
        }
        if (call.owner.contains(IndyLowering.LAMBDA_CLASS_INFIX)) {
            return new String[] {"allocates", "a lambda"};
        }
        if (call.owner.startsWith("[") && call.name.equals("clone")) {
            return new String[] {"allocates", "clone of an array"};
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        if (call.name.equals("valueOf") && BOXES.contains(call.owner) && arguments.length == 1
                && arguments[0].getSort() != Type.OBJECT) {
            return new String[] {"allocates", "boxing: " + callee};
        }
        return null;
    }

    private static final Set<String> BOXES = Set.of("java/lang/Boolean", "java/lang/Byte", "java/lang/Character",
            "java/lang/Short", "java/lang/Integer", "java/lang/Long", "java/lang/Float", "java/lang/Double");

    /** The methods a call can run: the resolved one, or for a virtual call its implementation in each instantiated receiver class. */
    private List<ClassInfo.Method> targets(MethodInsnNode call) {
        if (call.owner.equals(KernelAbi.INTRINSICS_CLASS)) {
            return List.of();
        }
        ClassInfo owner = world.find(call.owner.startsWith("[") ? World.OBJECT : call.owner).orElse(null);
        if (owner == null) {
            return List.of();
        }
        ClassInfo.Method resolved = world.resolveMethod(owner, call.name, call.desc);
        if (resolved == null) {
            return List.of();
        }
        boolean dispatched = (call.getOpcode() == Opcodes.INVOKEVIRTUAL || call.getOpcode() == Opcodes.INVOKEINTERFACE)
                && !resolved.isPrivate() && !resolved.isFinal();
        if (!dispatched) {
            return List.of(resolved);
        }
        List<ClassInfo.Method> implementations = new ArrayList<>();
        for (ClassInfo c : instantiated) {
            if (c.isSubtypeOf(owner)) {
                ClassInfo.Method m = world.dispatch(c, resolved.selector());
                if (m != null && !implementations.contains(m)) {
                    implementations.add(m);
                }
            }
        }
        return implementations;
    }

    /** "a.B.handle -> a.C.grow": how the handler reaches {@code m}. */
    private static String chain(ClassInfo.Method m, Map<ClassInfo.Method, ClassInfo.Method> calledFrom) {
        List<String> names = new ArrayList<>();
        for (ClassInfo.Method at = m; at != null; at = calledFrom.get(at)) {
            names.add(0, at.displayName());
        }
        return String.join(" -> ", names);
    }

    private static String opcodeName(AbstractInsnNode insn) {
        return Printer.OPCODES[insn.getOpcode()].toLowerCase(Locale.ROOT);
    }
}
