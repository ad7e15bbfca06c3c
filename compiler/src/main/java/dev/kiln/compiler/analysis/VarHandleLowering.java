package dev.kiln.compiler.analysis;

import dev.kiln.compiler.analysis.KnownValueInterpreter.ClassConstant;
import dev.kiln.compiler.analysis.KnownValueInterpreter.Known;
import dev.kiln.compiler.analysis.KnownValueInterpreter.LookupConstant;
import dev.kiln.compiler.analysis.VarHandleAccessCode.AccessMode;
import dev.kiln.compiler.analysis.VarHandleAccessCode.ArrayElement;
import dev.kiln.compiler.analysis.VarHandleAccessCode.ByteArrayView;
import dev.kiln.compiler.analysis.VarHandleAccessCode.InstanceField;
import dev.kiln.compiler.analysis.VarHandleAccessCode.StaticField;
import dev.kiln.compiler.analysis.VarHandleAccessCode.Variable;
import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * VarHandles and atomic field updaters resolved at build time, as {@link IndyLowering} resolves lambdas: in the
 * closed world, the variable behind {@code static final VarHandle X = MethodHandles.lookup().findVarHandle(C.class,
 * "f", int.class)} is known to the compiler, and so is its address (docs/compiler.md "VarHandles").
 *
 * <ul>
 * <li><b>Factories.</b> {@code MethodHandles.lookup()} becomes {@code null}; {@code privateLookupIn},
 *     {@code Lookup.findVarHandle}, {@code findStaticVarHandle}, {@code MethodHandles.arrayElementVarHandle} and
 *     {@code byteArrayViewVarHandle} (with {@code ByteOrder.BIG_ENDIAN}, {@code LITTLE_ENDIAN} or
 *     {@code nativeOrder()}) with constant arguments become calls that discard their arguments and return {@code null} — or throw what
 *     HotSpot throws for them (NoSuchFieldException, IllegalAccessException, IllegalArgumentException), with a
 *     build warning. No Lookup and no VarHandle object exists at run time, so a class initializer that makes
 *     VarHandles pulls in nothing of {@code java.lang.invoke}.</li>
 * <li><b>Access modes.</b> Each {@code invokevirtual VarHandle.compareAndSet:(LC;II)Z} (signature polymorphic,
 *     JVMS §2.9.3) whose receiver is a known VarHandle — read from a static final field that the declaring
 *     class's initializer sets from a factory, or made by a factory in the same method — becomes an
 *     {@code invokestatic} of a generated helper with the same operands (the VarHandle, which is null, included
 *     and ignored): {@link VarHandleAccessCode} writes its checks, conversions and one
 *     {@code jdk.internal.misc.Unsafe} call with the field's build-time offset. A VarHandle field that holds
 *     null (its factory threw, or nothing set it) throws NullPointerException, as the JVM would.</li>
 * <li><b>Fences.</b> {@code VarHandle.fullFence()} and the others become the Unsafe fences.</li>
 * <li><b>Field updaters.</b> {@code Atomic{Integer,Long,Reference}FieldUpdater.newUpdater} with constant
 *     arguments becomes {@code new} of the kernel template's updater for that kind, given the field's offset,
 *     after the checks the JDK's constructor makes (its exceptions and messages when they fail).</li>
 * </ul>
 * A VarHandle the compiler cannot know (a factory with computed arguments, a handle passed around as a value,
 * a Lookup method other than the two) is a build error naming the call site: Kiln has no
 * {@code java.lang.invoke} at run time.
 *
 * <p>The helpers live in one generated class of the runtime package ({@link KernelAbi#VAR_HANDLE_ACCESS_CLASS}),
 * shared by all call sites with the same variable, mode and descriptor, because a static field's address is a
 * link-time symbol that only kernel code may take ({@code Intrinsics.symbol}).
 *
 * <p><i>Rejected</i>: compiling the JDK's {@code java.lang.invoke} (VarForms, LambdaForms and bytecode spinning at
 * run time: thousands of methods, and class definition, which a closed world does not have); a Kiln
 * VarHandle class with a switch on the access mode at run time (a call, a switch and boxing on every access
 * of the JDK's hottest concurrent code, where the lowered call is one Unsafe call); keeping a descriptor object
 * in each VarHandle field (nothing reads it once every call site is lowered).
 */
final class VarHandleLowering implements KnownValueInterpreter.Source {
    static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    static final String METHOD_HANDLES = "java/lang/invoke/MethodHandles";
    static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";
    private static final String VAR_HANDLE_DESC = "L" + VAR_HANDLE + ";";
    private static final String INTEGER_UPDATER = "java/util/concurrent/atomic/AtomicIntegerFieldUpdater";
    private static final String LONG_UPDATER = "java/util/concurrent/atomic/AtomicLongFieldUpdater";
    private static final String REFERENCE_UPDATER = "java/util/concurrent/atomic/AtomicReferenceFieldUpdater";

    /** What a VarHandle factory gives at build time: a variable, or the exception it throws instead. */
    sealed interface Resolved permits Accesses, Throws {
    }

    record Accesses(Variable variable) implements Resolved {
    }

    /** An exception (internal class name) with a message, or a cause (whose toString is its message), or neither. */
    record Throws(String exception, String message, Throws cause)
            implements Resolved, KnownValueInterpreter.NeverProduced {
        /** Throwable.toString's form. */
        String describe() {
            return exception.replace('/', '.')
                    + (message != null ? ": " + message : cause != null ? ": " + cause.describe() : "");
        }
    }

    /** A VarHandle field that holds null at run time: using it throws NullPointerException. */
    private static final Throws NULL_HANDLE = new Throws("java/lang/NullPointerException", null, null);

    private final World world;
    private final VarHandleAccessCode accessCode;
    /**
     * Per class: its static final VarHandle fields and what its initializer stores there, an {@link Accesses} or
     * {@code NullConstant.NULL} (absent: unknown).
     */
    private final Map<ClassInfo, Map<String, Object>> staticHandles = new HashMap<>();
    /** Generated helpers by what they do, shared by identical call sites. */
    private final Map<String, MethodInsnNode> helpers = new HashMap<>();
    private ClassNode accessClass;
    /** The class whose code is being analyzed: MethodHandles.lookup() there has its access. */
    private ClassInfo analyzing;

    VarHandleLowering(World world) {
        this.world = world;
        this.accessCode = new VarHandleAccessCode(world);
    }

    /** Rewrites the VarHandle factories, access modes, fences and field-updater factories of {@code method}. */
    void lower(ClassInfo.Method method, Reachability program) {
        MethodNode node = method.node();
        if (!mentionsVarHandles(node)) {
            return;
        }
        if (node.name.equals("<clinit>")) {
            staticHandles(method.owner()); // from the code as it is, before it is rewritten below
        }
        Frame<Known>[] frames = analyze(method.owner(), node);
        if (frames == null) {
            return; // code the analysis cannot follow; MethodCompiler's own analysis reports it
        }
        AbstractInsnNode[] instructions = node.instructions.toArray();
        List<Integer> offsets = null;
        int index = 0;
        for (int i = 0; i < instructions.length; i++) {
            if (instructions[i].getOpcode() < 0) {
                continue;
            }
            int instructionIndex = index++;
            if (!(instructions[i] instanceof MethodInsnNode call) || frames[i] == null) {
                continue;
            }
            if (offsets == null) {
                offsets = BytecodeOffsets.of(program.classBytes(method.owner()), node.name, node.desc);
            }
            int offset = instructionIndex < offsets.size() ? offsets.get(instructionIndex) : -1;
            AbstractInsnNode replacement = lowerCall(method, call, frames[i], new Site(program, method, offset));
            if (replacement != null) {
                node.instructions.set(call, replacement);
            }
        }
    }

    /** Where a call is, for errors and warnings. */
    private record Site(Reachability program, ClassInfo.Method method, int offset) {
        void problem(String message) {
            program.problem(method, offset, message);
        }

        void warning(String message) {
            program.warning(method, offset, message);
        }
    }

    private static boolean mentionsVarHandles(MethodNode node) {
        for (AbstractInsnNode insn : node.instructions) {
            if (insn instanceof MethodInsnNode call && (call.owner.equals(VAR_HANDLE) || call.owner.equals(METHOD_HANDLES)
                    || call.owner.equals(LOOKUP) || isUpdaterFactory(call))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUpdaterFactory(MethodInsnNode call) {
        return call.name.equals("newUpdater") && (call.owner.equals(INTEGER_UPDATER) || call.owner.equals(LONG_UPDATER)
                || call.owner.equals(REFERENCE_UPDATER));
    }

    @SuppressWarnings("unchecked")
    private Frame<Known>[] analyze(ClassInfo owner, MethodNode node) {
        ClassInfo outer = analyzing;
        analyzing = owner;
        try {
            return new Analyzer<>(new KnownValueInterpreter(this)).analyze(owner.name, node);
        } catch (AnalyzerException e) {
            return null;
        } finally {
            analyzing = outer;
        }
    }

    private AbstractInsnNode lowerCall(ClassInfo.Method method, MethodInsnNode call, Frame<Known> frame, Site site) {
        ClassInfo previous = analyzing;
        analyzing = method.owner();
        try {
            return switch (call.owner) {
                case METHOD_HANDLES -> switch (call.name) {
                    case "lookup" -> new InsnNode(Opcodes.ACONST_NULL);
                    case "privateLookupIn" -> discarding(staticDescriptor(call));
                    case "arrayElementVarHandle" -> factory(call, frame, site);
                    case "byteArrayViewVarHandle" -> factory(call, frame, site);
                    case "byteBufferViewVarHandle" -> unsupported(call, site, "MethodHandles." + call.name
                            + " is not supported: Kiln resolves VarHandles on fields, array elements and byte-array"
                            + " views only");
                    default -> null;
                };
                case LOOKUP -> {
                    if (call.name.equals("findVarHandle") || call.name.equals("findStaticVarHandle")) {
                        yield factory(call, frame, site);
                    }
                    yield unsupported(call, site, "MethodHandles.Lookup." + call.name + " is not supported: Kiln resolves"
                            + " Lookups at build time, for findVarHandle and findStaticVarHandle with constant arguments"
                            + " only");
                }
                case VAR_HANDLE -> varHandleCall(call, frame, site);
                default -> isUpdaterFactory(call) ? updater(call, frame, site) : null;
            };
        } finally {
            analyzing = previous;
        }
    }

    /**
     * A build error at {@code call}, which becomes a call that discards its operands: the build fails anyway, and
     * the problem list then names this call rather than everything in java.lang.invoke that it would reach.
     * In the JDK's own code the call instead becomes a throw of {@code UnsupportedOperationException} with the
     * same message, listed as a warning: the JDK's method handles sit on paths that libraries reach but rarely run
     * (SHA-3's byte-array views under every {@code MessageDigest}, memory-mapped files' map modes), and a build
     * error there kept whole libraries out. The program's and the kernel template's code still fail the build.
     */
    private AbstractInsnNode unsupported(MethodInsnNode call, Site site, String message) {
        ClassInfo owner = site.method().owner();
        if (!owner.fromKernelTemplate && !world.isFromClassPath(owner)) {
            site.warning(message + "; in the JDK's code: the call throws UnsupportedOperationException when it runs");
            return throwing(staticDescriptor(call), new Throws("java/lang/UnsupportedOperationException", message, null));
        }
        site.problem(message);
        return discarding(staticDescriptor(call));
    }

    // ---- factories ------------------------------------------------------------------------------------------

    private AbstractInsnNode factory(MethodInsnNode call, Frame<Known> frame, Site site) {
        Object resolved = call(call, arguments(call, frame));
        if (!(resolved instanceof Resolved)) {
            return unsupported(call, site, javaName(call) + " needs constant arguments (class literals, a string"
                    + " literal) and a Lookup from MethodHandles.lookup() or privateLookupIn: Kiln resolves VarHandles at"
                    + " build time and has no java.lang.invoke at run time");
        }
        if (resolved instanceof Throws thrown) {
            site.warning(javaName(call) + " throws " + thrown.describe() + " (as on the JVM, when it runs)");
            return throwing(staticDescriptor(call), thrown);
        }
        return discarding(staticDescriptor(call));
    }

    /** The descriptor of a static method that takes the same operands as {@code call}: its receiver first. */
    private static String staticDescriptor(MethodInsnNode call) {
        return call.getOpcode() == Opcodes.INVOKESTATIC ? call.desc : "(L" + call.owner + ";" + call.desc.substring(1);
    }

    private static String javaName(MethodInsnNode call) {
        return call.owner.substring(call.owner.lastIndexOf('/') + 1).replace('$', '.') + "." + call.name;
    }

    /** The known values of a call's operands, receiver first. */
    private static List<Known> arguments(MethodInsnNode call, Frame<Known> frame) {
        int count = Type.getArgumentTypes(call.desc).length + (call.getOpcode() == Opcodes.INVOKESTATIC ? 0 : 1);
        Known[] values = new Known[count];
        for (int i = 0; i < count; i++) {
            values[i] = frame.getStack(frame.getStackSize() - count + i);
        }
        return List.of(values);
    }

    @Override
    public Object call(MethodInsnNode insn, List<Known> arguments) {
        switch (insn.owner + "." + insn.name) {
            case METHOD_HANDLES + ".lookup" -> {
                return new LookupConstant(analyzing.name);
            }
            case METHOD_HANDLES + ".privateLookupIn" -> {
                return new LookupConstant(arguments.get(0).constant() instanceof ClassConstant c
                        ? Type.getType(c.descriptor()).getInternalName() : null);
            }
            case METHOD_HANDLES + ".arrayElementVarHandle" -> {
                if (!(arguments.get(0).constant() instanceof ClassConstant array)) {
                    return null;
                }
                ClassInfo c = array.descriptor().startsWith("[") ? world.find(array.descriptor()).orElse(null) : null;
                if (c == null) {
                    // Class.toString of the argument, as the JDK's message has it
                    String described = array.descriptor().length() == 1 ? className(array.descriptor())
                            : world.find(Type.getType(array.descriptor()).getInternalName())
                            .map(k -> (k.isInterface() ? "interface " : "class ") + k.javaName())
                            .orElse("class " + className(array.descriptor()));
                    return new Throws("java/lang/IllegalArgumentException", "not an array: " + described, null);
                }
                return new Accesses(new ArrayElement(c));
            }
            case VAR_HANDLE + ".withInvokeExactBehavior", VAR_HANDLE + ".withInvokeBehavior" -> {
                return isBehaviorChange(insn) && arguments.get(0).constant() instanceof Resolved same ? same : null;
            }
            case "java/nio/ByteOrder.nativeOrder" -> {
                return KnownValueInterpreter.ByteOrderConstant.LITTLE_ENDIAN;
            }
            case METHOD_HANDLES + ".byteArrayViewVarHandle" -> {
                if (!(arguments.get(0).constant() instanceof ClassConstant view)
                        || !(arguments.get(1).constant() instanceof KnownValueInterpreter.ByteOrderConstant order)) {
                    return null;
                }
                if (!view.descriptor().startsWith("[")) {
                    return new Throws("java/lang/IllegalArgumentException", "not an array class: "
                            + className(view.descriptor()), null);
                }
                Type component = Type.getType(view.descriptor().substring(1));
                if ("CSIJFD".indexOf(component.getDescriptor().charAt(0)) < 0) {
                    return new Throws("java/lang/UnsupportedOperationException", "Unsupported component type: "
                            + className(component.getDescriptor()), null);
                }
                return new Accesses(new ByteArrayView(component,
                        order == KnownValueInterpreter.ByteOrderConstant.BIG_ENDIAN));
            }
            case LOOKUP + ".findVarHandle", LOOKUP + ".findStaticVarHandle" -> {
                if (arguments.get(0).constant() instanceof LookupConstant lookup
                        && arguments.get(1).constant() instanceof ClassConstant refc
                        && arguments.get(2).constant() instanceof String name
                        && arguments.get(3).constant() instanceof ClassConstant type) {
                    return findField(lookup, refc, name, type, insn.name.equals("findStaticVarHandle"));
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * Lookup.findVarHandle/findStaticVarHandle: the field by name and type in {@code refc} and its supertypes
     * (JVMS §5.4.3.2), of the right static-ness, accessible from the lookup class (checked for the program's own
     * classes, as {@link Linkage} does); HotSpot's exceptions and messages otherwise.
     */
    private Resolved findField(LookupConstant lookup, ClassConstant refc, String name, ClassConstant type,
                               boolean isStatic) {
        Optional<ClassInfo> owner = refc.descriptor().startsWith("L")
                ? world.find(Type.getType(refc.descriptor()).getInternalName()) : Optional.empty();
        String typeName = className(type.descriptor());
        String refcName = className(refc.descriptor());
        ClassInfo.Field field = owner.map(c -> world.resolveField(c, name)).orElse(null);
        if (field == null || !field.node().desc.equals(type.descriptor())) {
            return new Throws("java/lang/NoSuchFieldException", "no such field: " + refcName + "." + name + "/" + typeName
                    + "/" + (isStatic ? "getStatic" : "getField"), null);
        }
        String member = refcName + "." + name + "/" + typeName + "/" + (field.isStatic() ? "getStatic" : "getField")
                + ", from class " + (lookup.lookupClass() == null ? "?" : lookup.lookupClass().replace('/', '.'));
        if (field.isStatic() != isStatic) {
            return new Throws("java/lang/IllegalAccessException", (isStatic ? "expected a static field: "
                    : "expected a non-static field: ") + member, null);
        }
        ClassInfo lookupClass = lookup.lookupClass() == null ? null : world.find(lookup.lookupClass()).orElse(null);
        String denied = lookupClass == null ? null : accessDenied(lookupClass, field);
        if (denied != null) {
            return new Throws("java/lang/IllegalAccessException", denied + ": " + member, null);
        }
        return new Accesses(isStatic ? new StaticField(field) : new InstanceField(field, owner.get()));
    }

    /** Class.getName() of the class a descriptor names: "int", "[B", "java.lang.String". */
    private static String className(String descriptor) {
        return descriptor.length() == 1 ? ClassInfo.primitiveName(descriptor.charAt(0))
                : descriptor.startsWith("[") ? descriptor.replace('/', '.') : Type.getType(descriptor).getClassName();
    }

    /** MemberName's reason when {@code accessor}'s code may not use {@code field}, or null (JVMS §5.4.4 with nests). */
    private String accessDenied(ClassInfo accessor, ClassInfo.Field field) {
        if (!world.isFromClassPath(accessor)) {
            return null; // the JDK and the kernel template are trusted, as Linkage trusts them
        }
        int access = field.node().access;
        ClassInfo declarer = field.owner();
        if ((access & Opcodes.ACC_PUBLIC) != 0) {
            return null;
        }
        if ((access & Opcodes.ACC_PRIVATE) != 0) {
            return nestHost(accessor).equals(nestHost(declarer)) ? null : "member is private";
        }
        boolean samePackage = packageOf(accessor).equals(packageOf(declarer));
        if ((access & Opcodes.ACC_PROTECTED) != 0) {
            return samePackage || accessor.isSubtypeOf(declarer) ? null : "member is protected";
        }
        return samePackage ? null : "member is private to package";
    }

    private static String nestHost(ClassInfo c) {
        return c.node != null && c.node.nestHostClass != null ? c.node.nestHostClass : c.name;
    }

    private static String packageOf(ClassInfo c) {
        int slash = c.name.lastIndexOf('/');
        return slash < 0 ? "" : c.name.substring(0, slash);
    }

    // ---- VarHandle fields ----------------------------------------------------------------------------------

    @Override
    public Object varHandleField(FieldInsnNode insn) {
        ClassInfo owner = world.find(insn.owner).orElse(null);
        ClassInfo.Field field = owner == null ? null : world.resolveField(owner, insn.name);
        if (field == null || !field.isStatic() || (field.node().access & Opcodes.ACC_FINAL) == 0) {
            return null;
        }
        return staticHandles(field.owner()).get(field.node().name);
    }

    /**
     * What {@code c}'s static initializer stores in each of its static final VarHandle fields: a field it never
     * sets holds null (a store of a factory that throws never happens); a field it sets to values the analysis
     * does not know, or to two different ones, is absent (unknown).
     */
    private Map<String, Object> staticHandles(ClassInfo c) {
        Map<String, Object> known = staticHandles.get(c);
        if (known != null) {
            return known;
        }
        known = new HashMap<>();
        staticHandles.put(c, known); // while the initializer is analyzed, its own fields are unknown to it
        Map<String, Object> stored = new HashMap<>();
        Map<String, Boolean> unknown = new HashMap<>();
        ClassInfo.Method clinit = c.declaredMethod("<clinit>", "()V");
        Frame<Known>[] frames = clinit == null ? null : analyze(c, clinit.node());
        if (clinit != null && frames == null) {
            return known;
        }
        if (frames != null) {
            AbstractInsnNode[] instructions = clinit.node().instructions.toArray();
            for (int i = 0; i < instructions.length; i++) {
                if (instructions[i] instanceof FieldInsnNode put && put.getOpcode() == Opcodes.PUTSTATIC
                        && put.owner.equals(c.name) && put.desc.equals(VAR_HANDLE_DESC) && frames[i] != null) {
                    Object value = frames[i].getStack(frames[i].getStackSize() - 1).constant();
                    if (value instanceof Throws) {
                        continue;
                    }
                    boolean handle = value instanceof Accesses || value == KnownValueInterpreter.NullConstant.NULL;
                    Object before = stored.put(put.name, value);
                    if (!handle || (before != null && !before.equals(value))) {
                        unknown.put(put.name, true);
                    }
                }
            }
        }
        for (FieldNode f : c.node.fields) {
            int staticFinal = Opcodes.ACC_STATIC | Opcodes.ACC_FINAL;
            if ((f.access & staticFinal) == staticFinal && f.desc.equals(VAR_HANDLE_DESC) && !unknown.containsKey(f.name)) {
                known.put(f.name, stored.getOrDefault(f.name, KnownValueInterpreter.NullConstant.NULL));
            }
        }
        return known;
    }

    // ---- access modes and fences ---------------------------------------------------------------------------

    private AbstractInsnNode varHandleCall(MethodInsnNode call, Frame<Known> frame, Site site) {
        if (call.name.startsWith(ReflectionMetadata.GENERATED_PREFIX)) {
            // Class.forName("java.lang.invoke.VarHandle") initializing the class (ReflectionMetadata's
            // kiln$initialize), as Guava's probe for VarHandles does: its static state serves VarHandle objects
            // only, and no VarHandle object exists at run time, so there is nothing to initialize.
            return new InsnNode(Opcodes.NOP);
        }
        if (call.getOpcode() == Opcodes.INVOKESTATIC) {
            String fence = VarHandleAccessCode.unsafeFence(call.name);
            if (fence == null) {
                return unsupported(call, site, "VarHandle." + call.name + " is not supported: Kiln's VarHandles exist"
                        + " only at build time");
            }
            return helper("fence:" + fence, call.name, "()V", m -> {
                m.instructions.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.UNSAFE_CLASS, "getUnsafe",
                        "()L" + KernelAbi.UNSAFE_CLASS + ";"));
                m.instructions.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, KernelAbi.UNSAFE_CLASS, fence, "()V"));
                m.instructions.add(new InsnNode(Opcodes.RETURN));
                m.maxStack = 1;
            });
        }
        if (isBehaviorChange(call) && arguments(call, frame).get(0).constant() instanceof Resolved) {
            return new InsnNode(Opcodes.NOP); // the same variable: the (null) handle on the stack is the result
        }
        AccessMode mode = VarHandleAccessCode.accessMode(call.name);
        if (mode == null) {
            return unsupported(call, site, "VarHandle." + call.name + " is not supported: Kiln's VarHandles exist only at"
                    + " build time, so only their access modes and fences can be called");
        }
        Object receiver = arguments(call, frame).get(0).constant();
        if (receiver == KnownValueInterpreter.NullConstant.NULL) {
            receiver = NULL_HANDLE;
        }
        if (!(receiver instanceof Resolved resolved)) {
            return unsupported(call, site, "VarHandle." + call.name + " on a VarHandle not known at build time: Kiln"
                    + " resolves a VarHandle that a static final field holds, set in its class's static initializer by"
                    + " MethodHandles.lookup().findVarHandle/findStaticVarHandle or MethodHandles.arrayElementVarHandle"
                    + " with constant arguments (or one made so in the same method)");
        }
        String helperDesc = "(" + VAR_HANDLE_DESC + call.desc.substring(1);
        if (resolved instanceof Throws) {
            return throwing(helperDesc, NULL_HANDLE);
        }
        Variable variable = ((Accesses) resolved).variable();
        return helper("access:" + variable + ":" + mode.name(), mode.name(), helperDesc,
                m -> accessCode.accessBody(m, variable, mode, call.desc));
    }

    /**
     * {@code VarHandle.withInvokeExactBehavior()} or {@code withInvokeBehavior()}: the same variable, with call sites
     * that must match the access mode's type exactly, or may be adapted to it. Kiln adapts every call site as for
     * a handle without exact behavior: the JDK's code calls its exact handles with exact types
     * ({@code sun.security.provider.ByteArrayAccess}); a mismatched call site of an exact handle, which HotSpot
     * answers with WrongMethodTypeException, is converted instead.
     */
    private static boolean isBehaviorChange(MethodInsnNode call) {
        return call.owner.equals(VAR_HANDLE) && call.getOpcode() == Opcodes.INVOKEVIRTUAL
                && (call.name.equals("withInvokeExactBehavior") || call.name.equals("withInvokeBehavior"))
                && call.desc.equals("()" + VAR_HANDLE_DESC);
    }

    // ---- field updaters -------------------------------------------------------------------------------------

    /**
     * {@code Atomic*FieldUpdater.newUpdater(C.class, [V.class,] "f")}: the checks of the JDK's updater constructors
     * — a field declared by C, accessible from the caller, of the updater's type (a reference updater's value
     * class equal to the field's type), volatile, not static — then the kernel template's updater with the
     * field's offset. {@code cclass}, the class the updater checks objects against, is the caller for a protected
     * field inherited from another package, as in the JDK.
     */
    private AbstractInsnNode updater(MethodInsnNode call, Frame<Known> frame, Site site) {
        List<Known> arguments = arguments(call, frame);
        boolean reference = call.owner.equals(REFERENCE_UPDATER);
        if (!(arguments.get(0).constant() instanceof ClassConstant tclass) || !tclass.descriptor().startsWith("L")
                || !(arguments.get(arguments.size() - 1).constant() instanceof String name)
                || (reference && !(arguments.get(1).constant() instanceof ClassConstant))) {
            return unsupported(call, site, javaName(call) + " needs constant arguments (class literals, a string"
                    + " literal): Kiln resolves field updaters at build time");
        }
        ClassInfo target = world.find(Type.getType(tclass.descriptor()).getInternalName()).orElse(null);
        if (target == null) {
            return null; // the class literal itself throws NoClassDefFoundError (Linkage)
        }
        world.layout(target);
        ClassInfo.Field field = target.declaredFields().get(name);
        ClassInfo caller = site.method().owner();
        Throws failure = null;
        if (field == null) {
            failure = new Throws("java/lang/RuntimeException", null,
                    new Throws("java/lang/NoSuchFieldException", name, null));
        } else if (accessDenied(caller, field) != null) {
            String message = "class " + caller.javaName() + " cannot access a member of class " + target.javaName()
                    + " with modifiers \"" + modifiers(field.node().access) + "\"";
            failure = new Throws("java/lang/RuntimeException", null,
                    new Throws("java/lang/IllegalAccessException", message, null));
        } else if (!reference && !field.node().desc.equals(call.owner.equals(INTEGER_UPDATER) ? "I" : "J")) {
            failure = new Throws("java/lang/IllegalArgumentException", call.owner.equals(INTEGER_UPDATER)
                    ? "Must be integer type" : "Must be long type", null);
        } else if (reference && !((ClassConstant) arguments.get(1).constant()).descriptor().equals(field.node().desc)) {
            failure = new Throws("java/lang/ClassCastException", null, null);
        } else if (reference && field.node().desc.length() == 1) {
            failure = new Throws("java/lang/IllegalArgumentException", "Must be reference type", null);
        } else if ((field.node().access & Opcodes.ACC_VOLATILE) == 0) {
            failure = new Throws("java/lang/IllegalArgumentException", "Must be volatile type", null);
        } else if (field.isStatic()) {
            failure = new Throws("java/lang/IllegalArgumentException", null, null);
        }
        if (failure != null) {
            site.warning(javaName(call) + " throws " + failure.describe() + " (as on the JVM, when it runs)");
            return throwing(call.desc, failure);
        }
        boolean inheritedProtected = (field.node().access & Opcodes.ACC_PROTECTED) != 0 && caller.isSubtypeOf(target)
                && !packageOf(caller).equals(packageOf(target));
        ClassInfo checked = inheritedProtected ? caller : target;
        String updaterClass = reference ? KernelAbi.REFERENCE_FIELD_UPDATER
                : call.owner.equals(INTEGER_UPDATER) ? KernelAbi.INTEGER_FIELD_UPDATER : KernelAbi.LONG_FIELD_UPDATER;
        long offset = field.offset();
        return helper("updater:" + updaterClass + ":" + checked.name + ":" + offset, "newUpdater", call.desc, m -> {
            InsnList il = m.instructions;
            il.add(new TypeInsnNode(Opcodes.NEW, updaterClass));
            il.add(new InsnNode(Opcodes.DUP));
            if (reference) {
                il.add(new VarInsnNode(Opcodes.ALOAD, 1)); // vclass
            }
            il.add(new LdcInsnNode(Type.getType(checked.descriptor())));
            il.add(new LdcInsnNode(offset));
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, updaterClass, "<init>", reference
                    ? "(Ljava/lang/Class;Ljava/lang/Class;J)V" : "(Ljava/lang/Class;J)V"));
            il.add(new InsnNode(Opcodes.ARETURN));
            m.maxStack = 8;
        });
    }

    /** java.lang.reflect.Modifier.toString's spelling of a field's modifiers. */
    private static String modifiers(int access) {
        StringBuilder s = new StringBuilder();
        int[] flags = {Opcodes.ACC_PUBLIC, Opcodes.ACC_PROTECTED, Opcodes.ACC_PRIVATE, Opcodes.ACC_STATIC,
            Opcodes.ACC_FINAL, Opcodes.ACC_TRANSIENT, Opcodes.ACC_VOLATILE};
        String[] names = {"public", "protected", "private", "static", "final", "transient", "volatile"};
        for (int i = 0; i < flags.length; i++) {
            if ((access & flags[i]) != 0) {
                s.append(s.length() == 0 ? "" : " ").append(names[i]);
            }
        }
        return s.toString();
    }

    // ---- generated helpers ----------------------------------------------------------------------------------

    /** A helper with {@code desc} that discards its operands and returns null: a factory's build-time result. */
    private MethodInsnNode discarding(String desc) {
        return helper("discard", "resolved", desc, m -> {
            Type returned = Type.getReturnType(desc);
            if (returned.getSort() != Type.VOID) {
                m.instructions.add(new InsnNode(switch (returned.getSort()) {
                    case Type.LONG -> Opcodes.LCONST_0;
                    case Type.FLOAT -> Opcodes.FCONST_0;
                    case Type.DOUBLE -> Opcodes.DCONST_0;
                    case Type.ARRAY, Type.OBJECT -> Opcodes.ACONST_NULL;
                    default -> Opcodes.ICONST_0;
                }));
            }
            m.instructions.add(new InsnNode(returned.getOpcode(Opcodes.IRETURN)));
            m.maxStack = 2;
        });
    }

    /** A helper with {@code desc} that throws {@code thrown}. */
    private MethodInsnNode throwing(String desc, Throws thrown) {
        return helper("throw:" + thrown, "throws", desc, m -> {
            newException(m.instructions, thrown);
            m.instructions.add(new InsnNode(Opcodes.ATHROW));
            m.maxStack = 6;
        });
    }

    private static void newException(InsnList il, Throws thrown) {
        il.add(new TypeInsnNode(Opcodes.NEW, thrown.exception()));
        il.add(new InsnNode(Opcodes.DUP));
        if (thrown.cause() != null) {
            newException(il, thrown.cause());
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, thrown.exception(), "<init>", "(Ljava/lang/Throwable;)V"));
        } else if (thrown.message() != null) {
            il.add(new LdcInsnNode(thrown.message()));
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, thrown.exception(), "<init>", "(Ljava/lang/String;)V"));
        } else {
            il.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, thrown.exception(), "<init>", "()V"));
        }
    }

    /**
     * The call of the helper that does {@code what} for operands {@code desc}: made once (by {@code body}) in the
     * generated access class, then shared.
     */
    private MethodInsnNode helper(String what, String name, String desc, Consumer<MethodNode> body) {
        MethodInsnNode call = helpers.computeIfAbsent(what + desc, key -> {
            ClassNode owner = accessClass();
            MethodNode m = new MethodNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                    name + "$" + helpers.size(), desc, null, null);
            m.maxLocals = (Type.getArgumentsAndReturnSizes(desc) >> 2) - 1;
            body.accept(m);
            owner.methods.add(m);
            return new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, m.name, m.desc, false);
        });
        // a node of its own for each call site: an instruction node belongs to one method's list
        return new MethodInsnNode(call.getOpcode(), call.owner, call.name, call.desc, call.itf);
    }

    private ClassNode accessClass() {
        if (accessClass == null) {
            ClassNode c = new ClassNode();
            c.version = Opcodes.V17;
            c.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC;
            c.name = KernelAbi.VAR_HANDLE_ACCESS_CLASS;
            c.superName = World.OBJECT;
            world.define(c, "generated for VarHandle and field-updater call sites", true);
            accessClass = c;
        }
        return accessClass;
    }
}
