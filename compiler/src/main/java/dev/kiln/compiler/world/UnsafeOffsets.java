package dev.kiln.compiler.world;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Build-time answers to {@code jdk.internal.misc.Unsafe}'s layout questions (docs/compiler.md "The class
 * library"): {@code objectFieldOffset(X.class, "name")}, {@code arrayBaseOffset(X[].class)} and
 * {@code arrayIndexScale(X[].class)} with literal arguments, the pattern of the JDK's static initializers
 * ({@code ConcurrentHashMap}, {@code AbstractQueuedSynchronizer}, {@code LockSupport}, the atomics). The call
 * becomes the number; the literals it consumed are dropped. A field that does not exist is a build error here,
 * where HotSpot would throw {@code InternalError} in the class initializer. Calls with other arguments stay
 * calls, and Kiln's {@code Unsafe} then throws an exception that names the field and this rule.
 * <i>Rejected</i>: a run-time table of field names and offsets (image space for every field of the closed
 * world, for a pattern the JDK only ever uses with constants).
 *
 * <p>The JDK's older pattern, {@code U.objectFieldOffset(X.class.getDeclaredField("name"))} ({@code Random},
 * {@code ThreadLocalRandom}'s serialization), asks reflection for a {@code Field} first; {@link
 * #withoutFieldLookups} turns it into the two-literal form when the JDK class is loaded, so it folds the same
 * way and registers nothing for reflection. <i>Rejected</i>: answering the offset from a registered
 * {@code Field} at run time (the lookup would register the class for reflection, about 200 methods of
 * metadata and invokers in every image that uses {@code Random}).
 */
public final class UnsafeOffsets {
    /** A folded call: its value and how many operand-stack slots (receiver and arguments) it consumes. */
    public record Folded(long value, int slots) {
    }

    private static final String CLASS = "java/lang/Class";
    private static final String FIELD_LOOKUP = "getDeclaredField";
    private static final String FIELD_LOOKUP_DESCRIPTOR = "(Ljava/lang/String;)Ljava/lang/reflect/Field;";

    private UnsafeOffsets() {
    }

    /**
     * Rewrites {@code ldc X; ldc "name"; Class.getDeclaredField; Unsafe.objectFieldOffset(Field)} in {@code c}'s
     * methods into {@code ldc X; ldc "name"; Unsafe.objectFieldOffset(Class, String)}, which {@link #fold} then
     * answers at build time. True if it rewrote any call.
     */
    static boolean withoutFieldLookups(ClassNode c) {
        boolean rewritten = false;
        for (MethodNode method : c.methods) {
            for (AbstractInsnNode insn : method.instructions.toArray()) {
                if (insn instanceof MethodInsnNode offset && offset.getOpcode() == Opcodes.INVOKEVIRTUAL
                        && offset.owner.equals(KernelAbi.UNSAFE_CLASS) && offset.name.equals("objectFieldOffset")
                        && offset.desc.equals("(Ljava/lang/reflect/Field;)J")
                        && BytecodeOffsets.previousInstruction(offset) instanceof MethodInsnNode lookup
                        && lookup.getOpcode() == Opcodes.INVOKEVIRTUAL && lookup.owner.equals(CLASS)
                        && lookup.name.equals(FIELD_LOOKUP) && lookup.desc.equals(FIELD_LOOKUP_DESCRIPTOR)
                        && BytecodeOffsets.previousInstruction(lookup) instanceof LdcInsnNode name && name.cst instanceof String
                        && BytecodeOffsets.previousInstruction(name) instanceof LdcInsnNode type && type.cst instanceof Type) {
                    method.instructions.remove(lookup);
                    offset.desc = "(Ljava/lang/Class;Ljava/lang/String;)J";
                    rewritten = true;
                }
            }
        }
        return rewritten;
    }

    /**
     * The folded value of {@code call}, or null when it is not a foldable Unsafe call. {@code problems} receives
     * a build error for a literal that names no such field.
     */
    public static Folded fold(MethodInsnNode call, World world, java.util.function.Consumer<String> problems) {
        if (!call.owner.equals(KernelAbi.UNSAFE_CLASS) || call.getOpcode() != Opcodes.INVOKEVIRTUAL) {
            return null;
        }
        AbstractInsnNode last = BytecodeOffsets.previousInstruction(call);
        switch (call.name + call.desc) {
            case "objectFieldOffset(Ljava/lang/Class;Ljava/lang/String;)J" -> {
                if (!(last instanceof LdcInsnNode nameLdc) || !(nameLdc.cst instanceof String fieldName)
                        || !(BytecodeOffsets.previousInstruction(last) instanceof LdcInsnNode classLdc)
                        || !(classLdc.cst instanceof Type type) || type.getSort() != Type.OBJECT) {
                    return null;
                }
                ClassInfo c = world.require(type.getInternalName());
                world.layout(c);
                ClassInfo.Field field = c.declaredFields.get(fieldName);
                String javaName = type.getClassName();
                if (field == null || field.isStatic()) {
                    problems.accept("Unsafe.objectFieldOffset(" + javaName + ".class, \"" + fieldName + "\"): "
                            + javaName + " declares no instance field " + fieldName + " (HotSpot throws InternalError);"
                            + " name a field the class itself declares"
                            + (c.name.startsWith("java/") ? ", or give Kiln's " + javaName + " the field the JDK's code expects" : ""));
                    return null;
                }
                return new Folded(field.offset(), 3);
            }
            case "arrayBaseOffset(Ljava/lang/Class;)I", "arrayIndexScale(Ljava/lang/Class;)I" -> {
                if (!(last instanceof LdcInsnNode classLdc) || !(classLdc.cst instanceof Type type)
                        || type.getSort() != Type.ARRAY) {
                    return null;
                }
                ClassInfo array = world.require(type.getDescriptor());
                return new Folded(call.name.equals("arrayBaseOffset") ? ClassInfo.ARRAY_BASE_OFFSET : array.elementSize(), 2);
            }
            default -> {
                return null;
            }
        }
    }
}
