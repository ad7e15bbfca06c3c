package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.World;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * How a call that links is made — one decision, shared by the analysis (which reaches what the call can run), the
 * baseline and the optimizing tier (which emit it), so that no backend can call what the analysis did not see.
 *
 * <ul>
 *   <li>{@code STATIC}: {@code invokestatic}, after the class's initialization check.</li>
 *   <li>{@code DIRECT}: an instance method that no override can replace — a constructor, {@code super.m()} (JVMS
 *   §6.5 invokespecial: selected from the current class's superclass), a private or final method, or a method of a
 *   final class; the receiver is null-checked, since the call itself does not touch it.</li>
 *   <li>{@code VIRTUAL}: through the receiver class's vtable, by the slot of the selector in {@code receiverType}
 *   ({@code Object} for an interface call of one of Object's methods).</li>
 *   <li>{@code INTERFACE}: through the receiver class's row of the type table ({@link TypeTable}).</li>
 * </ul>
 * A finished analysis can turn the last two into {@code DIRECT} ({@link Program#devirtualized}). A few JDK methods
 * are not called at all ({@link #isInlineIntrinsic}): the backends compile them to inline instructions, and the
 * analysis reaches nothing for them.
 */
public record CallLinking(Kind kind, ClassInfo.Method target, ClassInfo receiverType) {
    public enum Kind { STATIC, DIRECT, VIRTUAL, INTERFACE }

    /** The linking of a call of {@code target}, resolved from {@code owner} by {@code opcode}, in {@code caller}. */
    public static CallLinking of(World world, ClassInfo.Method caller, int opcode, ClassInfo owner, ClassInfo.Method target) {
        switch (opcode) {
            case Opcodes.INVOKESTATIC -> {
                return new CallLinking(Kind.STATIC, target, null);
            }
            case Opcodes.INVOKESPECIAL -> {
                ClassInfo current = caller.owner();
                if (!target.node().name.equals("<init>") && !target.isPrivate() && current.superclass() != null
                        && current.superclass().isSubtypeOf(owner) && !owner.isInterface()) {
                    ClassInfo.Method selected = world.dispatch(current.superclass(), target.selector());
                    return new CallLinking(Kind.DIRECT, selected != null ? selected : target, null);
                }
                return new CallLinking(Kind.DIRECT, target, null);
            }
            default -> {
                if (target.isPrivate() || target.isFinal() || !owner.isInterface() && isFinalClass(owner)) {
                    ClassInfo.Method selected = target.isPrivate() || target.isFinal()
                            ? target : world.dispatch(owner, target.selector());
                    return new CallLinking(Kind.DIRECT, selected != null ? selected : target, null);
                }
                if (opcode == Opcodes.INVOKEINTERFACE && !target.owner().name.equals(World.OBJECT)) {
                    return new CallLinking(Kind.INTERFACE, target, owner);
                }
                ClassInfo receiverType = opcode == Opcodes.INVOKEINTERFACE ? world.require(World.OBJECT) : owner;
                return new CallLinking(Kind.VIRTUAL, target, receiverType);
            }
        }
    }

    /**
     * JDK methods whose whole effect is a few instructions, which the backends compile inline instead of calling
     * (the baseline's {@code MethodCompiler.inlineIntrinsic}): natives, and {@code Math.sqrt}, which delegates to
     * {@code StrictMath.sqrt} (both are the correctly rounded square root, JLS §15.4, which {@code sqrtsd}
     * computes), as the optimizing tier compiles them.
     */
    private static final Set<String> INLINE_INTRINSICS = Set.of("java/lang/Float.floatToRawIntBits(F)I",
            "java/lang/Float.intBitsToFloat(I)F", "java/lang/Double.doubleToRawLongBits(D)J",
            "java/lang/Double.longBitsToDouble(J)D", "java/lang/StrictMath.sqrt(D)D", "java/lang/Math.sqrt(D)D");

    public static boolean isInlineIntrinsic(ClassInfo.Method target) {
        return INLINE_INTRINSICS.contains(target.owner().name + "." + target.node().name + target.node().desc);
    }

    private static boolean isFinalClass(ClassInfo c) {
        return c.node != null && (c.node.access & Opcodes.ACC_FINAL) != 0;
    }

    public String selector() {
        return target.selector();
    }

    boolean dispatches() {
        return kind == Kind.VIRTUAL || kind == Kind.INTERFACE;
    }
}
