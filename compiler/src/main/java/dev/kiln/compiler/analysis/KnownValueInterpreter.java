package dev.kiln.compiler.analysis;

import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

/**
 * Which values of a method's locals and operand stack the compiler knows at build time, for
 * {@link VarHandleLowering}: class literals ({@code ldc C.class}, and {@code Integer.TYPE} for {@code int.class}),
 * string literals, {@code MethodHandles.Lookup} objects and VarHandles. It runs on ASM's {@code Analyzer}, so a
 * value is followed through locals, {@code dup}s and branches (JVMS §4.10.2 data flow); where two paths bring
 * different values the value is unknown. Everything else is unknown: the analysis only has to see through
 * the code javac writes for {@code static final VarHandle X = MethodHandles.lookup().findVarHandle(C.class,
 * "f", int.class)}, with or without a {@code Lookup} local and a {@code try}.
 *
 * <p><i>Rejected</i>: matching instruction patterns ({@code ldc; ldc; getstatic; invokevirtual}), which breaks
 * on a local {@code Lookup}, on a handle created in a branch, and on any other compiler's instruction order.
 */
final class KnownValueInterpreter extends Interpreter<KnownValueInterpreter.Known> {
    /** A class literal, by field descriptor ({@code "I"}, {@code "[J"}, {@code "Ljava/lang/String;"}). */
    record ClassConstant(String descriptor) {
    }

    /**
     * A {@code MethodHandles.Lookup}: the class whose access it has (internal name), or null when the code got it
     * from somewhere the analysis does not see (a {@code PrivilegedAction}, a parameter).
     */
    record LookupConstant(String lookupClass) {
    }

    /**
     * A {@code java.nio.ByteOrder}: {@code ByteOrder.BIG_ENDIAN}, {@code LITTLE_ENDIAN}, or {@code nativeOrder()}
     * (little-endian: Kiln's only target is x86-64), for {@code MethodHandles.byteArrayViewVarHandle}.
     */
    enum ByteOrderConstant { BIG_ENDIAN, LITTLE_ENDIAN }

    /** The null reference ({@code aconst_null}). */
    enum NullConstant { NULL }

    /**
     * A value no execution produces, such as the result of a call that always throws: where paths merge, the
     * other path's value is the only one that can arrive.
     */
    interface NeverProduced {
    }

    /** One value: its size in slots and what it is, or null when unknown. */
    record Known(int size, Object constant) implements Value {
        @Override
        public int getSize() {
            return size;
        }
    }

    /** Where values the interpreter cannot make up itself come from: VarHandle fields and factory calls. */
    interface Source {
        /** The VarHandle a {@code getstatic} of a VarHandle field reads, or null when unknown. */
        Object varHandleField(FieldInsnNode insn);

        /** What a call returns at build time, given the known arguments (receiver first), or null. */
        Object call(MethodInsnNode insn, List<Known> arguments);
    }

    private static final Known UNKNOWN_1 = new Known(1, null);
    private static final Known UNKNOWN_2 = new Known(2, null);

    private final Source source;

    KnownValueInterpreter(Source source) {
        super(Opcodes.ASM9);
        this.source = source;
    }

    private static Known unknown(int size) {
        return size == 2 ? UNKNOWN_2 : UNKNOWN_1;
    }

    private static Known known(Type type, Object constant) {
        return new Known(type.getSize(), constant);
    }

    @Override
    public Known newValue(Type type) {
        if (type == null) {
            return UNKNOWN_1; // an uninitialized local
        }
        return type.getSort() == Type.VOID ? null : unknown(type.getSize());
    }

    @Override
    public Known newOperation(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.LCONST_0, Opcodes.LCONST_1, Opcodes.DCONST_0, Opcodes.DCONST_1 -> {
                return UNKNOWN_2;
            }
            case Opcodes.ACONST_NULL -> {
                return new Known(1, NullConstant.NULL);
            }
            case Opcodes.LDC -> {
                Object constant = ((LdcInsnNode) insn).cst;
                if (constant instanceof Long || constant instanceof Double) {
                    return UNKNOWN_2;
                }
                if (constant instanceof ConstantDynamic dynamic) {
                    return unknown(Type.getType(dynamic.getDescriptor()).getSize());
                }
                if (constant instanceof String s) {
                    return new Known(1, s);
                }
                if (constant instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                    return new Known(1, new ClassConstant(t.getDescriptor()));
                }
                return UNKNOWN_1;
            }
            case Opcodes.GETSTATIC -> {
                FieldInsnNode field = (FieldInsnNode) insn;
                Type type = Type.getType(field.desc);
                String primitive = primitiveTypeField(field);
                if (primitive != null) {
                    return known(type, new ClassConstant(primitive));
                }
                if (field.desc.equals("L" + VarHandleLowering.VAR_HANDLE + ";")) {
                    return known(type, source.varHandleField(field));
                }
                if (field.owner.equals("java/nio/ByteOrder") && field.desc.equals("Ljava/nio/ByteOrder;")) {
                    return known(type, field.name.equals("BIG_ENDIAN") ? ByteOrderConstant.BIG_ENDIAN
                            : field.name.equals("LITTLE_ENDIAN") ? ByteOrderConstant.LITTLE_ENDIAN : null);
                }
                return unknown(type.getSize());
            }
            default -> {
                return UNKNOWN_1;
            }
        }
    }

    /** {@code Integer.TYPE} and its kind are what javac writes for {@code int.class}. */
    private static String primitiveTypeField(FieldInsnNode field) {
        if (!field.name.equals("TYPE") || !field.desc.equals("Ljava/lang/Class;")) {
            return null;
        }
        return switch (field.owner) {
            case "java/lang/Boolean" -> "Z";
            case "java/lang/Byte" -> "B";
            case "java/lang/Character" -> "C";
            case "java/lang/Short" -> "S";
            case "java/lang/Integer" -> "I";
            case "java/lang/Long" -> "J";
            case "java/lang/Float" -> "F";
            case "java/lang/Double" -> "D";
            default -> null;
        };
    }

    @Override
    public Known copyOperation(AbstractInsnNode insn, Known value) {
        return value;
    }

    @Override
    public Known unaryOperation(AbstractInsnNode insn, Known value) {
        switch (insn.getOpcode()) {
            case Opcodes.CHECKCAST -> {
                if (value.constant() == null && ((TypeInsnNode) insn).desc.equals(VarHandleLowering.LOOKUP)) {
                    return new Known(1, new LookupConstant(null)); // e.g. from AccessController.doPrivileged
                }
                return value;
            }
            case Opcodes.I2L, Opcodes.I2D, Opcodes.L2D, Opcodes.F2L, Opcodes.F2D, Opcodes.D2L, Opcodes.LNEG,
                    Opcodes.DNEG -> {
                return UNKNOWN_2;
            }
            case Opcodes.GETFIELD -> {
                return unknown(Type.getType(((FieldInsnNode) insn).desc).getSize());
            }
            default -> {
                return UNKNOWN_1;
            }
        }
    }

    @Override
    public Known binaryOperation(AbstractInsnNode insn, Known value1, Known value2) {
        return switch (insn.getOpcode()) {
            case Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.LADD, Opcodes.DADD, Opcodes.LSUB, Opcodes.DSUB, Opcodes.LMUL,
                    Opcodes.DMUL, Opcodes.LDIV, Opcodes.DDIV, Opcodes.LREM, Opcodes.DREM, Opcodes.LSHL, Opcodes.LSHR,
                    Opcodes.LUSHR, Opcodes.LAND, Opcodes.LOR, Opcodes.LXOR -> UNKNOWN_2;
            default -> UNKNOWN_1;
        };
    }

    @Override
    public Known ternaryOperation(AbstractInsnNode insn, Known value1, Known value2, Known value3) {
        return UNKNOWN_1;
    }

    @Override
    public Known naryOperation(AbstractInsnNode insn, List<? extends Known> values) {
        int opcode = insn.getOpcode();
        if (opcode == Opcodes.MULTIANEWARRAY) {
            return UNKNOWN_1;
        }
        String desc = opcode == Opcodes.INVOKEDYNAMIC ? ((InvokeDynamicInsnNode) insn).desc
                : ((MethodInsnNode) insn).desc;
        Type returned = Type.getReturnType(desc);
        if (returned.getSort() == Type.VOID) {
            return null;
        }
        Object constant = insn instanceof MethodInsnNode call ? source.call(call, List.copyOf(values)) : null;
        if (constant == null && returned.getInternalName().equals(VarHandleLowering.LOOKUP)) {
            constant = new LookupConstant(null);
        }
        return known(returned, constant);
    }

    @Override
    public void returnOperation(AbstractInsnNode insn, Known value, Known expected) {
    }

    @Override
    public Known merge(Known value1, Known value2) {
        if (value1.equals(value2) || value2.constant() instanceof NeverProduced) {
            return value1;
        }
        if (value1.constant() instanceof NeverProduced) {
            return value2;
        }
        return unknown(Math.min(value1.size(), value2.size()));
    }
}
