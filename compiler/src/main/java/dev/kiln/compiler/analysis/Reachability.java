package dev.kiln.compiler.analysis;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import dev.kiln.compiler.verify.BytecodeVerifier;
import dev.kiln.compiler.verify.Subroutines;
import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * The analysis: the closed world reachable from the kernel's start method, the runtime's entry points and the
 * application's main, by rapid type analysis (a virtual call reaches the implementation of every instantiated
 * class; an instantiation reaches the implementations of every selector called so far), run to its fixed point
 * before any code is generated. Each reached method is verified with its class, lowered ({@link IndyLowering},
 * {@link VarHandleLowering}, reflection registration) and scanned for what its code will refer to
 * ({@link MethodReferences}); the result is the immutable {@link Program} the backends compile.
 */
public final class Reachability {
    private final World world;
    private final EntryPoints entryPoints;
    private final CompilerOptions options;
    private final Diagnostics diagnostics;
    /** The class path files packed into the image's resource table ({@link ResourceSelection}). */
    private List<ClassFileLoader.Resource> packedResources = List.of();
    /** The time zones' rules packed into the image ({@link TimeZoneDatabase}), if the program reads them. */
    private Optional<byte[]> packedTimeZones = Optional.empty();
    private final Deque<ClassInfo.Method> worklist = new ArrayDeque<>();
    private final Map<String, ClassInfo.Method> reached = new LinkedHashMap<>();
    /** The reached methods whose code is compiled (or compiled into a throw), in the order they were analyzed. */
    private final List<ClassInfo.Method> methods = new ArrayList<>();
    /** Selector → the static receiver types it is called on (a call on T can only run on subtypes of T). */
    private final Map<String, Set<ClassInfo>> invokedSelectors = new LinkedHashMap<>();
    /**
     * The first method that called each selector virtually: an implementation reached through the selector is
     * reported as reached from there, so a build error's "reached from" chain goes on past virtual and interface
     * calls to the application code that started it (a callback run by the JDK names the call that ran it).
     */
    private final Map<String, ClassInfo.Method> selectorCallers = new HashMap<>();
    private final Set<ClassInfo> instantiated = new LinkedHashSet<>();
    /** Instance methods called directly, whose class has no instance yet (see reachInstanceMethod). */
    private final Map<ClassInfo.Method, ClassInfo.Method> waitingForInstance = new LinkedHashMap<>();
    private final Set<ClassInfo> classObjects = new LinkedHashSet<>();
    /** Enums with a class initializer whose {@code values()} the runtime calls through their Class object. */
    private final Set<ClassInfo> enumValuesEntries = new LinkedHashSet<>();
    private final Set<ClassInfo> initRoutines = new LinkedHashSet<>();
    private final Map<String, ClassInfo.Field> staticFields = new LinkedHashMap<>();
    private final Map<String, String> stringLiterals = new LinkedHashMap<>();
    private final Map<String, Integer> interfaceSelectors = new LinkedHashMap<>();
    /** The classes that reached checkcasts and instanceofs test against (their type-table columns, Program). */
    private final Set<ClassInfo> typeCheckTargets = new LinkedHashSet<>();
    private final IndyLowering indyLowering;
    private final VarHandleLowering varHandleLowering;
    private final BytecodeVerifier verifier;
    private final ReflectionRegistry reflection;
    /** GraalVM metadata entries whose condition's class is not reached (yet). */
    private final List<ReflectionConfiguration.Entry> conditionalReflection = new ArrayList<>();
    /** Classes whose code failed verification: none of their methods is compiled. */
    private final Set<ClassInfo> unverifiable = new HashSet<>();
    /**
     * Classes whose linking fails as it does on HotSpot (a catch type, or a class the verifier must load, is on no
     * class path: JVMS §5.4.1), with the error: their initialization routine throws it at every use, and their
     * methods are compiled into throws of it.
     */
    private final Map<ClassInfo, Linkage.Failure> unlinkable = new HashMap<>();
    /** invokedynamic instructions whose bootstrap does not link or fails, with the error they throw. */
    private final Map<AbstractInsnNode, Linkage.Failure> unlinkedCallSites = new HashMap<>();
    /** The JDK's natives without a Kiln implementation that were reached; each compiles to a throw. */
    private final Map<ClassInfo.Method, Linkage.Failure> unimplementedNatives = new HashMap<>();
    private ClassInfo.Method mainMethod;
    /** Per class, its methods' bytecode offsets ({@link #bytecodeOffsets}). */
    private final Map<ClassInfo, Map<String, List<Integer>>> bytecodeOffsets = new HashMap<>();

    public Reachability(World world, EntryPoints entryPoints, CompilerOptions options, Diagnostics diagnostics) {
        this.world = world;
        this.entryPoints = entryPoints;
        this.options = options;
        this.diagnostics = diagnostics;
        this.indyLowering = new IndyLowering(world);
        this.varHandleLowering = new VarHandleLowering(world);
        this.verifier = new BytecodeVerifier(world);
        this.reflection = new ReflectionRegistry(this, world);
    }

    World world() {
        return world;
    }

    /**
     * Runs the analysis to its fixed point: the finished program, or the problems that stop the build before it
     * gets that far (no kernel template, no main method).
     */
    public Program analyze() throws CompilationException {
        ClassInfo kernel = world.find(KernelAbi.KERNEL_CLASS).orElse(null);
        if (kernel == null) {
            throw new CompilationException(List.of("the Kiln kernel template (kiln-kernel-template.jar, with "
                    + KernelAbi.KERNEL_CLASS + ".class) is not on the class path; put it first on the class path"));
        }
        String mainClassName = entryPoints.mainClass().replace('.', '/');
        ClassInfo mainClass = world.find(mainClassName).orElse(null);
        if (mainClass == null && !world.missingClass(mainClassName).equals(mainClassName)) {
            throw new CompilationException(List.of("main class " + entryPoints.mainClass() + " cannot be loaded:"
                    + " NoClassDefFoundError: " + world.missingClass(mainClassName) + " (a supertype of it) is on no class"
                    + " path; add the dependency that provides it"));
        }
        if (mainClass == null) {
            throw new CompilationException(List.of("main class " + entryPoints.mainClass()
                    + " was not found on the class path; check the main class name (binary name, e.g. com.example.Hello)"));
        }
        mainMethod = mainClass.declaredMethod("main", "([Ljava/lang/String;)V");
        if (mainMethod == null || !mainMethod.isStatic()) {
            throw new CompilationException(List.of("main class " + entryPoints.mainClass()
                    + " has no 'public static void main(String[])' method"));
        }
        for (String always : List.of("java/lang/Class", "java/lang/String", "[C", "[J", "[Ljava/lang/Class;")) {
            instantiated(classObjectFor(always, null, -1));
        }
        for (char primitive : "ZBCSIJFDV".toCharArray()) {
            classObjects.add(world.primitive(primitive)); // for int.class, void.class, reflection on arrays
        }
        ClassInfo.Method start = kernel.declaredMethod(KernelAbi.KERNEL_START_METHOD, "()V");
        if (start == null) {
            throw new CompilationException(List.of("the kernel template has no " + KernelAbi.javaName(KernelAbi.KERNEL_CLASS) + ".start()"));
        }
        reach(start, null, -1);
        ClassInfo.Method dispatch = world.find(KernelAbi.INTERRUPT_DISPATCHER_CLASS)
                .map(c -> c.declaredMethod(KernelAbi.INTERRUPT_DISPATCH_METHOD, KernelAbi.INTERRUPT_DISPATCH_DESCRIPTOR))
                .orElse(null);
        if (dispatch == null || !dispatch.isStatic()) {
            throw new CompilationException(List.of("the kernel template has no static "
                    + KernelAbi.javaName(KernelAbi.INTERRUPT_DISPATCHER_CLASS) + "." + KernelAbi.INTERRUPT_DISPATCH_METHOD
                    + KernelAbi.INTERRUPT_DISPATCH_DESCRIPTOR + ", which the interrupt stub calls"));
        }
        reach(dispatch, null, -1);
        for (String[] entry : KernelAbi.RUNTIME_ENTRY_POINTS) {
            runtime(entry[0], entry[1]);
        }
        stackGrower();
        heapWords();
        registerConfiguredReflection();
        while (!worklist.isEmpty() || registerMoreForReflection()) {
            ClassInfo.Method m = worklist.removeFirst();
            try {
                if (KernelAbi.inKernelPackage(m.owner().name) && !m.owner().fromKernelTemplate) {
                    problem(m, -1, "Prohibited package name: " + m.owner().javaName() + " (from " + m.owner().origin
                            + ") declares itself in a package of Kiln's kernel; move the class to a package of your own");
                    continue;
                }
                if (!verified(m.owner(), m)) {
                    continue;
                }
                methods.add(m);
                if (!unlinkable.containsKey(m.owner()) && !unimplementedNatives.containsKey(m)) {
                    reflection.registerConstantUses(m);
                    ConstantArrayLowering.lower(m.node());
                    indyLowering.lower(m, this);
                    varHandleLowering.lower(m, this);
                    MethodReferences.scan(this, m);
                }
            } catch (World.MissingClassException | World.UnreadableClassException e) {
                throw e;
            } catch (RuntimeException e) {
                diagnostics.problem(Diagnostics.internalError("analyzing " + m.fullName() + " (class file from "
                        + m.owner().origin + ")", e));
                throw diagnostics.failure();
            }
        }
        new InterruptHandlerRules(this, instantiated).check();
        List<String> found = new ArrayList<>();
        List<ClassFileLoader.Resource> packedResources = ResourceSelection.select(world, options.resources(),
                name -> initRoutines.stream().anyMatch(c -> c.name.equals(name))
                        || instantiated.stream().anyMatch(c -> c.name.equals(name)), found);
        found.forEach(diagnostics::problem);
        Optional<byte[]> packedTimeZones = packTimeZones();
        Map<ClassInfo.Method, Linkage.Failure> throwing = new HashMap<>(unimplementedNatives);
        for (ClassInfo.Method m : methods) {
            Linkage.Failure failure = unlinkable.get(m.owner());
            if (failure != null) {
                throwing.put(m, failure);
            }
        }
        Set<ClassInfo.Method> uninstantiated = new LinkedHashSet<>(waitingForInstance.keySet());
        uninstantiated.removeIf(this::isReached);
        return new Program(world, mainMethod, start, dispatch, methods, throwing, Set.copyOf(reached.values()),
                uninstantiated, instantiated, classObjects, initRoutines, enumValuesEntries, unlinkable, staticFields,
                stringLiterals, interfaceSelectors, typeCheckTargets, unlinkedCallSites, reflection, packedResources, packedTimeZones,
                diagnostics.hasProblems());
    }

    /**
     * The selected zones of the build JDK's tzdb, when {@code kiln.runtime.TimeZoneData} was loaded (it reads them);
     * the zones the options name are checked either way, so a misspelled one fails every build, not only those of
     * programs that use time zones.
     */
    private Optional<byte[]> packTimeZones() {
        boolean read = world.loaded(KernelAbi.TIME_ZONE_DATA_CLASS).isPresent();
        boolean named = !options.timeZones().isEmpty() || !options.defaultTimeZone().equals(TimeZoneDatabase.DEFAULT_ZONE);
        if (!read && !named) {
            return Optional.empty();
        }
        try {
            List<String> found = new ArrayList<>();
            byte[] packed = TimeZoneDatabase.ofBuildJdk().pack(options.timeZones(), options.defaultTimeZone(), found);
            found.forEach(diagnostics::problem);
            return read ? Optional.of(packed) : Optional.empty();
        } catch (IOException e) {
            diagnostics.problem("cannot read the build JDK's time-zone rules (" + System.getProperty("java.home")
                    + "/lib/tzdb.dat): " + e.getMessage() + "; build with a JDK whose run-time image has them");
            return Optional.empty();
        }
    }

    /**
     * When the worklist is empty: registers for reflection what has become due (metadata entries whose condition's
     * class is now reached; with kiln.reflectAll the newly reached classes) and says whether that queued more code.
     */
    private boolean registerMoreForReflection() {
        boolean registered;
        do { // a registration that queues no code may still meet another entry's condition
            registered = registerConditionalReflection();
            if (options.reflectAll()) {
                registered |= reflection.registerAllReached(reflectionCandidates());
            }
        } while (registered && worklist.isEmpty());
        return !worklist.isEmpty();
    }

    /**
     * The classes named in the options ({@link CompilerOptions#reflection()}) and, unconditionally or once their
     * condition's class is reached, in the class path's GraalVM metadata ({@link ReflectionConfiguration}).
     */
    private void registerConfiguredReflection() {
        List<String> found = new ArrayList<>();
        List<ReflectionConfiguration.Entry> entries = ReflectionConfiguration.read(world, found);
        found.forEach(diagnostics::problem);
        for (ReflectionConfiguration.Entry entry : entries) {
            if (entry.condition() == null) {
                registerConfigured(entry);
            } else {
                conditionalReflection.add(entry);
            }
        }
        for (String name : options.reflection()) {
            ClassInfo c = world.find(name.replace('.', '/')).orElse(null);
            if (c == null) {
                problem(null, -1, "class " + name + " is registered for reflection but is not on the class path; correct"
                        + " its binary name (e.g. com.example.Outer$Inner) or add the dependency that provides it");
            } else {
                reflection.register(c, true);
            }
        }
    }

    /** Registers the metadata entries whose condition's class is now reached; true if it registered any. */
    private boolean registerConditionalReflection() {
        boolean any = false;
        Set<ClassInfo> reached = reflectionCandidates();
        for (ReflectionConfiguration.Entry entry : List.copyOf(conditionalReflection)) {
            boolean conditionMet = world.loaded(entry.condition().replace('.', '/')).filter(reached::contains).isPresent();
            if (conditionMet) {
                conditionalReflection.remove(entry);
                registerConfigured(entry);
                any = true;
            }
        }
        return any;
    }

    /** A metadata entry's class, or its proxy class when all its interfaces are on the class path. */
    private void registerConfigured(ReflectionConfiguration.Entry entry) {
        if (entry.className() != null) {
            world.find(entry.className().replace('.', '/')).ifPresent(c -> reflection.register(c, true));
            return;
        }
        List<ClassInfo> interfaces = new ArrayList<>();
        for (String name : entry.proxyInterfaces()) {
            world.find(name.replace('.', '/')).ifPresent(interfaces::add);
        }
        if (interfaces.size() == entry.proxyInterfaces().size()) {
            reflection.registerProxy(interfaces);
        }
    }

    /** What kiln.reflectAll registers: the classes with a Class object or an instance. */
    private Set<ClassInfo> reflectionCandidates() {
        Set<ClassInfo> candidates = new LinkedHashSet<>(classObjects);
        candidates.addAll(instantiated);
        return candidates;
    }

    /**
     * Verifies {@code c} when {@code reached}, one of its methods, is the first to be compiled: like the JVM, which
     * verifies a class when it links it (JVMS §5.4.1), every method of the class at once. Each failure is a
     * problem in HotSpot's terms; the class's methods are then not compiled.
     */
    private boolean verified(ClassInfo c, ClassInfo.Method reached) {
        if (world.takeUnverified(c)) {
            boolean hasSubroutines = c.node.methods.stream().anyMatch(Subroutines::in);
            List<BytecodeVerifier.Failure> failures = new ArrayList<>(verifier.verify(c.node));
            if (hasSubroutines) {
                world.codeReplaced(c); // the verifier inlined them: offsets in messages are the inlined code's
            }
            for (BytecodeVerifier.Failure failure : List.copyOf(failures)) {
                ClassInfo.Method where = new ClassInfo.Method(c, failure.method());
                if (reached != null && !where.equals(reached)) {
                    diagnostics.reachedFrom(where, reached); // the class was linked because this method was reached
                }
                if (failure.errorClass().equals("NoClassDefFoundError") && c != mainMethod.owner()) {
                    failures.remove(failure);
                    Linkage.Failure linkError = new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, failure.reason());
                    unlinkable.putIfAbsent(c, linkError);
                    reachLinkageErrorThrow(unlinkable.get(c)); // its methods and initialization routine throw
                    reportLinkageFailure(where, -1, linkError, "linking " + c.javaName()
                            + " fails, and every use of the class throws it, as on the JVM");
                    continue;
                }
                int index = failure.instructionIndex();
                List<Integer> offsets = index < 0 ? List.of() : BytecodeOffsets.of(classBytes(c), failure.method().name,
                        failure.method().desc);
                problem(where, index < offsets.size() && index >= 0 ? offsets.get(index) : -1, failure.errorClass() + ": "
                        + failure.reason() + (failure.errorClass().equals("VerifyError") ? "; HotSpot refuses to load "
                        + c.javaName() + " (from " + c.origin + "): rebuild it with a Java compiler"
                        : "; linking the main class fails, so the program cannot start: add the dependency that provides"
                        + " this class"));
            }
            if (!failures.isEmpty()) {
                unverifiable.add(c);
            }
        }
        return !unverifiable.contains(c);
    }

    /** The symbol of the routine a prologue calls to grow the stack ({@link KernelAbi#STACK_GROWER}), reached. */
    String stackGrower() {
        ClassInfo stacks = world.require(KernelAbi.STACKS_CLASS);
        ClassInfo.Method m = stacks.declaredMethod(KernelAbi.STACK_GROWER, "()V");
        if (m == null || !m.isStatic()) {
            problem(null, -1, "the kernel template lacks static " + KernelAbi.javaName(KernelAbi.STACKS_CLASS) + "."
                    + KernelAbi.STACK_GROWER + "() (docs/abi.md \"Stack limit\")");
            return "missing:" + KernelAbi.STACK_GROWER;
        }
        return reach(m, null, -1);
    }

    // ---- callbacks from the lowerings and MethodReferences ---------------------------------------------------

    void problem(ClassInfo.Method where, int bytecodeOffset, String message) {
        diagnostics.problem(where, bytecodeOffset, message);
    }

    /** A warning about the code of {@code where} (one line, reported once), which still builds. */
    void warning(ClassInfo.Method where, int bytecodeOffset, String message) {
        diagnostics.warning(where, bytecodeOffset, message);
    }

    /**
     * A reference in {@code where}'s code that does not link (see {@link Linkage}): a warning, or with
     * {@code kiln.linkAtBuildTime} an error; the instruction is compiled into a throw of the error, which needs the
     * runtime's thrower and the message as a literal.
     */
    void linkageFailure(ClassInfo.Method where, int bytecodeOffset, Linkage.Failure failure) {
        reportLinkageFailure(where, bytecodeOffset, failure, "the instruction throws it when it runs, as on the JVM");
        reachLinkageErrorThrow(failure);
    }

    /** What {@link dev.kiln.compiler.backend.RuntimeConventions#emitLinkageErrorThrow} refers to. */
    private void reachLinkageErrorThrow(Linkage.Failure failure) {
        stringLiteral(failure.message());
        runtime(KernelAbi.LINKAGE_ERROR_THROWER[0], KernelAbi.LINKAGE_ERROR_THROWER[1]);
    }

    private void reportLinkageFailure(ClassInfo.Method where, int bytecodeOffset, Linkage.Failure failure, String when) {
        diagnostics.linkageFailure(where, bytecodeOffset, failure, when);
    }

    /**
     * An {@code invokedynamic} whose bootstrap does not link or fails ({@link IndyLowering}): the instruction
     * becomes a throw of {@code failure}.
     */
    void unlinkedCallSite(AbstractInsnNode callSite, Linkage.Failure failure) {
        unlinkedCallSites.put(callSite, failure);
    }

    /** The failure recorded for an {@code invokedynamic} by {@link #unlinkedCallSite}, or null. */
    Linkage.Failure unlinkedCallSite(AbstractInsnNode callSite) {
        return unlinkedCallSites.get(callSite);
    }

    /** Whether the code of {@code c} is held to the access rules (JVMS §5.4.4): the program's own classes. */
    boolean checksAccess(ClassInfo c) {
        return world.isFromClassPath(c);
    }

    /**
     * The bytecode offsets of {@code m}'s instructions, for messages; each class file is walked once, for all its
     * methods (MethodReferences asks for every method it scans).
     */
    List<Integer> bytecodeOffsets(ClassInfo.Method m) {
        return bytecodeOffsets.computeIfAbsent(m.owner(), c -> BytecodeOffsets.ofEveryMethod(classBytes(c)))
                .getOrDefault(m.selector(), List.of());
    }

    byte[] classBytes(ClassInfo c) {
        return world.classBytes(c.name);
    }

    ClassInfo.Method mainMethod() {
        return mainMethod;
    }

    /** Queues a method for compilation (once) and returns its code symbol. */
    String reach(ClassInfo.Method m, ClassInfo.Method from, int bytecodeOffset) {
        String symbol = Symbols.method(m);
        if (reached.putIfAbsent(symbol, m) == null) {
            diagnostics.reachedFrom(m, from);
            if (m.isAbstract()) {
                problem(from, bytecodeOffset, "direct call of abstract method " + m.fullName());
            } else if (m.isNative() && world.isFromClassPath(m.owner())) {
                problem(m, -1, "native method " + m.fullName() + " (from " + m.owner().origin
                        + ") has no Kiln implementation; Kiln's class library must substitute the class that declares it");
            } else if (m.isNative()) {
                unimplementedNative(m);
            } else {
                worklist.addLast(m);
            }
        }
        return symbol;
    }

    /**
     * A native method of the JDK that Kiln's class library neither substitutes nor compiles inline: like a JNI
     * method whose library is absent, it throws {@code UnsatisfiedLinkError} when called (JVMS §5.6: natives are
     * bound when first invoked), so a library whose unused paths touch the JDK's file system, networking or
     * module layer still builds. The build lists it as a warning; {@code kiln.linkAtBuildTime} makes it an error.
     * <i>Rejected</i>: failing the build (one native reached through a class initializer nobody runs kept whole
     * libraries out: JSON binders reach {@code FileInputStream} through {@code TimeZone}), and answering a default
     * value (a silently wrong program). The application's own natives stay build errors: there is no library to
     * bind them to, and the application calls them on purpose.
     */
    private void unimplementedNative(ClassInfo.Method m) {
        Linkage.Failure failure = new Linkage.Failure(Linkage.Kind.UNSATISFIED_LINK, "'" + m.fullName() + "': a native"
                + " method of the JDK that Kiln's class library does not implement");
        reportLinkageFailure(m, -1, failure, "calling it throws UnsatisfiedLinkError");
        unimplementedNatives.put(m, failure);
        reachLinkageErrorThrow(failure);
        worklist.addLast(m);
    }

    /**
     * A direct call of an instance method (constructor, private, super or final method) can only run on an
     * instance of its class, so it is compiled once some subtype of that class is instantiated; until then it
     * waits, and if that never happens its symbol ends up at a trap (see emitUnreachableMethods).
     */
    String reachInstanceMethod(ClassInfo.Method m, ClassInfo.Method from, int bytecodeOffset) {
        if (instantiated.stream().anyMatch(c -> c.isSubtypeOf(m.owner()))) {
            return reach(m, from, bytecodeOffset);
        }
        waitingForInstance.putIfAbsent(m, from);
        return Symbols.method(m);
    }

    boolean isReached(ClassInfo.Method m) {
        return reached.containsKey(Symbols.method(m));
    }

    /**
     * {@code Intrinsics.symbol("m:owner.name(desc)")}: the kernel takes the address of a static method (a
     * tasklet's entry, a routine to run on the system stack), which must then be compiled too.
     */
    void reachStaticMethodSymbol(String symbol, ClassInfo.Method from, int bytecodeOffset) {
        String spec = symbol.substring(Symbols.METHOD_PREFIX.length());
        int paren = spec.indexOf('(');
        int dot = paren < 0 ? -1 : spec.lastIndexOf('.', paren);
        ClassInfo owner = dot < 0 ? null : world.find(spec.substring(0, dot)).orElse(null);
        ClassInfo.Method m = owner == null ? null : owner.declaredMethod(spec.substring(dot + 1, paren), spec.substring(paren));
        if (m == null || !m.isStatic()) {
            problem(from, bytecodeOffset, "Intrinsics.symbol(\"" + symbol + "\") names no static method; write "
                    + "\"m:\" + internal class name + '.' + method name + descriptor, e.g. \"m:kiln/kernel/sched/Scheduler.run()V\"");
            return;
        }
        reach(m, from, bytecodeOffset);
    }

    /** The symbol of a runtime entry point ({@link KernelAbi#SUPPORT_CLASS}), reached. */
    String runtime(String name, String desc) {
        ClassInfo support = world.require(KernelAbi.SUPPORT_CLASS);
        ClassInfo.Method m = support.declaredMethod(name, desc);
        if (m == null) {
            problem(null, -1, "the kernel template lacks " + KernelAbi.javaName(KernelAbi.SUPPORT_CLASS) + "." + name + desc + " (docs/abi.md)");
            return "missing:" + name;
        }
        return reach(m, null, -1);
    }

    /** The heap's static words that inline allocation reads and writes (docs/abi.md "Allocation"), reached. */
    private void heapWords() {
        ClassInfo heap = world.require(KernelAbi.HEAP_CLASS);
        for (String name : KernelAbi.HEAP_WORDS) {
            ClassInfo.Field f = world.resolveField(heap, name);
            if (f == null || !f.isStatic() || !f.node().desc.equals("J")) {
                problem(null, -1, "the kernel template lacks the static long " + KernelAbi.javaName(KernelAbi.HEAP_CLASS)
                        + "." + name + " (docs/abi.md \"Allocation\")");
            } else {
                staticField(f);
            }
        }
    }

    /** A class whose Class object the code refers to, or null (and a problem) when it does not exist. */
    ClassInfo classObjectFor(String internalNameOrDescriptor, ClassInfo.Method from, int bytecodeOffset) {
        try {
            ClassInfo c = world.require(internalNameOrDescriptor);
            if (classObjects.add(c) && c.isEnum()) {
                ClassInfo.Method values = c.declaredMethod("values", "()[L" + c.name + ";");
                if (values != null) {
                    reach(values, from, bytecodeOffset); // Enum.valueOf finds the constants through it
                    if (needsInitialization(c)) {
                        classInitRoutine(c);
                        enumValuesEntries.add(c);
                    }
                }
            }
            return c;
        } catch (World.MissingClassException e) {
            if (from != null && bytecodeOffset >= 0) {
                linkageFailure(from, bytecodeOffset, new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, e.className));
            } else {
                problem(from, bytecodeOffset, "class " + e.className.replace('/', '.')
                        + " was not found on the class path; add the dependency that provides it");
            }
            return null;
        }
    }

    void instantiated(ClassInfo c) {
        if (c != null && instantiated.add(c)) {
            world.layout(c);
            for (Map.Entry<ClassInfo.Method, ClassInfo.Method> waiting : List.copyOf(waitingForInstance.entrySet())) {
                if (c.isSubtypeOf(waiting.getKey().owner())) {
                    waitingForInstance.remove(waiting.getKey());
                    reach(waiting.getKey(), waiting.getValue(), -1);
                }
            }
            for (Map.Entry<String, Set<ClassInfo>> call : List.copyOf(invokedSelectors.entrySet())) {
                if (List.copyOf(call.getValue()).stream().anyMatch(c::isSubtypeOf)) {
                    reachDispatch(c, call.getKey());
                }
            }
        }
    }

    /**
     * A virtual or interface call of {@code selector} on a receiver whose static type is {@code receiverType},
     * in {@code caller}.
     */
    void invokedVirtual(ClassInfo receiverType, String selector, ClassInfo.Method caller) {
        ClassInfo type = receiverType.isArray() ? world.require(World.OBJECT) : receiverType;
        selectorCallers.putIfAbsent(selector, caller);
        if (invokedSelectors.computeIfAbsent(selector, k -> new LinkedHashSet<>()).add(type)) {
            for (ClassInfo c : List.copyOf(instantiated)) {
                if (c.isSubtypeOf(type)) {
                    reachDispatch(c, selector);
                }
            }
        }
    }

    private void reachDispatch(ClassInfo c, String selector) {
        ClassInfo.Method m = world.dispatch(c, selector);
        if (m != null) {
            reach(m, selectorCallers.get(selector), -1);
        }
    }

    int interfaceSelector(String selector) {
        return interfaceSelectors.computeIfAbsent(selector, s -> interfaceSelectors.size() + 1);
    }

    void typeCheckTarget(ClassInfo c) {
        if (c != null) {
            typeCheckTargets.add(c);
        }
    }

    String stringLiteral(String value) {
        return stringLiterals.computeIfAbsent(value, v -> Symbols.stringLiteral(stringLiterals.size()));
    }

    String staticField(ClassInfo.Field f) {
        String symbol = Symbols.staticField(f);
        staticFields.putIfAbsent(symbol, f);
        return symbol;
    }

    /**
     * Whether using {@code c} must go through its initialization routine. A class whose linking fails
     * ({@link #unlinkable}) does, so that every use throws; it is verified here, at its first use, since
     * verification decides that (HotSpot links a class before it initializes it, JVMS §5.5).
     */
    boolean needsInitialization(ClassInfo c) {
        if (c.node == null) {
            return false;
        }
        verified(c, null);
        if (unlinkable.containsKey(c)) {
            return true;
        }
        if (c.declaredMethod("<clinit>", "()V") != null) {
            return true;
        }
        return !c.isInterface() && c.superclass() != null && needsInitialization(c.superclass());
    }

    /** The routine that initializes {@code c} on first use (JLS §12.4.2, through {@code Support.initializeClass}). */
    String classInitRoutine(ClassInfo c) {
        if (initRoutines.add(c)) {
            verified(c, null); // linked before it is initialized: the routine must know whether linking fails
            if (unlinkable.containsKey(c)) {
                reachLinkageErrorThrow(unlinkable.get(c)); // its routine throws
                return Symbols.classInit(c);
            }
            runtime(KernelAbi.CLASS_INITIALIZER[0], KernelAbi.CLASS_INITIALIZER[1]);
            classObjectFor(c.name, null, -1);
            ClassInfo.Method clinit = c.declaredMethod("<clinit>", "()V");
            if (clinit != null) {
                reach(clinit, null, -1);
            }
            if (!c.isInterface() && c.superclass() != null && needsInitialization(c.superclass())) {
                classInitRoutine(c.superclass());
            }
        }
        return Symbols.classInit(c);
    }

}
