package dev.kiln.compiler.verify;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame of locals and operand stack that knows the two rules of uninitialized objects ASM's {@link Frame}
 * lacks (JVMS §4.10.1.9 invokespecial, return): {@code <init>} turns every copy of the object it initializes
 * into the initialized type, and a constructor may not return while {@code this} is uninitialized.
 *
 * <p>The return rule is checked on {@code flagThisUninit} (JVMS §4.10.1.4), not on the values: the flag is
 * set in a constructor's first frame (its {@code this} is {@code uninitializedThis}) and cleared only by the
 * {@code invokespecial <init>} that initializes {@code this}. Overwriting every copy of the uninitialized
 * {@code this} does not clear it, so such a constructor cannot return; a stackmap frame has the flag when one of
 * its locals is {@code uninitializedThis}, and the flag must be carried into every frame the code reaches,
 * exception handlers included (§4.10.1.6: the flags of the current frame must be a subset of the target's).
 * <i>Rejected</i>: deciding by the values at {@code return} (no local or stack entry is
 * {@code uninitializedThis}), which accepts a constructor that stores {@code null} over its {@code this} and
 * returns with the object never initialized.
 */
final class VerifierFrame extends Frame<BasicValue> {
    /** {@code max_stack} in words: ASM's frame counts values, and a long or double is one value but two words. */
    private final int maxStackWords;
    /** JVMS §4.10.1.4 flagThisUninit: this constructor's {@code this} has not been initialized yet. */
    private boolean thisUninitialized;

    VerifierFrame(int locals, int stack) {
        super(locals, stack);
        this.maxStackWords = stack;
    }

    VerifierFrame(Frame<? extends BasicValue> frame) {
        super(frame);
        this.maxStackWords = frame.getMaxStackSize();
    }

    boolean thisUninitialized() {
        return thisUninitialized;
    }

    /** A copy of this frame whose flag is also set if {@code before}'s is. */
    VerifierFrame withFlagsOf(VerifierFrame before) {
        VerifierFrame copy = new VerifierFrame(this);
        copy.thisUninitialized |= before.thisUninitialized;
        return copy;
    }

    @Override
    public Frame<BasicValue> init(Frame<? extends BasicValue> frame) {
        super.init(frame);
        thisUninitialized = frame instanceof VerifierFrame v && v.thisUninitialized;
        return this;
    }

    /** A frame's flag comes from its locals (§4.10.1.4): setting a local to uninitializedThis sets it. */
    @Override
    public void setLocal(int index, BasicValue value) {
        super.setLocal(index, value);
        if (value instanceof UninitializedValue u && u.isThis()) {
            thisUninitialized = true;
        }
    }

    /** Type inference (§4.10.2): {@code this} is initialized at a merge point only if it is on every path. */
    @Override
    public boolean merge(Frame<? extends BasicValue> frame, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        boolean changed = super.merge(frame, interpreter);
        if (frame instanceof VerifierFrame v && v.thisUninitialized && !thisUninitialized) {
            thisUninitialized = true;
            return true;
        }
        return changed;
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
            int arguments = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            BasicValue receiver = getStackSize() > arguments ? getStack(getStackSize() - 1 - arguments) : null;
            super.execute(insn, interpreter);
            if (receiver instanceof UninitializedValue uninitialized) {
                if (uninitialized.isThis()) {
                    thisUninitialized = false;
                }
                BasicValue initialized = interpreter.newValue(uninitialized.getType());
                for (int i = 0; i < getLocals(); i++) {
                    if (uninitialized.equals(getLocal(i))) {
                        setLocal(i, initialized);
                    }
                }
                for (int i = 0; i < getStackSize(); i++) {
                    if (uninitialized.equals(getStack(i))) {
                        setStack(i, initialized);
                    }
                }
            }
            return;
        }
        if (insn.getOpcode() == Opcodes.RETURN && ((TypeInterpreter) interpreter).isConstructor() && thisUninitialized) {
            throw new AnalyzerException(insn, "constructor must call super() or this() before return");
        }
        super.execute(insn, interpreter);
        int words = 0;
        for (int i = 0; i < getStackSize(); i++) {
            words += getStack(i).getSize();
        }
        if (words > maxStackWords) {
            throw new AnalyzerException(insn, "operand stack overflow: " + words + " words, max_stack is " + maxStackWords);
        }
    }
}
