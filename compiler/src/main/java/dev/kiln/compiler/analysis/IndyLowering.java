package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Resolves {@code invokedynamic} at build time (closed world: every call site's bootstrap is known) by
 * rewriting it into plain bytecode before the method is compiled:
 * <ul>
 * <li>{@code StringConcatFactory} → a static helper method on the same class that appends to a StringBuilder
 *     following the recipe (JDK 9+ string concatenation, JEP 280);</li>
 * <li>{@code LambdaMetafactory} → a generated class implementing the functional interface, with the captured
 *     values as fields, and a static factory that the call site invokes (the semantics of
 *     {@code LambdaMetafactory.metafactory}, including boxing, unboxing and casts between the erased and
 *     instantiated method types).</li>
 * <li>{@code ObjectMethods} (records' {@code toString}, {@code hashCode}, {@code equals}) → a static helper
 *     with the same results as the JDK's: {@code Name[a=1, b=x]}, {@code 31 * h + hash(component)}, and
 *     component-wise {@code ==} / {@code Float.compare} / {@code Objects.equals}.</li>
 * </ul>
 * Other bootstraps are left in place and the compiler reports them.
 */
final class IndyLowering {
    private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";
    private static final String OBJECT_METHODS = "java/lang/runtime/ObjectMethods";
    /** The name of each string-concatenation helper starts with this (InterruptHandlerRules recognizes them). */
    static final String CONCAT_HELPER_PREFIX = "kiln$concat$";
    /** The name of each generated lambda class contains this. */
    static final String LAMBDA_CLASS_INFIX = "$$Lambda$";
    private static final int FLAG_SERIALIZABLE = 1;
    private static final int FLAG_MARKERS = 2;
    private static final int FLAG_BRIDGES = 4;

    private final World world;
    private int generated;

    IndyLowering(World world) {
        this.world = world;
    }

    void lower(ClassInfo.Method method, Reachability program) {
        InsnList code = method.node().instructions;
        for (AbstractInsnNode insn = code.getFirst(); insn != null; insn = insn.getNext()) {
            if (!(insn instanceof InvokeDynamicInsnNode indy)) {
                continue;
            }
            Linkage.Failure unlinked = bootstrapFailure(indy);
            if (unlinked != null) {
                program.unlinkedCallSite(indy, unlinked);
                continue;
            }
            MethodInsnNode replacement = switch (indy.bsm.getOwner()) {
                case CONCAT_FACTORY -> concat(method.owner(), indy);
                case LAMBDA_FACTORY -> lambda(method.owner(), indy);
                case OBJECT_METHODS -> recordMethod(method.owner(), indy);
                default -> null;
            };
            if (replacement != null) {
                code.set(indy, replacement);
                insn = replacement;
            }
        }
    }

    /**
     * What executing the call site throws on HotSpot when its bootstrap cannot run (JVMS §5.4.3.6): the
     * bootstrap method's class is on no class path ({@code NoClassDefFoundError}) or lacks the method
     * ({@code NoSuchMethodError}), a class of the call site's method type is on no class path
     * ({@code NoClassDefFoundError}), or a factory Kiln lowers gets arguments that do not fit the call site, which
     * the JDK's factory refuses with an exception wrapped in {@code BootstrapMethodError}. Null when the
     * bootstrap runs. These are the marks of a damaged or mismatched class file; like other linkage errors they
     * are thrown when, and only when, the call site runs.
     */
    private Linkage.Failure bootstrapFailure(InvokeDynamicInsnNode indy) {
        ClassInfo owner = world.find(indy.bsm.getOwner()).orElse(null);
        if (owner == null) {
            return new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, world.missingClass(indy.bsm.getOwner()));
        }
        if (world.resolveMethod(owner, indy.bsm.getName(), indy.bsm.getDesc()) == null) {
            return new Linkage.Failure(Linkage.Kind.NO_SUCH_METHOD,
                    "'" + Linkage.signature(owner, indy.bsm.getName(), indy.bsm.getDesc()) + "'");
        }
        for (Type t : Type.getArgumentTypes(indy.desc)) {
            Linkage.Failure missing = missingClass(t);
            if (missing != null) {
                return missing;
            }
        }
        Linkage.Failure missingReturnType = missingClass(Type.getReturnType(indy.desc));
        if (missingReturnType != null) {
            return missingReturnType;
        }
        if (!wellFormed(indy)) {
            return new Linkage.Failure(Linkage.Kind.BOOTSTRAP_METHOD, "bootstrap method initialization exception");
        }
        return null;
    }

    /** The call site's method type names a class on no class path: resolving it fails (JVMS §5.4.3.5). */
    private Linkage.Failure missingClass(Type t) {
        Type element = t.getSort() == Type.ARRAY ? t.getElementType() : t;
        if (element.getSort() != Type.OBJECT || world.find(element.getInternalName()).isPresent()) {
            return null;
        }
        return new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, world.missingClass(element.getInternalName()));
    }

    /**
     * Whether the bootstrap arguments have the kinds and counts the bootstrap's specification asks for
     * (StringConcatFactory, LambdaMetafactory, ObjectMethods javadoc): the lowering relies on them, and a
     * damaged class file can hold anything there.
     */
    private static boolean wellFormed(InvokeDynamicInsnNode indy) {
        Object[] args = indy.bsmArgs;
        Type returned = Type.getReturnType(indy.desc);
        switch (indy.bsm.getOwner()) {
            case CONCAT_FACTORY -> {
                if (!returned.getDescriptor().equals("Ljava/lang/String;")) {
                    return false;
                }
                if (!indy.bsm.getName().equals("makeConcatWithConstants")) {
                    return true;
                }
                if (args.length < 1 || !(args[0] instanceof String recipe)) {
                    return false;
                }
                long values = recipe.chars().filter(c -> c == '\u0001').count();
                long constants = recipe.chars().filter(c -> c == '\u0002').count();
                return values == Type.getArgumentTypes(indy.desc).length && constants == args.length - 1;
            }
            case LAMBDA_FACTORY -> {
                if (args.length < 3 || !isMethodType(args[0]) || !(args[1] instanceof Handle)
                        || !isMethodType(args[2]) || returned.getSort() != Type.OBJECT) {
                    return false;
                }
                if (!indy.bsm.getName().equals("altMetafactory")) {
                    return true;
                }
                if (args.length < 4 || !(args[3] instanceof Integer flags)) {
                    return false;
                }
                int at = 4;
                for (int flag : new int[] {FLAG_MARKERS, FLAG_BRIDGES}) {
                    if ((flags & flag) != 0) {
                        if (at >= args.length || !(args[at] instanceof Integer count) || count < 0
                                || at + 1 + count > args.length) {
                            return false;
                        }
                        for (int i = at + 1; i <= at + count; i++) {
                            boolean fits = flag == FLAG_MARKERS ? args[i] instanceof Type t && t.getSort() == Type.OBJECT
                                    : isMethodType(args[i]);
                            if (!fits) {
                                return false;
                            }
                        }
                        at += 1 + count;
                    }
                }
                return true;
            }
            case OBJECT_METHODS -> {
                if (args.length < 2 || !(args[0] instanceof Type record) || record.getSort() != Type.OBJECT
                        || !(args[1] instanceof String)) {
                    return false;
                }
                for (int i = 2; i < args.length; i++) {
                    if (!(args[i] instanceof Handle)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private static boolean isMethodType(Object constant) {
        return constant instanceof Type t && t.getSort() == Type.METHOD;
    }

    // ---- string concatenation ------------------------------------------------------------------------------

    private MethodInsnNode concat(ClassInfo host, InvokeDynamicInsnNode indy) {
        Type[] args = Type.getArgumentTypes(indy.desc);
        String recipe;
        int constantIndex;
        if (indy.bsm.getName().equals("makeConcatWithConstants")) {
            recipe = (String) indy.bsmArgs[0];
            constantIndex = 1;
        } else {
            recipe = "\u0001".repeat(args.length);
            constantIndex = 0;
        }
        MethodNode helper = new MethodNode(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC,
                CONCAT_HELPER_PREFIX + generated++, indy.desc, null, null);
        InsnList il = helper.instructions;
        il.add(new TypeInsnNode(Opcodes.NEW, "java/lang/StringBuilder"));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V"));
        int arg = 0;
        int local = 0;
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < recipe.length(); i++) {
            char c = recipe.charAt(i);
            if (c == '\u0001' || c == '\u0002') {
                appendLiteral(il, literal);
                if (c == '\u0001') {
                    Type t = args[arg++];
                    il.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), local));
                    local += t.getSize();
                    il.add(append(t));
                } else {
                    Object constant = indy.bsmArgs[constantIndex++];
                    il.add(new LdcInsnNode(constant));
                    il.add(append(constantType(constant)));
                }
            } else {
                literal.append(c);
            }
        }
        appendLiteral(il, literal);
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;"));
        il.add(new InsnNode(Opcodes.ARETURN));
        helper.maxLocals = local;
        helper.maxStack = 4;
        host.node.methods.add(helper);
        return new MethodInsnNode(Opcodes.INVOKESTATIC, host.name, helper.name, helper.desc, host.isInterface());
    }

    private static void appendLiteral(InsnList il, StringBuilder literal) {
        if (literal.length() > 0) {
            il.add(new LdcInsnNode(literal.toString()));
            il.add(append(Type.getType(String.class)));
            literal.setLength(0);
        }
    }

    private static Type constantType(Object constant) {
        if (constant instanceof Integer) {
            return Type.INT_TYPE;
        } else if (constant instanceof Long) {
            return Type.LONG_TYPE;
        } else if (constant instanceof Float) {
            return Type.FLOAT_TYPE;
        } else if (constant instanceof Double) {
            return Type.DOUBLE_TYPE;
        }
        return Type.getType(String.class);
    }

    /** The StringBuilder.append overload javac would pick for a value of type {@code t}. */
    private static MethodInsnNode append(Type t) {
        String param = switch (t.getSort()) {
            case Type.BOOLEAN -> "Z";
            case Type.CHAR -> "C";
            case Type.BYTE, Type.SHORT, Type.INT -> "I";
            case Type.LONG -> "J";
            case Type.FLOAT -> "F";
            case Type.DOUBLE -> "D";
            default -> t.getDescriptor().equals("Ljava/lang/String;") ? "Ljava/lang/String;" : "Ljava/lang/Object;";
        };
        return new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(" + param + ")Ljava/lang/StringBuilder;");
    }

    // ---- records ------------------------------------------------------------------------------------------

    private MethodInsnNode recordMethod(ClassInfo host, InvokeDynamicInsnNode indy) {
        Type record = (Type) indy.bsmArgs[0];
        String names = (String) indy.bsmArgs[1];
        List<Handle> getters = new ArrayList<>();
        for (int i = 2; i < indy.bsmArgs.length; i++) {
            getters.add((Handle) indy.bsmArgs[i]);
        }
        MethodNode helper = new MethodNode(Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC,
                "kiln$record$" + indy.name + "$" + generated++, indy.desc, null, null);
        InsnList il = helper.instructions;
        switch (indy.name) {
            case "toString" -> recordToString(il, record, names.isEmpty() ? new String[0] : names.split(";"), getters);
            case "hashCode" -> recordHashCode(il, getters);
            case "equals" -> recordEquals(il, record, getters);
            default -> {
                return null;
            }
        }
        helper.maxLocals = 2;
        helper.maxStack = 6;
        host.node.methods.add(helper);
        return new MethodInsnNode(Opcodes.INVOKESTATIC, host.name, helper.name, helper.desc, host.isInterface());
    }

    private static void getComponent(InsnList il, int local, Handle getter) {
        il.add(new VarInsnNode(Opcodes.ALOAD, local));
        il.add(new FieldInsnNode(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc()));
    }

    private static void recordToString(InsnList il, Type record, String[] names, List<Handle> getters) {
        String simpleName = record.getClassName().substring(record.getClassName().lastIndexOf('.') + 1);
        simpleName = simpleName.substring(simpleName.lastIndexOf('$') + 1);
        il.add(new TypeInsnNode(Opcodes.NEW, "java/lang/StringBuilder"));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V"));
        for (int i = 0; i < getters.size(); i++) {
            il.add(new LdcInsnNode((i == 0 ? simpleName + "[" : ", ") + names[i] + "="));
            il.add(append(Type.getType(String.class)));
            getComponent(il, 0, getters.get(i));
            il.add(append(Type.getType(getters.get(i).getDesc())));
        }
        il.add(new LdcInsnNode(getters.isEmpty() ? simpleName + "[]" : "]"));
        il.add(append(Type.getType(String.class)));
        il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;"));
        il.add(new InsnNode(Opcodes.ARETURN));
    }

    private static void recordHashCode(InsnList il, List<Handle> getters) {
        il.add(new InsnNode(Opcodes.ICONST_0));
        for (Handle getter : getters) {
            il.add(new IntInsnNode(Opcodes.BIPUSH, 31));
            il.add(new InsnNode(Opcodes.IMUL));
            Type t = Type.getType(getter.getDesc());
            getComponent(il, 0, getter);
            if (t.getSort() < Type.ARRAY) {
                il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxType(t).getInternalName(), "hashCode",
                        Type.getMethodDescriptor(Type.INT_TYPE, t)));
            } else {
                il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/Objects", "hashCode", "(Ljava/lang/Object;)I"));
            }
            il.add(new InsnNode(Opcodes.IADD));
        }
        il.add(new InsnNode(Opcodes.IRETURN));
    }

    private static void recordEquals(InsnList il, Type record, List<Handle> getters) {
        LabelNode notEqual = new LabelNode();
        il.add(new VarInsnNode(Opcodes.ALOAD, 1));
        il.add(new TypeInsnNode(Opcodes.INSTANCEOF, record.getInternalName()));
        il.add(new JumpInsnNode(Opcodes.IFEQ, notEqual));
        for (Handle getter : getters) {
            Type t = Type.getType(getter.getDesc());
            getComponent(il, 0, getter);
            il.add(new VarInsnNode(Opcodes.ALOAD, 1));
            il.add(new TypeInsnNode(Opcodes.CHECKCAST, record.getInternalName()));
            il.add(new FieldInsnNode(Opcodes.GETFIELD, getter.getOwner(), getter.getName(), getter.getDesc()));
            switch (t.getSort()) {
                case Type.LONG -> {
                    il.add(new InsnNode(Opcodes.LCMP));
                    il.add(new JumpInsnNode(Opcodes.IFNE, notEqual));
                }
                case Type.FLOAT, Type.DOUBLE -> {
                    il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, boxType(t).getInternalName(), "compare",
                            Type.getMethodDescriptor(Type.INT_TYPE, t, t)));
                    il.add(new JumpInsnNode(Opcodes.IFNE, notEqual));
                }
                case Type.ARRAY, Type.OBJECT -> {
                    il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, "java/util/Objects", "equals",
                            "(Ljava/lang/Object;Ljava/lang/Object;)Z"));
                    il.add(new JumpInsnNode(Opcodes.IFEQ, notEqual));
                }
                default -> il.add(new JumpInsnNode(Opcodes.IF_ICMPNE, notEqual));
            }
        }
        il.add(new InsnNode(Opcodes.ICONST_1));
        il.add(new InsnNode(Opcodes.IRETURN));
        il.add(notEqual);
        il.add(new InsnNode(Opcodes.ICONST_0));
        il.add(new InsnNode(Opcodes.IRETURN));
    }

    // ---- lambdas -------------------------------------------------------------------------------------------

    private MethodInsnNode lambda(ClassInfo host, InvokeDynamicInsnNode indy) {
        Type samType = (Type) indy.bsmArgs[0];
        Handle impl = (Handle) indy.bsmArgs[1];
        Type instantiated = (Type) indy.bsmArgs[2];
        Type[] captured = Type.getArgumentTypes(indy.desc);
        String iface = Type.getReturnType(indy.desc).getInternalName();
        List<String> interfaces = new ArrayList<>(List.of(iface));
        List<Type> samDescriptors = new ArrayList<>(List.of(samType));
        if (indy.bsm.getName().equals("altMetafactory")) {
            int flags = (Integer) indy.bsmArgs[3];
            int at = 4;
            if ((flags & FLAG_SERIALIZABLE) != 0) {
                interfaces.add("java/io/Serializable"); // javac lists it as a flag, not as a marker
            }
            if ((flags & FLAG_MARKERS) != 0) {
                int count = (Integer) indy.bsmArgs[at++];
                for (int i = 0; i < count; i++) {
                    interfaces.add(((Type) indy.bsmArgs[at++]).getInternalName());
                }
            }
            if ((flags & FLAG_BRIDGES) != 0) {
                int count = (Integer) indy.bsmArgs[at++];
                for (int i = 0; i < count; i++) {
                    samDescriptors.add((Type) indy.bsmArgs[at++]);
                }
            }
        }
        ClassNode lambda = new ClassNode();
        lambda.version = Opcodes.V17;
        lambda.access = Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER;
        lambda.name = host.name + LAMBDA_CLASS_INFIX + generated++;
        lambda.superName = World.OBJECT;
        lambda.interfaces = interfaces;
        for (int i = 0; i < captured.length; i++) {
            lambda.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "arg$" + i, captured[i].getDescriptor(), null, null));
        }
        String constructorDesc = Type.getMethodDescriptor(Type.VOID_TYPE, captured);
        lambda.methods.add(constructor(lambda.name, captured, constructorDesc));
        lambda.methods.add(factory(lambda.name, captured, constructorDesc, indy.desc));
        for (Type sam : samDescriptors) {
            lambda.methods.add(samMethod(lambda.name, indy.name, sam, instantiated, captured, impl));
        }
        world.define(lambda, "generated for a lambda in " + host.javaName(), host.fromKernelTemplate);
        return new MethodInsnNode(Opcodes.INVOKESTATIC, lambda.name, "create", indy.desc, false);
    }

    private static MethodNode constructor(String owner, Type[] captured, String desc) {
        MethodNode m = new MethodNode(Opcodes.ACC_PRIVATE, "<init>", desc, null, null);
        InsnList il = m.instructions;
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, World.OBJECT, "<init>", "()V"));
        int local = 1;
        for (int i = 0; i < captured.length; i++) {
            il.add(new VarInsnNode(Opcodes.ALOAD, 0));
            il.add(new VarInsnNode(captured[i].getOpcode(Opcodes.ILOAD), local));
            il.add(new FieldInsnNode(Opcodes.PUTFIELD, owner, "arg$" + i, captured[i].getDescriptor()));
            local += captured[i].getSize();
        }
        il.add(new InsnNode(Opcodes.RETURN));
        m.maxLocals = local;
        m.maxStack = 3;
        return m;
    }

    private static MethodNode factory(String owner, Type[] captured, String constructorDesc, String desc) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, "create", desc, null, null);
        InsnList il = m.instructions;
        il.add(new TypeInsnNode(Opcodes.NEW, owner));
        il.add(new InsnNode(Opcodes.DUP));
        int local = 0;
        for (Type t : captured) {
            il.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), local));
            local += t.getSize();
        }
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, owner, "<init>", constructorDesc));
        il.add(new InsnNode(Opcodes.ARETURN));
        m.maxLocals = local;
        m.maxStack = 2 + 2 * captured.length;
        return m;
    }

    /** The functional interface method: captured values and arguments, adapted, passed to the implementation. */
    private static MethodNode samMethod(String owner, String name, Type sam, Type instantiated, Type[] captured, Handle impl) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, name, sam.getDescriptor(), null, null);
        InsnList il = m.instructions;
        Type implType = Type.getMethodType(impl.getDesc());
        List<Type> implParams = new ArrayList<>();
        if (impl.getTag() == Opcodes.H_INVOKEVIRTUAL || impl.getTag() == Opcodes.H_INVOKEINTERFACE
                || impl.getTag() == Opcodes.H_INVOKESPECIAL) {
            implParams.add(Type.getObjectType(impl.getOwner()));
        }
        implParams.addAll(List.of(implType.getArgumentTypes()));
        if (impl.getTag() == Opcodes.H_NEWINVOKESPECIAL) {
            il.add(new TypeInsnNode(Opcodes.NEW, impl.getOwner()));
            il.add(new InsnNode(Opcodes.DUP));
        }
        int param = 0;
        for (int i = 0; i < captured.length; i++) {
            il.add(new VarInsnNode(Opcodes.ALOAD, 0));
            il.add(new FieldInsnNode(Opcodes.GETFIELD, owner, "arg$" + i, captured[i].getDescriptor()));
            convert(il, captured[i], implParams.get(param++));
        }
        Type[] samArgs = sam.getArgumentTypes();
        Type[] instantiatedArgs = instantiated.getArgumentTypes();
        int local = 1;
        for (int i = 0; i < samArgs.length; i++) {
            il.add(new VarInsnNode(samArgs[i].getOpcode(Opcodes.ILOAD), local));
            local += samArgs[i].getSize();
            Type specific = i < instantiatedArgs.length ? instantiatedArgs[i] : samArgs[i];
            convert(il, samArgs[i], specific);
            convert(il, specific, implParams.get(param++));
        }
        int opcode = switch (impl.getTag()) {
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESPECIAL, Opcodes.H_NEWINVOKESPECIAL -> Opcodes.INVOKESPECIAL;
            default -> Opcodes.INVOKEVIRTUAL;
        };
        il.add(new MethodInsnNode(opcode, impl.getOwner(), impl.getName(), impl.getDesc(), impl.isInterface()));
        Type produced = impl.getTag() == Opcodes.H_NEWINVOKESPECIAL ? Type.getObjectType(impl.getOwner()) : implType.getReturnType();
        Type wanted = sam.getReturnType();
        if (wanted.getSort() == Type.VOID) {
            if (produced.getSort() != Type.VOID) {
                il.add(new InsnNode(produced.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP));
            }
            il.add(new InsnNode(Opcodes.RETURN));
        } else {
            convert(il, produced, wanted);
            il.add(new InsnNode(wanted.getOpcode(Opcodes.IRETURN)));
        }
        m.maxLocals = local;
        m.maxStack = 4 + 2 * (captured.length + samArgs.length);
        return m;
    }

    /** Casting, boxing, unboxing and primitive widening between two types (LambdaMetafactory's adaptations). */
    static void convert(InsnList il, Type from, Type to) {
        if (from.equals(to) || to.getSort() == Type.VOID) {
            return;
        }
        boolean fromPrimitive = from.getSort() < Type.ARRAY;
        boolean toPrimitive = to.getSort() < Type.ARRAY;
        if (!fromPrimitive && !toPrimitive) {
            if (!to.getInternalName().equals(World.OBJECT)) {
                il.add(new TypeInsnNode(Opcodes.CHECKCAST, to.getInternalName()));
            }
        } else if (fromPrimitive && !toPrimitive) {
            Type box = boxType(from);
            il.add(new MethodInsnNode(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                    Type.getMethodDescriptor(box, from)));
        } else if (!fromPrimitive) {
            Type box = boxType(to);
            String owner = box.getInternalName();
            if (from.getInternalName().equals(World.OBJECT) || !from.equals(box)) {
                // A generic Object, or a Number for a widening unbox: cast to the box of the target.
                owner = from.getInternalName().equals("java/lang/Number") ? "java/lang/Number" : owner;
                il.add(new TypeInsnNode(Opcodes.CHECKCAST, owner));
            }
            il.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, owner, to.getClassName() + "Value",
                    Type.getMethodDescriptor(to)));
        } else {
            widen(il, from, to);
        }
    }

    /** Primitive widening (JLS §5.1.2) between two primitive types, also for VarHandleAccessCode. */
    static void widen(InsnList il, Type from, Type to) {
        int f = from.getSort();
        int t = to.getSort();
        boolean fromInt = f == Type.INT || f == Type.SHORT || f == Type.BYTE || f == Type.CHAR || f == Type.BOOLEAN;
        if (fromInt && t == Type.LONG) {
            il.add(new InsnNode(Opcodes.I2L));
        } else if (fromInt && t == Type.FLOAT) {
            il.add(new InsnNode(Opcodes.I2F));
        } else if (fromInt && t == Type.DOUBLE) {
            il.add(new InsnNode(Opcodes.I2D));
        } else if (f == Type.LONG && t == Type.FLOAT) {
            il.add(new InsnNode(Opcodes.L2F));
        } else if (f == Type.LONG && t == Type.DOUBLE) {
            il.add(new InsnNode(Opcodes.L2D));
        } else if (f == Type.FLOAT && t == Type.DOUBLE) {
            il.add(new InsnNode(Opcodes.F2D));
        }
        // int-to-int kinds (byte/short/char/int) need no instruction: the JVM keeps them all as int
    }

    static Type boxType(Type primitive) {
        return Type.getObjectType(switch (primitive.getSort()) {
            case Type.BOOLEAN -> "java/lang/Boolean";
            case Type.CHAR -> "java/lang/Character";
            case Type.BYTE -> "java/lang/Byte";
            case Type.SHORT -> "java/lang/Short";
            case Type.INT -> "java/lang/Integer";
            case Type.LONG -> "java/lang/Long";
            case Type.FLOAT -> "java/lang/Float";
            default -> "java/lang/Double";
        });
    }
}
