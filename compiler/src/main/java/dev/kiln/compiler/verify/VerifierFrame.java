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
 * <p>The return rule is checked on the values, not on HotSpot's {@code flagThisUninit}: a constructor that
 * overwrites every copy of its uninitialized {@code this} and returns passes here and fails on HotSpot.
 */
final class VerifierFrame extends Frame<BasicValue> {
    /** {@code max_stack} in words: ASM's frame counts values, and a long or double is one value but two words. */
    private final int maxStackWords;

    VerifierFrame(int locals, int stack) {
        super(locals, stack);
        this.maxStackWords = stack;
    }

    VerifierFrame(Frame<? extends BasicValue> frame) {
        super(frame);
        this.maxStackWords = frame.getMaxStackSize();
    }

    @Override
    public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
        if (insn.getOpcode() == Opcodes.INVOKESPECIAL && ((MethodInsnNode) insn).name.equals("<init>")) {
            int arguments = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            BasicValue receiver = getStackSize() > arguments ? getStack(getStackSize() - 1 - arguments) : null;
            super.execute(insn, interpreter);
            if (receiver instanceof UninitializedValue uninitialized) {
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
        if (insn.getOpcode() == Opcodes.RETURN && ((TypeInterpreter) interpreter).isConstructor() && holdsUninitializedThis()) {
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

    private boolean holdsUninitializedThis() {
        for (int i = 0; i < getLocals(); i++) {
            if (getLocal(i) instanceof UninitializedValue u && u.isThis()) {
                return true;
            }
        }
        for (int i = 0; i < getStackSize(); i++) {
            if (getStack(i) instanceof UninitializedValue u && u.isThis()) {
                return true;
            }
        }
        return false;
    }
}
