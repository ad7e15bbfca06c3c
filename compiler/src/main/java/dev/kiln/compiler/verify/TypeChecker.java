package dev.kiln.compiler.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Verification by type checking (JVMS §4.10.1), for class files of version 50 and later: one pass over the
 * code in order, with the {@code StackMapTable} frames (read by ASM with {@code EXPAND_FRAMES}, so that every
 * frame arrives as a {@link FrameNode} holding all locals and stack entries) as the types at every branch
 * target, exception handler and instruction after an unconditional jump. Each instruction's effect is
 * ASM's {@link Frame#execute} driven by {@link TypeInterpreter}; this class adds what makes it a type checker:
 * <ul>
 * <li>a frame must exist at each branch, switch and handler target and after {@code goto}, {@code return},
 * {@code athrow} and the switches ("Expecting a stackmap frame");
 * <li>the current types must be assignable to the frame's at every frame and at every jump to it
 * (§4.10.1.4 frameIsAssignable);
 * <li>at every instruction inside a try range, the locals must be assignable to the handler frame's, whose
 * stack must accept the caught exception class (§4.10.1.6), checked before and after the instruction (after
 * it with the outgoing locals but the incoming flags, as HotSpot checks: an exception out of {@code super()}
 * leaves {@code this} neither initialized nor usable, so no handler can cover a constructor's {@code super()});
 * <li>{@code flagThisUninit} (a constructor's {@code this} not yet initialized, see {@link VerifierFrame}) is
 * carried into every frame, handlers' included: a frame without an {@code uninitializedThis} local cannot be
 * reached while the flag is set, so a handler around code before {@code super()} cannot return normally;
 * <li>every catch type is a class that exists and is a subclass of {@code Throwable} (HotSpot loads it while
 * verifying; a missing one is a {@code NoClassDefFoundError});
 * <li>the code may not fall off its end.
 * </ul>
 * <i>Rejected</i>: inferring types with ASM's {@code Analyzer} and only comparing the result with the frames.
 * Frames may declare wider types than inference finds, and the type checker must continue from the
 * declared ones: code that only works with the inferred types is rejected by HotSpot.
 */
final class TypeChecker {
    private final TypeInterpreter interpreter;
    private final MethodNode method;
    private final String owner;
    /** For each label: the frame declared where it stands, if any. */
    private final Map<LabelNode, FrameNode> frameAtLabel = new HashMap<>();
    private final Map<FrameNode, Frame<BasicValue>> declaredFrames = new HashMap<>();

    TypeChecker(TypeInterpreter interpreter, String owner, MethodNode method) {
        this.interpreter = interpreter;
        this.owner = owner;
        this.method = method;
    }

    void check() throws AnalyzerException {
        List<LabelNode> pending = new ArrayList<>();
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof LabelNode label) {
                pending.add(label);
            } else if (insn instanceof FrameNode frame) {
                pending.forEach(label -> frameAtLabel.put(label, frame));
                pending.clear();
            } else if (insn.getOpcode() >= 0) {
                pending.clear();
            }
        }
        Frame<BasicValue> current = initialFrame();
        boolean reachable = true;
        for (AbstractInsnNode insn : method.instructions) {
            if (insn instanceof FrameNode declaredNode) {
                Frame<BasicValue> declared = declaredFrame(declaredNode, insn);
                if (reachable) {
                    requireAssignable(current, declared, insn, "the types before the frame");
                }
                current = new VerifierFrame(declared);
                reachable = true;
                continue;
            }
            if (insn.getOpcode() < 0) {
                continue;
            }
            if (!reachable) {
                throw new AnalyzerException(insn, "expecting a stackmap frame at this instruction: it follows an"
                        + " unconditional branch");
            }
            checkHandlers(insn, current);
            Frame<BasicValue> next = new VerifierFrame(current);
            try {
                next.execute(insn, interpreter);
            } catch (IndexOutOfBoundsException e) {
                throw new AnalyzerException(insn, e.getMessage() == null ? "operand stack or locals out of bounds"
                        : e.getMessage().replace("inexistant", "nonexistent"));
            }
            checkHandlers(insn, ((VerifierFrame) next).withFlagsOf((VerifierFrame) current));
            for (LabelNode target : targets(insn)) {
                FrameNode frame = frameAtLabel.get(target);
                if (frame == null) {
                    throw new AnalyzerException(insn, "expecting a stackmap frame at branch target");
                }
                requireAssignable(next, declaredFrame(frame, insn), insn, "the types at the branch");
            }
            reachable = fallsThrough(insn.getOpcode());
            current = next;
        }
        if (reachable) {
            throw new AnalyzerException(method.instructions.getLast(), "falling off the end of the code");
        }
    }

    private Frame<BasicValue> newFrame() {
        Frame<BasicValue> frame = new VerifierFrame(method.maxLocals, method.maxStack);
        frame.setReturn(interpreter.newReturnTypeValue(Type.getReturnType(method.desc)));
        return frame;
    }

    private Frame<BasicValue> initialFrame() {
        Frame<BasicValue> frame = newFrame();
        int local = 0;
        if ((method.access & Opcodes.ACC_STATIC) == 0) {
            frame.setLocal(local++, interpreter.thisValue());
        }
        for (Type argument : Type.getArgumentTypes(method.desc)) {
            frame.setLocal(local++, interpreter.newValue(argument));
            if (argument.getSize() == 2) {
                frame.setLocal(local++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        while (local < method.maxLocals) {
            frame.setLocal(local++, BasicValue.UNINITIALIZED_VALUE);
        }
        return frame;
    }

    /** A declared frame as values; {@code at} is where an error is reported. */
    private Frame<BasicValue> declaredFrame(FrameNode node, AbstractInsnNode at) throws AnalyzerException {
        Frame<BasicValue> known = declaredFrames.get(node);
        if (known == null) {
            known = readFrame(node, at);
            declaredFrames.put(node, known);
        }
        return known;
    }

    private Frame<BasicValue> readFrame(FrameNode node, AbstractInsnNode at) throws AnalyzerException {
        Frame<BasicValue> frame = newFrame();
        int local = 0;
        for (Object item : node.local) {
            BasicValue value = value(item, at);
            if (local + value.getSize() > method.maxLocals) {
                throw new AnalyzerException(at, "StackMapTable error: the frame has more locals than max_locals");
            }
            frame.setLocal(local++, value);
            if (value.getSize() == 2) {
                frame.setLocal(local++, BasicValue.UNINITIALIZED_VALUE);
            }
        }
        while (local < method.maxLocals) {
            frame.setLocal(local++, BasicValue.UNINITIALIZED_VALUE);
        }
        for (Object item : node.stack) {
            try {
                frame.push(value(item, at));
            } catch (IndexOutOfBoundsException e) {
                throw new AnalyzerException(at, "StackMapTable error: the frame's stack is larger than max_stack");
            }
        }
        return frame;
    }

    private BasicValue value(Object item, AbstractInsnNode at) throws AnalyzerException {
        if (item instanceof String className) {
            return interpreter.newValue(Type.getObjectType(className));
        }
        if (item instanceof LabelNode label) {
            AbstractInsnNode newInsn = label.getNext();
            while (newInsn != null && newInsn.getOpcode() < 0) {
                newInsn = newInsn.getNext();
            }
            if (newInsn == null || newInsn.getOpcode() != Opcodes.NEW) {
                throw new AnalyzerException(at, "StackMapTable error: uninitialized type without a new instruction");
            }
            return interpreter.newOperation(newInsn);
        }
        if (item.equals(Opcodes.TOP)) {
            return BasicValue.UNINITIALIZED_VALUE;
        } else if (item.equals(Opcodes.INTEGER)) {
            return BasicValue.INT_VALUE;
        } else if (item.equals(Opcodes.FLOAT)) {
            return BasicValue.FLOAT_VALUE;
        } else if (item.equals(Opcodes.LONG)) {
            return BasicValue.LONG_VALUE;
        } else if (item.equals(Opcodes.DOUBLE)) {
            return BasicValue.DOUBLE_VALUE;
        } else if (item.equals(Opcodes.NULL)) {
            return interpreter.newValue(Type.getObjectType("null"));
        } else if (item.equals(Opcodes.UNINITIALIZED_THIS)) {
            return new UninitializedValue(Type.getObjectType(owner), null);
        }
        throw new AnalyzerException(at, "StackMapTable error: unknown verification type " + item);
    }

    /** §4.10.1.4 frameIsAssignable: same stack height, each type assignable, and the flags a subset. */
    private void requireAssignable(Frame<BasicValue> from, Frame<BasicValue> to, AbstractInsnNode at, String what)
            throws AnalyzerException {
        if (((VerifierFrame) from).thisUninitialized() && !((VerifierFrame) to).thisUninitialized()) {
            throw new AnalyzerException(at, "current frame's flags are not assignable to stack map frame's: this is"
                    + " still uninitialized here (flagThisUninit), and the stackmap frame has no uninitializedThis local ("
                    + what + ")");
        }
        if (from.getStackSize() != to.getStackSize()) {
            throw new AnalyzerException(at, "inconsistent stack height " + from.getStackSize() + " != "
                    + to.getStackSize() + " (" + what + " and the stackmap frame)");
        }
        for (int i = 0; i < from.getLocals(); i++) {
            if (!assignable(from.getLocal(i), to.getLocal(i))) {
                throw new AnalyzerException(at, "type " + from.getLocal(i) + " in local " + i
                        + " is not assignable to the stackmap frame's " + to.getLocal(i) + " (" + what + ")");
            }
        }
        for (int i = 0; i < from.getStackSize(); i++) {
            if (!assignable(from.getStack(i), to.getStack(i))) {
                throw new AnalyzerException(at, "type " + from.getStack(i) + " at stack slot " + i
                        + " is not assignable to the stackmap frame's " + to.getStack(i) + " (" + what + ")");
            }
        }
    }

    private boolean assignable(BasicValue from, BasicValue to) {
        return to == BasicValue.UNINITIALIZED_VALUE || TypeInterpreter.sameType(from, to) || interpreter.isSubTypeOf(from, to);
    }

    private void checkHandlers(AbstractInsnNode insn, Frame<BasicValue> locals) throws AnalyzerException {
        int index = method.instructions.indexOf(insn);
        for (TryCatchBlockNode handler : method.tryCatchBlocks) {
            if (method.instructions.indexOf(handler.start) > index || method.instructions.indexOf(handler.end) <= index) {
                continue;
            }
            FrameNode frame = frameAtLabel.get(handler.handler);
            if (frame == null) {
                throw new AnalyzerException(insn, "expecting a stackmap frame at the exception handler");
            }
            Frame<BasicValue> declared = declaredFrame(frame, insn);
            Frame<BasicValue> thrown = new VerifierFrame(locals);
            thrown.clearStack();
            if (method.maxStack < 1) {
                throw new AnalyzerException(insn, "an exception handler needs max_stack of at least 1");
            }
            thrown.push(interpreter.newValue(Type.getObjectType(handler.type == null ? "java/lang/Throwable" : handler.type)));
            requireAssignable(thrown, declared, insn, "the locals inside the try range and the caught exception");
        }
    }

    private static List<LabelNode> targets(AbstractInsnNode insn) {
        if (insn instanceof JumpInsnNode jump) {
            return List.of(jump.label);
        }
        List<LabelNode> targets = new ArrayList<>();
        if (insn instanceof TableSwitchInsnNode table) {
            targets.add(table.dflt);
            targets.addAll(table.labels);
        } else if (insn instanceof LookupSwitchInsnNode lookup) {
            targets.add(lookup.dflt);
            targets.addAll(lookup.labels);
        }
        return targets;
    }

    private static boolean fallsThrough(int opcode) {
        return switch (opcode) {
            case Opcodes.GOTO, Opcodes.TABLESWITCH, Opcodes.LOOKUPSWITCH, Opcodes.ATHROW, Opcodes.RET, Opcodes.IRETURN,
                 Opcodes.LRETURN, Opcodes.FRETURN, Opcodes.DRETURN, Opcodes.ARETURN, Opcodes.RETURN -> false;
            default -> true;
        };
    }
}
