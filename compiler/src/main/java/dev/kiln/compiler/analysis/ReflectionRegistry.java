package dev.kiln.compiler.analysis;

import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Which classes have reflection metadata (docs/compiler.md "Reflection"), and the registering itself. A class is
 * registered <em>completely</em> (every declared member) when
 * <ul>
 * <li>the plugin configuration or a {@code reflect-config.json}/{@code reachability-metadata.json} on the class
 *     path names it ({@link ReflectionConfiguration});</li>
 * <li>compiled code calls {@code Class.forName} with a constant name, or a member lookup ({@code getMethod},
 *     {@code getDeclaredFields}, {@code newInstance}, ...) on a class constant ({@code Foo.class.getMethod(...)}):
 *     the name or class the code can only mean, as GraalVM's analysis registers them;</li>
 * <li>it is a resource bundle class of the class path that {@code ResourceBundle.getBundle} with a constant base
 *     name can load ({@link #registerBundleClasses});</li>
 * <li>{@code kiln.reflectAll} is set and the class comes from the class path (the program and its dependencies,
 *     not the JDK) and the closed world reaches it.</li>
 * </ul>
 * Its superclasses and superinterfaces are registered with their public members only, which the inherited
 * lookups ({@code getMethods}, {@code getFields}) need; those of them that come from the JDK (but
 * {@code Object}) for queries only, without the code to invoke them.
 */
final class ReflectionRegistry {
    /** Class methods whose constant receiver or argument registers a class. */
    private static final Set<String> MEMBER_QUERIES = Set.of("getMethod", "getMethods", "getDeclaredMethod",
            "getDeclaredMethods", "getField", "getFields", "getDeclaredField", "getDeclaredFields", "getConstructor",
            "getConstructors", "getDeclaredConstructor", "getDeclaredConstructors", "newInstance",
            "getRecordComponents", "getAnnotation", "getAnnotations", "getDeclaredAnnotations", "isAnnotationPresent",
            "getGenericSuperclass", "getGenericInterfaces", "getTypeParameters");

    private static final String RESOURCE_BUNDLE = "java/util/ResourceBundle";

    /** Proxy methods whose constant interface array registers a proxy class. */
    private static final Set<String> PROXY_FACTORIES = Set.of("newProxyInstance", "getProxyClass");

    private final Reachability program;
    private final ReflectionMetadata generator;
    private final ProxyClassGenerator proxyGenerator;
    /** Interface lists (internal names, in order) that have a proxy class. */
    private final Set<List<String>> proxies = new java.util.HashSet<>();
    /** Registered class → whether completely; the metadata method of each. */
    private final Map<ClassInfo, Boolean> registered = new LinkedHashMap<>();
    private final Map<ClassInfo, ClassInfo.Method> metadataMethods = new LinkedHashMap<>();

    ReflectionRegistry(Reachability program, World world) {
        this.program = program;
        this.generator = new ReflectionMetadata(world);
        this.proxyGenerator = new ProxyClassGenerator(world);
    }

    /**
     * Makes the proxy class for {@code interfaces} (in this order, as {@code Proxy.newProxyInstance} gets them)
     * and registers it, with the interfaces, for reflection: {@code Proxy} finds it and its constructor that way.
     */
    void registerProxy(List<ClassInfo> interfaces) {
        if (interfaces.isEmpty() || !interfaces.stream().allMatch(ClassInfo::isInterface)
                || !proxies.add(interfaces.stream().map(i -> i.name).toList())) {
            return; // Proxy.getProxyClass throws IllegalArgumentException for those, as on the JVM
        }
        for (ClassInfo i : interfaces) {
            register(i, true); // handlers call method.invoke(target, arguments) with the interfaces' Methods
        }
        register(proxyGenerator.generate(interfaces), true);
    }

    /**
     * Registers {@code c} ({@code complete}: every declared member, else the public ones) and its supertypes, and
     * reaches the generated code. Registering a class again completely replaces its public-only metadata.
     */
    void register(ClassInfo c, boolean complete) {
        if (c.node == null || c.name.endsWith(ReflectionMetadata.METADATA_SUFFIX)) {
            return; // arrays and primitives answer from their Class objects; never the generated classes
        }
        Boolean known = registered.get(c);
        if (known != null && (known || !complete)) {
            return;
        }
        registered.put(c, complete);
        program.classObjectFor(c.name, null, -1);
        // A supertype from the JDK (but Object) answers queries only: a registered subclass of ArrayList must not
        // make all of ArrayList's public methods reachable through their invokers
        boolean invocable = complete || program.world().isFromClassPath(c) || c.name.equals(World.OBJECT)
                || c.name.startsWith(ProxyClassGenerator.NAME_PREFIX);
        List<ClassInfo> genericJdkTypes = new ArrayList<>();
        ClassInfo.Method maker = generator.generate(c, complete, invocable, named -> namedInSignature(c, named,
                genericJdkTypes));
        metadataMethods.put(c, maker);
        program.reach(maker, null, -1);
        for (ClassInfo generic : genericJdkTypes) {
            register(generic, false);
        }
        if (c.superclass() != null) {
            register(c.superclass(), false);
        }
        for (ClassInfo i : c.directInterfaces()) {
            register(i, false);
        }
    }

    /**
     * A class a registered signature names: the runtime's parser needs its Class object, if it exists. A generic
     * class or interface of the JDK that a signature of the program's own class names ({@code List<Address>} of a
     * field) is registered for queries too, with its supertypes: data binders find a field's element type by
     * walking the generic supertypes from the field's raw type to {@code Collection<E>} or {@code Map<K, V>}
     * (Gson's {@code GsonTypes.getSupertype}, Jackson's {@code TypeFactory}), and an unregistered JDK type would
     * answer raw supertypes, losing the element type. Not transitively: the JDK's own signatures name half of it.
     */
    private void namedInSignature(ClassInfo registrant, String internalName, List<ClassInfo> genericJdkTypes) {
        program.world().find(internalName).ifPresent(c -> {
            program.classObjectFor(c.name, null, -1);
            if (program.world().isFromClassPath(registrant) && !program.world().isFromClassPath(c) && c.node != null
                    && c.node.signature != null && !c.fromKernelTemplate) {
                genericJdkTypes.add(c);
            }
        });
    }

    /** The method that makes {@code c}'s ClassMetadata, or null when {@code c} is not registered. */
    ClassInfo.Method metadataMethod(ClassInfo c) {
        return metadataMethods.get(c);
    }

    /**
     * Registers what {@code m}'s code names as constants: {@code Class.forName("a.B")} and member lookups on a
     * class literal. Values are traced with ASM's {@link SourceInterpreter}: only an {@code ldc} that certainly is
     * the argument counts.
     */
    void registerConstantUses(ClassInfo.Method m) {
        if (m.owner().name.startsWith(ProxyClassGenerator.NAME_PREFIX) || !mayQuery(m)) {
            // a proxy class looks up Object's and its interfaces' methods, which registerProxy registered
            return;
        }
        Frame<SourceValue>[] frames;
        try {
            frames = new Analyzer<>(new SourceInterpreter()).analyze(m.owner().name, m.node());
        } catch (AnalyzerException e) {
            return; // the verifier reports broken code; nothing to register from it
        }
        AbstractInsnNode[] code = m.node().instructions.toArray();
        for (int i = 0; i < code.length; i++) {
            if (!(code[i] instanceof MethodInsnNode call) || frames[i] == null) {
                continue;
            }
            Frame<SourceValue> frame = frames[i];
            int arguments = Type.getArgumentTypes(call.desc).length;
            if (call.owner.equals(ProxyClassGenerator.PROXY) && PROXY_FACTORIES.contains(call.name)) {
                int interfacesSlot = frame.getStackSize() - (call.name.equals("newProxyInstance") ? 2 : 1);
                AbstractInsnNode array = source(frame.getStack(interfacesSlot), code, frames, 0);
                List<ClassInfo> interfaces = array == null ? null : constantClassArray(array);
                if (interfaces != null) {
                    registerProxy(interfaces);
                }
                continue;
            }
            if (call.owner.equals(RESOURCE_BUNDLE) && call.name.equals("getBundle")) {
                Object baseName = constant(frame.getStack(frame.getStackSize() - arguments), code, frames, 0);
                if (baseName instanceof String name) {
                    registerBundleClasses(name);
                }
                continue;
            }
            if (!call.owner.equals("java/lang/Class")) {
                continue;
            }
            if (call.name.equals("forName") && call.getOpcode() == Opcodes.INVOKESTATIC) {
                Object name = constant(frame.getStack(frame.getStackSize() - arguments), code, frames, 0);
                if (name instanceof String className) {
                    program.world().find(className.replace('.', '/')).ifPresent(c -> register(c, true));
                }
            } else if (MEMBER_QUERIES.contains(call.name) && call.getOpcode() == Opcodes.INVOKEVIRTUAL) {
                Object receiver = constant(frame.getStack(frame.getStackSize() - arguments - 1), code, frames, 0);
                if (receiver instanceof Type type && type.getSort() == Type.OBJECT) {
                    program.world().find(type.getInternalName()).ifPresent(c -> register(c, true));
                }
            }
        }
    }

    /**
     * {@code ResourceBundle.getBundle("p.Messages", ...)} with a constant base name: the class path's bundle classes
     * of that family ({@code p/Messages.class}, {@code p/Messages_en_GB.class}, ...; not the JDK's) are registered,
     * since Kiln's lookup makes them by name through their constructors (docs/compiler.md "Locale data and resource
     * bundles"), as GraalVM registers the bundles its analysis finds.
     */
    private void registerBundleClasses(String baseName) {
        String family = baseName.replace('.', '/');
        int slash = family.lastIndexOf('/');
        String directory = slash < 0 ? "" : family.substring(0, slash);
        for (ClassFileLoader.Resource file : program.world().resources(directory)) {
            String path = file.path();
            if (path.endsWith(".class") && path.indexOf('/', directory.length() + 1) < 0
                    && (path.equals(family + ".class") || path.startsWith(family + "_"))) {
                program.world().find(path.substring(0, path.length() - ".class".length()))
                        .filter(c -> c.isSubtypeOf(program.world().require(RESOURCE_BUNDLE)))
                        .ifPresent(c -> register(c, true));
            }
        }
    }

    /** Cheap test before the analysis: does the code call a Class method that could register something? */
    private static boolean mayQuery(ClassInfo.Method m) {
        for (AbstractInsnNode insn = m.node().instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn instanceof MethodInsnNode call && (call.owner.equals("java/lang/Class")
                    && (call.name.equals("forName") || MEMBER_QUERIES.contains(call.name))
                    || call.owner.equals(ProxyClassGenerator.PROXY) && PROXY_FACTORIES.contains(call.name)
                    || call.owner.equals(RESOURCE_BUNDLE) && call.name.equals("getBundle"))) {
                return true;
            }
        }
        return false;
    }

    /** The constant that {@code value} certainly is (see {@link #source}), or null. */
    private static Object constant(SourceValue value, AbstractInsnNode[] code, Frame<SourceValue>[] frames, int depth) {
        return source(value, code, frames, depth) instanceof LdcInsnNode ldc ? ldc.cst : null;
    }

    /**
     * The one instruction that certainly made {@code value}: directly, through {@code dup}, or through local
     * variables whose every store stores a value made by that instruction ({@code Class<?> c = Foo.class; c.getMethods()}); else null.
     */
    private static AbstractInsnNode source(SourceValue value, AbstractInsnNode[] code, Frame<SourceValue>[] frames,
                                           int depth) {
        if (value.insns.size() != 1 || depth > 8) {
            return null;
        }
        AbstractInsnNode source = value.insns.iterator().next();
        if (source.getOpcode() == Opcodes.DUP) {
            // ASM's frames give both copies the DUP as their source: the value is what the DUP copied
            int at = indexOf(code, source);
            Frame<SourceValue> before = at < 0 ? null : frames[at];
            return before == null ? null : source(before.getStack(before.getStackSize() - 1), code, frames, depth + 1);
        }
        if (source instanceof VarInsnNode load && load.getOpcode() == Opcodes.ALOAD) {
            int at = indexOf(code, load);
            Frame<SourceValue> frame = frames[at];
            if (frame == null) {
                return null;
            }
            SourceValue stores = frame.getLocal(load.var);
            AbstractInsnNode found = null;
            for (AbstractInsnNode store : stores.insns) {
                int storeAt = indexOf(code, store);
                if (!(store instanceof VarInsnNode) || storeAt < 0 || frames[storeAt] == null) {
                    return null; // a parameter, or a value not from a store
                }
                Frame<SourceValue> before = frames[storeAt];
                AbstractInsnNode stored = source(before.getStack(before.getStackSize() - 1), code, frames, depth + 1);
                if (stored == null || found != null && found != stored) {
                    return null;
                }
                found = stored;
            }
            return found;
        }
        return source;
    }

    /**
     * The classes of a constant array, as javac compiles {@code new Class<?>[] {A.class, B.class}}:
     * {@code anewarray java/lang/Class}, then for each element {@code dup, index, ldc, aastore}; else null.
     */
    private List<ClassInfo> constantClassArray(AbstractInsnNode array) {
        if (!(array instanceof TypeInsnNode anewarray) || anewarray.getOpcode() != Opcodes.ANEWARRAY
                || !anewarray.desc.equals("java/lang/Class")) {
            return null;
        }
        Integer length = intValue(BytecodeOffsets.previousInstruction(anewarray));
        List<ClassInfo> classes = new java.util.ArrayList<>();
        AbstractInsnNode insn = next(anewarray);
        while (length != null && classes.size() < length) {
            AbstractInsnNode index = insn == null || insn.getOpcode() != Opcodes.DUP ? null : next(insn);
            AbstractInsnNode element = index == null ? null : next(index);
            AbstractInsnNode store = element == null ? null : next(element);
            if (!Integer.valueOf(classes.size()).equals(intValue(index)) || !(element instanceof LdcInsnNode ldc)
                    || !(ldc.cst instanceof Type type) || type.getSort() != Type.OBJECT || store == null
                    || store.getOpcode() != Opcodes.AASTORE) {
                return null;
            }
            ClassInfo c = program.world().find(type.getInternalName()).orElse(null);
            if (c == null) {
                return null;
            }
            classes.add(c);
            insn = next(store);
        }
        return length == null ? null : classes;
    }

    /** The next real instruction, past labels, line numbers and frames (which have no opcode). */
    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode next = insn.getNext();
        while (next != null && next.getOpcode() < 0) {
            next = next.getNext();
        }
        return next;
    }


    /** The int an {@code iconst}/{@code bipush}/{@code sipush} pushes, or null. */
    private static Integer intValue(AbstractInsnNode insn) {
        if (insn == null) {
            return null;
        }
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if (insn instanceof IntInsnNode push && (op == Opcodes.BIPUSH || op == Opcodes.SIPUSH)) {
            return push.operand;
        }
        return null;
    }

    private static int indexOf(AbstractInsnNode[] code, AbstractInsnNode insn) {
        for (int i = 0; i < code.length; i++) {
            if (code[i] == insn) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code kiln.reflectAll}: registers every class of the class path that has a Class object or is instantiated
     * and is not registered completely yet; true if it registered any (their code may reach further classes, so
     * the caller compiles and asks again until nothing is new).
     */
    boolean registerAllReached(Collection<ClassInfo> reached) {
        boolean any = false;
        for (ClassInfo c : List.copyOf(reached)) {
            if (program.world().isFromClassPath(c) && !Boolean.TRUE.equals(registered.get(c))) {
                register(c, true);
                any = true;
            }
        }
        return any;
    }

    int registeredCount() {
        return registered.size();
    }
}
