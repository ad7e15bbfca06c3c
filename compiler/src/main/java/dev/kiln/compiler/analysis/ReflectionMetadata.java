package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.RecordComponentNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Reflection metadata as generated code (docs/compiler.md "Reflection"). For a class C registered for reflection
 * the compiler makes one class, {@code C$$KilnReflection}, the way {@link IndyLowering} makes a lambda's class:
 * <ul>
 * <li>it implements {@code kiln.lib.reflect.MemberAccess}: each of {@code invoke}, {@code construct}, {@code get}
 *     and {@code set} is a {@code tableswitch} on the member's index whose cases are the plain bytecode a direct
 *     use of the member would be ({@code invokevirtual}, {@code new}/{@code invokespecial}, {@code getfield}, ...)
 *     with unboxing and boxing around it; {@code initialize} calls an empty static method added to C, so that the
 *     compiler's class-initialization check runs;</li>
 * <li>its static {@code metadata()} makes (once; a static field keeps it) the {@code ClassMetadata}: the
 *     {@code Field}, {@code Method} and {@code Constructor} objects with names, types, modifiers, Signature
 *     strings and annotation instances. {@code Class.reflectionData} holds that method's address.</li>
 * </ul>
 * A runtime-visible annotation A used by a registered class gets a class {@code A$$KilnAnnotation} extending
 * {@code kiln.lib.reflect.AnnotationInstance} and implementing A, with one field per element.
 *
 * <p>So an image pays for reflection only in the classes registered for it, and only through code the normal
 * reachability analysis sees: a method becomes reachable through its invoker only if the program can call
 * {@code Method.invoke} at all. <i>Rejected</i>: the metadata as ready-made objects in the image's data (less
 * code, but annotation values such as enum constants exist only once their class is initialized, and the data
 * would need the reflection classes' layout in the compiler), and one invoker class per member (a Class object
 * and vtable each; a switch costs one table).
 */
final class ReflectionMetadata {
    static final String MEMBER_ACCESS = "kiln/lib/reflect/MemberAccess";
    static final String CLASS_METADATA = "kiln/lib/reflect/ClassMetadata";
    static final String ANNOTATION_BASE = "kiln/lib/reflect/AnnotationInstance";
    /** The generated classes' names end with these. */
    static final String METADATA_SUFFIX = "$$KilnReflection";
    static final String ANNOTATION_SUFFIX = "$$KilnAnnotation";
    /** Methods the compiler adds to classes (IndyLowering's helpers, {@link #INITIALIZE}) start with this; reflection hides them. */
    static final String GENERATED_PREFIX = "kiln$";
    private static final String INITIALIZE = GENERATED_PREFIX + "initialize";
    private static final String METADATA_METHOD = "metadata";
    private static final String CACHE_FIELD = "metadata";
    private static final String CLASS = "java/lang/Class";
    private static final String STRING = "java/lang/String";
    private static final String ANNOTATION = "java/lang/annotation/Annotation";
    private static final String FIELD = "java/lang/reflect/Field";
    private static final String METHOD = "java/lang/reflect/Method";
    private static final String CONSTRUCTOR = "java/lang/reflect/Constructor";
    private static final String RECORD_COMPONENT = "java/lang/reflect/RecordComponent";
    /** JVMS §4.6/§4.5 flags that Method/Field.getModifiers report, as HotSpot masks them. */
    private static final int METHOD_MODIFIERS = 0x1DFF;
    private static final int FIELD_MODIFIERS = 0x50DF;
    /** Member indexes without code: a native method; a member of a class registered for queries only. */
    private static final int NATIVE = -1, QUERY_ONLY = -2;

    private final World world;
    /** Generated annotation classes by annotation interface. */
    private final Map<String, ClassInfo> annotationClasses = new LinkedHashMap<>();
    /** How many metadata classes each class has had (a class registered for public members, then completely). */
    private final Map<String, Integer> versions = new java.util.HashMap<>();

    ReflectionMetadata(World world) {
        this.world = world;
    }

    /**
     * Generates the metadata class of {@code c} and returns its {@code metadata()} method. {@code complete}: every
     * declared member; otherwise only the public ones (a supertype, for inherited lookups). {@code invocable}:
     * with the code to invoke, construct, read and write the members; otherwise for queries only, which is what
     * keeps a registered subclass of a JDK class from making all the JDK class's public methods reachable.
     * {@code classUse} receives every class a signature names, whose Class object the runtime's parser needs.
     */
    ClassInfo.Method generate(ClassInfo c, boolean complete, boolean invocable, Consumer<String> classUse) {
        List<FieldNode> fields = new ArrayList<>();
        for (FieldNode f : c.node.fields) {
            if (complete || (f.access & Opcodes.ACC_PUBLIC) != 0) {
                fields.add(f);
            }
        }
        List<MethodNode> methods = new ArrayList<>();
        List<MethodNode> constructors = new ArrayList<>();
        for (MethodNode m : c.node.methods) {
            if (m.name.equals("<clinit>") || m.name.startsWith(GENERATED_PREFIX)
                    || !complete && (m.access & Opcodes.ACC_PUBLIC) == 0) {
                continue;
            }
            (m.name.equals("<init>") ? constructors : methods).add(m);
        }
        ClassNode meta = new ClassNode();
        meta.version = Opcodes.V17;
        meta.access = Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER;
        int version = versions.merge(c.name, 1, Integer::sum);
        meta.name = c.name + METADATA_SUFFIX + (version == 1 ? "" : "$" + version);
        meta.superName = World.OBJECT;
        meta.interfaces = List.of(MEMBER_ACCESS);
        meta.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, CACHE_FIELD, "L" + CLASS_METADATA + ";",
                null, null));
        meta.methods.add(nullaryConstructor(World.OBJECT));
        meta.methods.add(invoker(c, invocable ? methods : List.of()));
        meta.methods.add(constructorCaller(c, invocable ? constructors : List.of()));
        meta.methods.add(fieldReader(c, invocable ? fields : List.of()));
        meta.methods.add(fieldWriter(c, invocable ? fields : List.of()));
        meta.methods.add(initializer(c));
        meta.methods.add(metadataMaker(c, meta.name, complete, invocable, fields, methods, constructors));
        for (String signature : signatures(c, fields, methods, constructors)) {
            namedClasses(signature, classUse);
        }
        ClassInfo generated = world.define(withMaxs(meta), "generated for reflection on " + c.javaName(),
                c.fromKernelTemplate);
        return generated.declaredMethod(METADATA_METHOD, "()Ljava/lang/Object;");
    }

    /** The node as ASM writes it with the stack and local sizes computed (the compiler's analysis needs them). */
    static ClassNode withMaxs(ClassNode node) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        ClassNode read = new ClassNode();
        new ClassReader(writer.toByteArray()).accept(read, 0);
        return read;
    }

    private static List<String> signatures(ClassInfo c, List<FieldNode> fields, List<MethodNode> methods,
                                           List<MethodNode> constructors) {
        List<String> signatures = new ArrayList<>();
        signatures.add(c.node.signature);
        fields.forEach(f -> signatures.add(f.signature));
        methods.forEach(m -> signatures.add(m.signature));
        constructors.forEach(m -> signatures.add(m.signature));
        if (c.node.recordComponents != null) {
            c.node.recordComponents.forEach(r -> signatures.add(r.signature));
        }
        signatures.removeIf(s -> s == null);
        return signatures;
    }

    /** Every class a Signature attribute names, nested ones by their binary name ({@code Outer$Inner}). */
    private static void namedClasses(String signature, Consumer<String> classUse) {
        new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
            private String current;

            @Override
            public void visitClassType(String name) {
                current = name;
                classUse.accept(name);
            }

            @Override
            public void visitInnerClassType(String name) {
                current = current + "$" + name;
                classUse.accept(current);
            }
        });
    }

    // ---- MemberAccess --------------------------------------------------------------------------------------

    private static MethodNode nullaryConstructor(String superName) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        m.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, superName, "<init>", "()V"));
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /** {@code invoke(int index, Object target, Object[] arguments)}. */
    private MethodNode invoker(ClassInfo c, List<MethodNode> methods) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "invoke", "(ILjava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;",
                null, new String[] {"java/lang/Throwable"});
        List<InsnList> cases = new ArrayList<>();
        for (MethodNode target : methods) {
            InsnList il = new InsnList();
            boolean isStatic = (target.access & Opcodes.ACC_STATIC) != 0;
            if (!invokable(c, target)) {
                cases.add(null);
                continue;
            }
            if (!isStatic) {
                il.add(new VarInsnNode(Opcodes.ALOAD, 2));
                il.add(new TypeInsnNode(Opcodes.CHECKCAST, c.name));
            }
            unpackArguments(il, Type.getArgumentTypes(target.desc), 3);
            int opcode = isStatic ? Opcodes.INVOKESTATIC : c.isInterface() ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL;
            il.add(new MethodInsnNode(opcode, c.name, target.name, target.desc, c.isInterface()));
            Type returned = Type.getReturnType(target.desc);
            if (returned.getSort() == Type.VOID) {
                il.add(new InsnNode(Opcodes.ACONST_NULL));
            } else {
                IndyLowering.convert(il, returned, Type.getType(Object.class));
            }
            il.add(new InsnNode(Opcodes.ARETURN));
            cases.add(il);
        }
        switchOn(m, 1, cases);
        return m;
    }

    /**
     * Whether the method has code to call: not a native method that the compiler cannot compile (only
     * {@code Object.getClass}, an intrinsic, can be).
     */
    private static boolean invokable(ClassInfo c, MethodNode target) {
        return (target.access & Opcodes.ACC_NATIVE) == 0
                || c.name.equals(World.OBJECT) && target.name.equals("getClass");
    }

    /** {@code construct(int index, Object[] arguments)}; none for an abstract class or an enum (the callers refuse those). */
    private static MethodNode constructorCaller(ClassInfo c, List<MethodNode> constructors) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "construct", "(I[Ljava/lang/Object;)Ljava/lang/Object;", null,
                new String[] {"java/lang/Throwable"});
        List<InsnList> cases = new ArrayList<>();
        boolean instantiable = !c.isAbstract() && !c.isInterface() && !c.isEnum();
        for (MethodNode target : constructors) {
            if (!instantiable) {
                cases.add(null);
                continue;
            }
            InsnList il = new InsnList();
            il.add(new TypeInsnNode(Opcodes.NEW, c.name));
            il.add(new InsnNode(Opcodes.DUP));
            unpackArguments(il, Type.getArgumentTypes(target.desc), 2);
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, c.name, "<init>", target.desc, false));
            il.add(new InsnNode(Opcodes.ARETURN));
            cases.add(il);
        }
        switchOn(m, 1, cases);
        return m;
    }

    /** Pushes {@code arguments[i]} of the Object[] in local {@code local}, each cast or unboxed to its type. */
    private static void unpackArguments(InsnList il, Type[] types, int local) {
        for (int i = 0; i < types.length; i++) {
            il.add(new VarInsnNode(Opcodes.ALOAD, local));
            il.add(intConstant(i));
            il.add(new InsnNode(Opcodes.AALOAD));
            IndyLowering.convert(il, Type.getType(Object.class), types[i]);
        }
    }

    /** {@code get(int index, Object target)}. */
    private static MethodNode fieldReader(ClassInfo c, List<FieldNode> fields) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "get", "(ILjava/lang/Object;)Ljava/lang/Object;", null, null);
        List<InsnList> cases = new ArrayList<>();
        for (FieldNode f : fields) {
            InsnList il = new InsnList();
            if ((f.access & Opcodes.ACC_STATIC) != 0) {
                il.add(new FieldInsnNode(Opcodes.GETSTATIC, c.name, f.name, f.desc));
            } else {
                il.add(new VarInsnNode(Opcodes.ALOAD, 2));
                il.add(new TypeInsnNode(Opcodes.CHECKCAST, c.name));
                il.add(new FieldInsnNode(Opcodes.GETFIELD, c.name, f.name, f.desc));
            }
            IndyLowering.convert(il, Type.getType(f.desc), Type.getType(Object.class));
            il.add(new InsnNode(Opcodes.ARETURN));
            cases.add(il);
        }
        switchOn(m, 1, cases);
        return m;
    }

    /** {@code set(int index, Object target, Object value)}; none for a static final field (Field.set refuses it). */
    private static MethodNode fieldWriter(ClassInfo c, List<FieldNode> fields) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "set", "(ILjava/lang/Object;Ljava/lang/Object;)V", null, null);
        List<InsnList> cases = new ArrayList<>();
        for (FieldNode f : fields) {
            boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
            if (isStatic && (f.access & Opcodes.ACC_FINAL) != 0) {
                cases.add(null);
                continue;
            }
            InsnList il = new InsnList();
            if (!isStatic) {
                il.add(new VarInsnNode(Opcodes.ALOAD, 2));
                il.add(new TypeInsnNode(Opcodes.CHECKCAST, c.name));
            }
            il.add(new VarInsnNode(Opcodes.ALOAD, 3));
            IndyLowering.convert(il, Type.getType(Object.class), Type.getType(f.desc));
            il.add(new FieldInsnNode(isStatic ? Opcodes.PUTSTATIC : Opcodes.PUTFIELD, c.name, f.name, f.desc));
            il.add(new InsnNode(Opcodes.RETURN));
            cases.add(il);
        }
        switchOn(m, 1, cases);
        return m;
    }

    /**
     * {@code initialize()}: calls {@code C.kiln$initialize()}, an empty static method added to C, so that the
     * call site's class-initialization check (JLS §12.4.1) initializes C.
     */
    private static MethodNode initializer(ClassInfo c) {
        MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC, "initialize", "()V", null, null);
        if (c.declaredMethod(INITIALIZE, "()V") == null) {
            MethodNode empty = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, INITIALIZE, "()V", null, null);
            empty.instructions.add(new InsnNode(Opcodes.RETURN));
            c.node.methods.add(empty);
        }
        m.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, c.name, INITIALIZE, "()V", c.isInterface()));
        m.instructions.add(new InsnNode(Opcodes.RETURN));
        return m;
    }

    /**
     * A {@code tableswitch} on the int in local {@code indexLocal} over {@code cases} (null: no code for that
     * member); any other index throws IllegalArgumentException, which the reflection classes never cause.
     */
    private static void switchOn(MethodNode m, int indexLocal, List<InsnList> cases) {
        InsnList il = m.instructions;
        LabelNode otherwise = new LabelNode();
        LabelNode[] labels = new LabelNode[cases.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = cases.get(i) == null ? otherwise : new LabelNode();
        }
        if (!cases.isEmpty()) {
            il.add(new VarInsnNode(Opcodes.ILOAD, indexLocal));
            il.add(new TableSwitchInsnNode(0, labels.length - 1, otherwise, labels));
            for (int i = 0; i < labels.length; i++) {
                if (cases.get(i) != null) {
                    il.add(labels[i]);
                    il.add(cases.get(i));
                }
            }
        }
        il.add(otherwise);
        il.add(new TypeInsnNode(Opcodes.NEW, "java/lang/IllegalArgumentException"));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new LdcInsnNode("no reflective access to member"));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>",
                "(Ljava/lang/String;)V", false));
        il.add(new InsnNode(Opcodes.ATHROW));
    }

    // ---- metadata() ----------------------------------------------------------------------------------------

    /** {@code static Object metadata()}: the cached ClassMetadata, made on first use. */
    private MethodNode metadataMaker(ClassInfo c, String owner, boolean complete, boolean invocable,
                                     List<FieldNode> fields, List<MethodNode> methods, List<MethodNode> constructors) {
        MethodNode m = new MethodNode(Opcodes.ACC_STATIC, METADATA_METHOD, "()Ljava/lang/Object;", null, null);
        InsnList il = m.instructions;
        LabelNode made = new LabelNode();
        il.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, CACHE_FIELD, "L" + CLASS_METADATA + ";"));
        il.add(new org.objectweb.asm.tree.JumpInsnNode(Opcodes.IFNONNULL, made));
        // local 0: the MemberAccess; local 1: the Method[] (record components refer to their accessors)
        il.add(new TypeInsnNode(Opcodes.NEW, owner));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, owner, "<init>", "()V", false));
        il.add(new VarInsnNode(Opcodes.ASTORE, 0));
        array(il, METHOD, methods.size(), i -> method(il, c, methods.get(i),
                !invocable ? QUERY_ONLY : invokable(c, methods.get(i)) ? i : NATIVE));
        il.add(new VarInsnNode(Opcodes.ASTORE, 1));
        il.add(new TypeInsnNode(Opcodes.NEW, CLASS_METADATA));
        il.add(new InsnNode(Opcodes.DUP));
        il.add(intConstant(complete ? 1 : 0));
        List<ClassInfo> interfaces = c.directInterfaces();
        array(il, CLASS, interfaces.size(), i -> classConstant(il, Type.getObjectType(interfaces.get(i).name)));
        stringOrNull(il, c.node.signature);
        array(il, FIELD, fields.size(), i -> field(il, c, fields.get(i), invocable ? i : QUERY_ONLY));
        il.add(new VarInsnNode(Opcodes.ALOAD, 1));
        array(il, CONSTRUCTOR, constructors.size(), i -> constructor(il, c, constructors.get(i),
                invocable ? i : QUERY_ONLY));
        annotations(il, c.node.visibleAnnotations);
        recordComponents(il, c, methods);
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, CLASS_METADATA, "<init>", "(Z[Ljava/lang/Class;Ljava/lang/String;"
                + "[L" + FIELD + ";[L" + METHOD + ";[L" + CONSTRUCTOR + ";[L" + ANNOTATION + ";[L" + RECORD_COMPONENT
                + ";L" + MEMBER_ACCESS + ";)V", false));
        il.add(new FieldInsnNode(Opcodes.PUTSTATIC, owner, CACHE_FIELD, "L" + CLASS_METADATA + ";"));
        il.add(made);
        il.add(new FieldInsnNode(Opcodes.GETSTATIC, owner, CACHE_FIELD, "L" + CLASS_METADATA + ";"));
        il.add(new InsnNode(Opcodes.ARETURN));
        return m;
    }

    private void field(InsnList il, ClassInfo c, FieldNode f, int index) {
        il.add(new TypeInsnNode(Opcodes.NEW, FIELD));
        il.add(new InsnNode(Opcodes.DUP));
        classConstant(il, Type.getObjectType(c.name));
        il.add(new LdcInsnNode(f.name));
        classConstant(il, Type.getType(f.desc));
        il.add(intConstant(f.access & FIELD_MODIFIERS));
        stringOrNull(il, f.signature);
        annotations(il, f.visibleAnnotations);
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(intConstant(index));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, FIELD, "<init>", "(Ljava/lang/Class;Ljava/lang/String;"
                + "Ljava/lang/Class;ILjava/lang/String;[L" + ANNOTATION + ";L" + MEMBER_ACCESS + ";I)V", false));
    }

    private void method(InsnList il, ClassInfo c, MethodNode target, int index) {
        il.add(new TypeInsnNode(Opcodes.NEW, METHOD));
        il.add(new InsnNode(Opcodes.DUP));
        classConstant(il, Type.getObjectType(c.name));
        il.add(new LdcInsnNode(target.name));
        classArray(il, Type.getArgumentTypes(target.desc));
        classConstant(il, Type.getReturnType(target.desc));
        exceptionsAndRest(il, target, index);
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, METHOD, "<init>", "(Ljava/lang/Class;Ljava/lang/String;"
                + "[Ljava/lang/Class;Ljava/lang/Class;[Ljava/lang/Class;ILjava/lang/String;[L" + ANNOTATION + ";[[L"
                + ANNOTATION + ";L" + MEMBER_ACCESS + ";I)V", false));
    }

    private void constructor(InsnList il, ClassInfo c, MethodNode target, int index) {
        il.add(new TypeInsnNode(Opcodes.NEW, CONSTRUCTOR));
        il.add(new InsnNode(Opcodes.DUP));
        classConstant(il, Type.getObjectType(c.name));
        classArray(il, Type.getArgumentTypes(target.desc));
        exceptionsAndRest(il, target, index);
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, CONSTRUCTOR, "<init>", "(Ljava/lang/Class;[Ljava/lang/Class;"
                + "[Ljava/lang/Class;ILjava/lang/String;[L" + ANNOTATION + ";[[L" + ANNOTATION + ";L" + MEMBER_ACCESS
                + ";I)V", false));
    }

    /** Exception types, modifiers, signature, annotations, parameter annotations, the access and the index. */
    private void exceptionsAndRest(InsnList il, MethodNode target, int index) {
        List<String> exceptions = target.exceptions == null ? List.of() : target.exceptions;
        classArray(il, exceptions.stream().map(Type::getObjectType).toArray(Type[]::new));
        il.add(intConstant(target.access & METHOD_MODIFIERS));
        stringOrNull(il, target.signature);
        annotations(il, target.visibleAnnotations);
        int parameters = Type.getArgumentTypes(target.desc).length;
        il.add(intConstant(parameters));
        il.add(new TypeInsnNode(Opcodes.ANEWARRAY, "[L" + ANNOTATION + ";"));
        for (int i = 0; i < parameters; i++) {
            il.add(new InsnNode(Opcodes.DUP));
            il.add(intConstant(i));
            List<AnnotationNode> parameterAnnotations = target.visibleParameterAnnotations == null
                    || i >= target.visibleParameterAnnotations.length ? null : target.visibleParameterAnnotations[i];
            annotations(il, parameterAnnotations);
            il.add(new InsnNode(Opcodes.AASTORE));
        }
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        il.add(intConstant(index));
    }

    /** A record's components, each with its accessor from the Method[] in local 1; null for other classes. */
    private void recordComponents(InsnList il, ClassInfo c, List<MethodNode> methods) {
        List<RecordComponentNode> components = c.node.recordComponents;
        if (components == null || !c.superclass().name.equals("java/lang/Record")) {
            il.add(new InsnNode(Opcodes.ACONST_NULL));
            return;
        }
        array(il, RECORD_COMPONENT, components.size(), i -> {
            RecordComponentNode r = components.get(i);
            int accessor = -1;
            for (int k = 0; k < methods.size(); k++) {
                if (methods.get(k).name.equals(r.name) && methods.get(k).desc.equals("()" + r.descriptor)) {
                    accessor = k;
                }
            }
            il.add(new TypeInsnNode(Opcodes.NEW, RECORD_COMPONENT));
            il.add(new InsnNode(Opcodes.DUP));
            classConstant(il, Type.getObjectType(c.name));
            il.add(new LdcInsnNode(r.name));
            classConstant(il, Type.getType(r.descriptor));
            stringOrNull(il, r.signature);
            if (accessor < 0) {
                il.add(new InsnNode(Opcodes.ACONST_NULL));
            } else {
                il.add(new VarInsnNode(Opcodes.ALOAD, 1));
                il.add(intConstant(accessor));
                il.add(new InsnNode(Opcodes.AALOAD));
            }
            annotations(il, r.visibleAnnotations);
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, RECORD_COMPONENT, "<init>", "(Ljava/lang/Class;"
                    + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;L" + METHOD + ";[L" + ANNOTATION + ";)V", false));
        });
    }

    // ---- annotations ---------------------------------------------------------------------------------------

    /** An Annotation[] of the runtime-visible annotations whose interface is in the closed world (HotSpot skips the others). */
    private void annotations(InsnList il, List<AnnotationNode> nodes) {
        List<AnnotationNode> present = new ArrayList<>();
        if (nodes != null) {
            for (AnnotationNode a : nodes) {
                if (annotationInterface(Type.getType(a.desc).getInternalName()).isPresent()) {
                    present.add(a);
                }
            }
        }
        array(il, ANNOTATION, present.size(), i -> annotation(il, present.get(i)));
    }

    private Optional<ClassInfo> annotationInterface(String name) {
        return world.find(name).filter(a -> a.node != null && (a.node.access & Opcodes.ACC_ANNOTATION) != 0);
    }

    /** Constructs the generated class's instance: every element's value, or its default (JVMS §4.7.22). */
    private void annotation(InsnList il, AnnotationNode a) {
        ClassInfo type = annotationInterface(Type.getType(a.desc).getInternalName()).orElseThrow();
        ClassInfo implementation = annotationClass(type);
        Map<String, Object> values = new LinkedHashMap<>();
        if (a.values != null) {
            for (int i = 0; i < a.values.size(); i += 2) {
                values.put((String) a.values.get(i), a.values.get(i + 1));
            }
        }
        il.add(new TypeInsnNode(Opcodes.NEW, implementation.name));
        il.add(new InsnNode(Opcodes.DUP));
        StringBuilder desc = new StringBuilder("(");
        for (MethodNode element : elements(type)) {
            Object value = values.containsKey(element.name) ? values.get(element.name) : element.annotationDefault;
            Type elementType = Type.getReturnType(element.desc);
            elementValue(il, elementType, value);
            desc.append(elementType.getDescriptor());
        }
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, implementation.name, "<init>", desc.append(")V").toString(), false));
    }

    private static List<MethodNode> elements(ClassInfo annotationType) {
        return annotationType.node.methods.stream()
                .filter(m -> (m.access & Opcodes.ACC_STATIC) == 0 && (m.access & Opcodes.ACC_ABSTRACT) != 0).toList();
    }

    /**
     * One element value as ASM reads it (JVMS §4.7.16.1): a boxed primitive or String, a Type for a class, a
     * {@code String[] {descriptor, name}} for an enum constant, an AnnotationNode, or a List for an array.
     */
    private void elementValue(InsnList il, Type type, Object value) {
        if (value instanceof List<?> list) {
            Type component = type.getElementType();
            if (type.getDimensions() > 1) {
                component = Type.getType(type.getDescriptor().substring(1));
            }
            il.add(intConstant(list.size()));
            if (component.getSort() < Type.ARRAY) {
                il.add(new org.objectweb.asm.tree.IntInsnNode(Opcodes.NEWARRAY, primitiveArrayCode(component)));
            } else {
                il.add(new TypeInsnNode(Opcodes.ANEWARRAY, component.getInternalName()));
            }
            for (int i = 0; i < list.size(); i++) {
                il.add(new InsnNode(Opcodes.DUP));
                il.add(intConstant(i));
                elementValue(il, component, list.get(i));
                il.add(new InsnNode(component.getOpcode(Opcodes.IASTORE)));
            }
        } else if (value instanceof Type classValue) {
            classConstant(il, classValue);
        } else if (value instanceof String[] enumConstant) {
            il.add(new FieldInsnNode(Opcodes.GETSTATIC, Type.getType(enumConstant[0]).getInternalName(), enumConstant[1],
                    enumConstant[0]));
        } else if (value instanceof AnnotationNode nested) {
            annotation(il, nested);
        } else if (value instanceof Boolean z) {
            il.add(intConstant(z ? 1 : 0));
        } else if (value instanceof Character ch) {
            il.add(intConstant(ch));
        } else if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            il.add(intConstant(((Number) value).intValue()));
        } else if (value == null) {
            // an element without value or default: the class file is inconsistent with the annotation interface
            il.add(new InsnNode(type.getSort() >= Type.ARRAY ? Opcodes.ACONST_NULL : type.getSize() == 2 ? Opcodes.LCONST_0
                    : Opcodes.ICONST_0));
        } else {
            il.add(new LdcInsnNode(value)); // String, Long, Float, Double
        }
    }

    private static int primitiveArrayCode(Type component) {
        return switch (component.getSort()) {
            case Type.BOOLEAN -> Opcodes.T_BOOLEAN;
            case Type.CHAR -> Opcodes.T_CHAR;
            case Type.BYTE -> Opcodes.T_BYTE;
            case Type.SHORT -> Opcodes.T_SHORT;
            case Type.INT -> Opcodes.T_INT;
            case Type.LONG -> Opcodes.T_LONG;
            case Type.FLOAT -> Opcodes.T_FLOAT;
            default -> Opcodes.T_DOUBLE;
        };
    }

    /**
     * The class implementing annotation interface {@code type}: a field {@code e<i>} per element, a constructor
     * taking all of them in order, the element methods (arrays cloned, as the JDK returns copies) and
     * {@code elementValues()} for AnnotationInstance's equals, hashCode and toString.
     */
    private ClassInfo annotationClass(ClassInfo type) {
        ClassInfo known = annotationClasses.get(type.name);
        if (known != null) {
            return known;
        }
        List<MethodNode> elements = elements(type);
        ClassNode node = new ClassNode();
        node.version = Opcodes.V17;
        node.access = Opcodes.ACC_FINAL | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_SUPER;
        node.name = type.name + ANNOTATION_SUFFIX;
        node.superName = ANNOTATION_BASE;
        node.interfaces = List.of(type.name);
        StringBuilder desc = new StringBuilder("(");
        for (int i = 0; i < elements.size(); i++) {
            String elementDesc = Type.getReturnType(elements.get(i).desc).getDescriptor();
            node.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "e" + i, elementDesc, null, null));
            desc.append(elementDesc);
        }
        MethodNode init = new MethodNode(Opcodes.ACC_PUBLIC, "<init>", desc.append(")V").toString(), null, null);
        InsnList il = init.instructions;
        il.add(new VarInsnNode(Opcodes.ALOAD, 0));
        classConstant(il, Type.getObjectType(type.name));
        array(il, STRING, elements.size(), i -> il.add(new LdcInsnNode(elements.get(i).name)));
        il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, ANNOTATION_BASE, "<init>", "(Ljava/lang/Class;[Ljava/lang/String;)V",
                false));
        int local = 1;
        for (int i = 0; i < elements.size(); i++) {
            Type t = Type.getReturnType(elements.get(i).desc);
            il.add(new VarInsnNode(Opcodes.ALOAD, 0));
            il.add(new VarInsnNode(t.getOpcode(Opcodes.ILOAD), local));
            il.add(new FieldInsnNode(Opcodes.PUTFIELD, node.name, "e" + i, t.getDescriptor()));
            local += t.getSize();
        }
        il.add(new InsnNode(Opcodes.RETURN));
        node.methods.add(init);
        MethodNode values = new MethodNode(Opcodes.ACC_PROTECTED, "elementValues", "()[Ljava/lang/Object;", null, null);
        array(values.instructions, World.OBJECT, elements.size(), i -> {
            Type t = Type.getReturnType(elements.get(i).desc);
            values.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
            values.instructions.add(new FieldInsnNode(Opcodes.GETFIELD, node.name, "e" + i, t.getDescriptor()));
            IndyLowering.convert(values.instructions, t, Type.getType(Object.class));
        });
        values.instructions.add(new InsnNode(Opcodes.ARETURN));
        node.methods.add(values);
        for (int i = 0; i < elements.size(); i++) {
            MethodNode element = elements.get(i);
            Type t = Type.getReturnType(element.desc);
            MethodNode getter = new MethodNode(Opcodes.ACC_PUBLIC, element.name, element.desc, null, null);
            getter.instructions.add(new VarInsnNode(Opcodes.ALOAD, 0));
            getter.instructions.add(new FieldInsnNode(Opcodes.GETFIELD, node.name, "e" + i, t.getDescriptor()));
            if (t.getSort() == Type.ARRAY) {
                getter.instructions.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, t.getDescriptor(), "clone",
                        "()Ljava/lang/Object;", false));
                getter.instructions.add(new TypeInsnNode(Opcodes.CHECKCAST, t.getDescriptor()));
            }
            getter.instructions.add(new InsnNode(t.getOpcode(Opcodes.IRETURN)));
            node.methods.add(getter);
        }
        ClassInfo generated = world.define(withMaxs(node), "generated for annotation " + type.javaName(),
                type.fromKernelTemplate);
        annotationClasses.put(type.name, generated);
        return generated;
    }

    // ---- constants -----------------------------------------------------------------------------------------

    /** A new array of {@code length} elements of class {@code component}, element i pushed by {@code element}. */
    static void array(InsnList il, String component, int length, java.util.function.IntConsumer element) {
        il.add(intConstant(length));
        il.add(new TypeInsnNode(Opcodes.ANEWARRAY, component));
        for (int i = 0; i < length; i++) {
            il.add(new InsnNode(Opcodes.DUP));
            il.add(intConstant(i));
            element.accept(i);
            il.add(new InsnNode(Opcodes.AASTORE));
        }
    }

    static void classArray(InsnList il, Type[] types) {
        array(il, CLASS, types.length, i -> classConstant(il, types[i]));
    }

    /** The Class of a type: {@code ldc} for classes and arrays, the box's {@code TYPE} for a primitive. */
    static void classConstant(InsnList il, Type type) {
        if (type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY) {
            il.add(new LdcInsnNode(type));
        } else {
            String box = type.getSort() == Type.VOID ? "java/lang/Void" : IndyLowering.boxType(type).getInternalName();
            il.add(new FieldInsnNode(Opcodes.GETSTATIC, box, "TYPE", "Ljava/lang/Class;"));
        }
    }

    private static void stringOrNull(InsnList il, String value) {
        il.add(value == null ? new InsnNode(Opcodes.ACONST_NULL) : new LdcInsnNode(value));
    }

    static AbstractInsnNode intConstant(int value) {
        if (value >= -1 && value <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + value);
        }
        if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            return new org.objectweb.asm.tree.IntInsnNode(Opcodes.BIPUSH, value);
        }
        if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            return new org.objectweb.asm.tree.IntInsnNode(Opcodes.SIPUSH, value);
        }
        return new LdcInsnNode(value);
    }
}
