package dev.kiln.compiler.verify;

import java.util.Objects;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * The verification types {@code uninitialized(Offset)} and {@code uninitializedThis} of JVMS §4.10.1.2: an
 * object made by {@code new} (or the {@code this} of a constructor) whose {@code <init>} has not run yet. It may
 * be copied, stored and compared, never used as an object, until {@code invokespecial <init>} turns every copy
 * into the initialized type. ASM's verifiers have no such type; {@link TypeInterpreter} and
 * {@link VerifierFrame} add it.
 */
final class UninitializedValue extends BasicValue {
    /** The {@code new} instruction that made the object, or null for {@code uninitializedThis}. */
    final AbstractInsnNode newInstruction;

    UninitializedValue(Type type, AbstractInsnNode newInstruction) {
        super(type);
        this.newInstruction = newInstruction;
    }

    boolean isThis() {
        return newInstruction == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UninitializedValue u && u.newInstruction == newInstruction && u.getType().equals(getType());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getType(), System.identityHashCode(newInstruction));
    }

    @Override
    public String toString() {
        return isThis() ? "uninitializedThis" : "uninitialized(" + getType().getInternalName() + ")";
    }
}
