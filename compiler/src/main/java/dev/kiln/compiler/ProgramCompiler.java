package dev.kiln.compiler;

import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RBP;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.opt.JvmSequences;
import dev.kiln.compiler.stubs.InterruptStub;
import dev.kiln.compiler.verify.BytecodeVerifier;
import dev.kiln.compiler.verify.Subroutines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Compiles the closed world reachable from the kernel's start method and the application's main: a worklist
 * of methods, grown by rapid type analysis (a virtual call reaches the implementation of every instantiated
 * class; an instantiation reaches the implementations of every selector called so far), then the data that
 * the code refers to (class objects, string literals, static fields, the method table).
 */
final class ProgramCompiler {
    /** Symbol at offset 0 of the text section; the method table addresses code relative to it. */
    static final String TEXT_BASE = "kiln_text_base";

    private final World world;
    private final EntryPoints entryPoints;
    private final CompilerOptions options;
    private final Assembler text = new Assembler(Mode.BITS64);
    private final List<String> problems = new ArrayList<>();
    /** The class path files packed into the image's resource table ({@link ResourceSelection}). */
    private List<ClassFileLoader.Resource> packedResources = List.of();
    /** The time zones' rules packed into the image ({@link TimeZoneDatabase}), if the program reads them. */
    private Optional<byte[]> packedTimeZones = Optional.empty();
    private final Deque<ClassInfo.Method> worklist = new ArrayDeque<>();
    private final Map<String, ClassInfo.Method> reached = new LinkedHashMap<>();
    private final Map<ClassInfo.Method, ClassInfo.Method> reachedFrom = new HashMap<>();
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
    private final List<MethodTableEntry> methodTable = new ArrayList<>();
    private final IndyLowering indyLowering;
    /** The optimizing tier, when the options ask for it; null: the baseline compiles everything. */
    private final OptimizingTier optimizingTier;
    private final VarHandleLowering varHandleLowering;
    private final BytecodeVerifier verifier;
    private final ReflectionRegistry reflection;
    /** GraalVM metadata entries whose condition's class is not reached (yet). */
    private final List<ReflectionConfiguration.Entry> conditionalReflection = new ArrayList<>();
    /** Classes whose code failed verification: none of their methods is compiled. */
    private final Set<ClassInfo> unverifiable = new HashSet<>();
    private final Set<String> warnings = new HashSet<>();
    /**
     * Classes whose linking fails as it does on HotSpot (a catch type, or a class the verifier must load, is on no
     * class path: JVMS §5.4.1), with the error: their initialization routine throws it at every use, and their
     * methods are compiled into throws of it.
     */
    private final Map<ClassInfo, Linkage.Failure> unlinkable = new HashMap<>();
    /** invokedynamic instructions whose bootstrap does not link or fails, with the error they throw. */
    private final Map<AbstractInsnNode, Linkage.Failure> unlinkedCallSites = new HashMap<>();
    private Linkage.Failure pendingLinkageFailure;
    /** The JDK's natives without a Kiln implementation that were reached; each compiles to a throw. */
    private final Map<ClassInfo.Method, Linkage.Failure> unimplementedNatives = new HashMap<>();
    private ClassInfo.Method mainMethod;

    /** One row of kiln_method_table before it is written (docs/abi.md "Tables"). */
    record MethodTableEntry(String name, int start, int end, int localsBytes, List<MethodCompiler.Handler> handlers,
                            String sourceFile, List<MethodCompiler.LineStart> lines) {
    }

    ProgramCompiler(World world, EntryPoints entryPoints, CompilerOptions options) {
        this.world = world;
        this.entryPoints = entryPoints;
        this.options = options;
        this.indyLowering = new IndyLowering(world);
        this.varHandleLowering = new VarHandleLowering(world);
        this.verifier = new BytecodeVerifier(world);
        this.reflection = new ReflectionRegistry(this, world);
        this.optimizingTier = options.optimize() ? new OptimizingTier(this) : null;
    }

    World world() {
        return world;
    }

    /** Compiles everything; the sections of the kernel's code and data. */
    List<Section> compile() throws CompilationException {
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
        text.symbol(TEXT_BASE);
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
        text.symbol(Symbols.JAVA_START);
        text.jmp(reach(start, null, -1));
        text.endSymbol();
        ClassInfo.Method dispatch = world.find(KernelAbi.INTERRUPT_DISPATCHER_CLASS)
                .map(c -> c.declaredMethod(KernelAbi.INTERRUPT_DISPATCH_METHOD, KernelAbi.INTERRUPT_DISPATCH_DESCRIPTOR))
                .orElse(null);
        if (dispatch == null || !dispatch.isStatic()) {
            throw new CompilationException(List.of("the kernel template has no static "
                    + KernelAbi.javaName(KernelAbi.INTERRUPT_DISPATCHER_CLASS) + "." + KernelAbi.INTERRUPT_DISPATCH_METHOD
                    + KernelAbi.INTERRUPT_DISPATCH_DESCRIPTOR + ", which the interrupt stub calls"));
        }
        text.symbol(InterruptStub.DISPATCH);
        text.jmp(reach(dispatch, null, -1));
        text.endSymbol();
        for (String[] entry : KernelAbi.RUNTIME_ENTRY_POINTS) {
            runtime(entry[0], entry[1]);
        }
        stackGrower();
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
                Linkage.Failure unlinked = unlinkable.getOrDefault(m.owner(), unimplementedNatives.get(m));
                MethodCompiler.Compiled compiled;
                if (unlinked != null) {
                    compiled = new MethodCompiler(this, text, m).compileThrowing(unlinked);
                } else {
                    reflection.registerConstantUses(m);
                    indyLowering.lower(m, this);
                    varHandleLowering.lower(m, this);
                    compiled = optimizingTier == null ? null : optimizingTier.compile(text, m);
                    if (compiled == null) {
                        compiled = new MethodCompiler(this, text, m).compile();
                    }
                }
                if (compiled != null) {
                    methodTable.add(new MethodTableEntry(m.displayName(), compiled.start(), compiled.end(),
                            compiled.localsBytes(), compiled.handlers(), m.owner().node.sourceFile, compiled.lines()));
                }
            } catch (World.MissingClassException | World.UnreadableClassException e) {
                throw e;
            } catch (RuntimeException e) {
                problems.add(Compiler.internalError("compiling " + m.fullName() + " (class file from " + m.owner().origin
                        + ")", e));
                throw new CompilationException(problems);
            }
        }
        new InterruptHandlerRules(this, instantiated).check();
        packedResources = ResourceSelection.select(world, options.resources(),
                name -> initRoutines.stream().anyMatch(c -> c.name.equals(name)), problems);
        packTimeZones();
        emitClassInitRoutines();
        emitEnumValuesEntries();
        emitUnreachableMethods();
        if (!problems.isEmpty()) {
            if (options.reportDirectory().isPresent()) {
                writeProblems(options.reportDirectory().get());
            }
            throw new CompilationException(problems);
        }
        List<Section> sections = new ArrayList<>();
        sections.add(text.finish(".text.java", SectionKind.TEXT, 16));
        sections.addAll(new ImageData(this).sections());
        if (options.reportDirectory().isPresent()) {
            try {
                BuildReport.write(options.reportDirectory().get(), methodTable, sections.get(0).size(),
                        sections.get(1).size(), sections.get(2).size(),
                        optimizingTier == null ? List.of() : optimizingTier.report(methodTable.size()));
            } catch (IOException e) {
                throw new CompilationException(List.of("cannot write the build report to "
                        + options.reportDirectory().get() + ": " + e.getMessage()));
            }
        }
        return sections;
    }

    List<ClassFileLoader.Resource> packedResources() {
        return packedResources;
    }

    /**
     * The selected zones of the build JDK's tzdb, when {@code kiln.runtime.TimeZoneData} was loaded (it reads them);
     * the zones the options name are checked either way, so a misspelled one fails every build, not only those of
     * programs that use time zones.
     */
    private void packTimeZones() {
        boolean read = world.loaded(KernelAbi.TIME_ZONE_DATA_CLASS).isPresent();
        boolean named = !options.timeZones().isEmpty() || !options.defaultTimeZone().equals(TimeZoneDatabase.DEFAULT_ZONE);
        if (!read && !named) {
            return;
        }
        try {
            byte[] packed = TimeZoneDatabase.ofBuildJdk().pack(options.timeZones(), options.defaultTimeZone(), problems);
            packedTimeZones = read ? Optional.of(packed) : Optional.empty();
        } catch (IOException e) {
            problems.add("cannot read the build JDK's time-zone rules (" + System.getProperty("java.home")
                    + "/lib/tzdb.dat): " + e.getMessage() + "; build with a JDK whose run-time image has them");
        }
    }

    Optional<byte[]> packedTimeZones() {
        return packedTimeZones;
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
        for (ReflectionConfiguration.Entry entry : ReflectionConfiguration.read(world, problems)) {
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
                    reachedFrom.putIfAbsent(where, reached); // the class was linked because this method was reached
                }
                if (failure.errorClass().equals("NoClassDefFoundError") && c != mainMethod.owner()) {
                    failures.remove(failure);
                    Linkage.Failure linkError = new Linkage.Failure(Linkage.Kind.NO_CLASS_DEF_FOUND, failure.reason());
                    unlinkable.putIfAbsent(c, linkError);
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

    /** The complete list, for when the build output shows only the first problems. */
    private void writeProblems(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("kiln-problems.txt"), problems, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add("(the complete list could not be written to " + directory + ": " + e.getMessage() + ")");
        }
    }

    /** The method the stack check calls must not check the stack itself. */
    /** The runtime routines that run in the reserve below the stack limit and so have no stack check. */
    boolean runsBelowStackLimit(ClassInfo.Method m) {
        return KernelAbi.WITHOUT_STACK_CHECK.stream()
                .anyMatch(entry -> m.owner().name.equals(entry[0]) && m.node().name.equals(entry[1]));
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

    // ---- callbacks from MethodCompiler ---------------------------------------------------------------------

    void problem(ClassInfo.Method where, int bytecodeOffset, String message) {
        String line = located(where, bytecodeOffset, message);
        if (!problems.contains(line)) {
            problems.add(line);
        }
    }

    /**
     * A reference in {@code where}'s code that does not link (see {@link Linkage}): a warning, or with
     * {@code kiln.linkAtBuildTime} an error; the instruction being compiled becomes a throw of the error.
     */
    void linkageFailure(ClassInfo.Method where, int bytecodeOffset, Linkage.Failure failure) {
        reportLinkageFailure(where, bytecodeOffset, failure, "the instruction throws it when it runs, as on the JVM");
        if (pendingLinkageFailure == null) {
            pendingLinkageFailure = failure;
        }
    }

    /** A warning, or with {@code kiln.linkAtBuildTime} an error, for code that throws a LinkageError when it runs. */
    private void reportLinkageFailure(ClassInfo.Method where, int bytecodeOffset, Linkage.Failure failure, String when) {
        String message = failure.kind().errorClass + ": " + failure.message()
                + (failure.kind() == Linkage.Kind.UNSATISFIED_LINK ? "" : " (the class path differs from the one"
                + " the code was compiled against, or Kiln's class library lacks it)");
        if (options.linkAtBuildTime()) {
            problem(where, bytecodeOffset, message + "; kiln.linkAtBuildTime makes this an error");
        } else if (warnings.add(located(where, bytecodeOffset, message))) {
            options.warnings().accept(located(where, bytecodeOffset, message + "; " + when));
        }
    }

    /**
     * An {@code invokedynamic} whose bootstrap does not link or fails ({@link IndyLowering}): the instruction
     * becomes a throw of {@code failure}, recorded here until MethodCompiler reaches it.
     */
    void unlinkedCallSite(AbstractInsnNode callSite, Linkage.Failure failure) {
        unlinkedCallSites.put(callSite, failure);
    }

    /** The failure recorded for an {@code invokedynamic} by {@link #unlinkedCallSite}, or null. */
    Linkage.Failure unlinkedCallSite(AbstractInsnNode callSite) {
        return unlinkedCallSites.get(callSite);
    }

    /** The linkage failure of the instruction just compiled, if any; MethodCompiler turns it into a throw. */
    Linkage.Failure takeLinkageFailure() {
        Linkage.Failure failure = pendingLinkageFailure;
        pendingLinkageFailure = null;
        return failure;
    }

    /** The problems found so far; compile() fails with all of them at the end. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** A warning about the code of {@code where} (one line, reported once), which still builds. */
    void warning(ClassInfo.Method where, int bytecodeOffset, String message) {
        String line = located(where, bytecodeOffset, message);
        if (warnings.add(line)) {
            options.warnings().accept(line);
        }
    }

    /** Whether the code of {@code c} is held to the access rules (JVMS §5.4.4): the program's own classes. */
    boolean checksAccess(ClassInfo c) {
        return world.isFromClassPath(c);
    }

    private String located(ClassInfo.Method where, int bytecodeOffset, String message) {
        StringBuilder line = new StringBuilder();
        if (where != null) {
            line.append(where.fullName());
            if (bytecodeOffset >= 0) {
                line.append(" at bytecode offset ").append(bytecodeOffset);
            }
            line.append(": ");
        }
        line.append(message);
        if (where != null) {
            String chain = reachChain(where);
            if (!chain.isEmpty()) {
                line.append(" (reached from ").append(chain).append(")");
            }
        }
        return line.toString();
    }

    /**
     * How the closed world came to contain {@code m}: the nearest callers, and — since a long chain through the
     * JDK says little — the outermost ones, which name the application code that started it.
     */
    private String reachChain(ClassInfo.Method m) {
        List<String> names = new ArrayList<>();
        Set<ClassInfo.Method> seen = new HashSet<>();
        for (ClassInfo.Method from = reachedFrom.get(m); from != null && seen.add(from); from = reachedFrom.get(from)) {
            names.add(from.displayName());
        }
        if (names.size() > 7) {
            List<String> shortened = new ArrayList<>(names.subList(0, 3));
            shortened.add("...");
            shortened.addAll(names.subList(names.size() - 3, names.size()));
            names = shortened;
        }
        return String.join(" <- ", names);
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
            if (from != null) {
                reachedFrom.put(m, from);
            }
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

    /** The heap's static words that inline allocation uses (docs/abi.md "Allocation"), their symbols emitted. */
    JvmSequences.HeapWords heapWords() {
        ClassInfo heap = world.require(KernelAbi.HEAP_CLASS);
        String[] symbols = new String[4];
        String[] names = {"next", "limit", "start", "startBits"};
        for (int i = 0; i < names.length; i++) {
            ClassInfo.Field f = world.resolveField(heap, names[i]);
            if (f == null || !f.isStatic() || !f.node().desc.equals("J")) {
                problem(null, -1, "the kernel template lacks the static long " + KernelAbi.javaName(KernelAbi.HEAP_CLASS)
                        + "." + names[i] + " (docs/abi.md \"Allocation\")");
                return null;
            }
            symbols[i] = staticField(f);
        }
        return new JvmSequences.HeapWords(symbols[0], symbols[1], symbols[2], symbols[3]);
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

    int vtableSlot(ClassInfo c, String selector) {
        world.layout(c);
        int slot = c.vtable.indexOf(selector);
        if (slot < 0) {
            throw new IllegalStateException("no vtable slot for " + selector + " in " + c);
        }
        return slot;
    }

    /** Offset of the vtable in a Class object: right after Class's own instance fields. */
    int vtableOffset() {
        ClassInfo classClass = world.require("java/lang/Class");
        world.layout(classClass);
        return classClass.instanceSize;
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
        return !c.isInterface() && c.superclass != null && needsInitialization(c.superclass);
    }

    /** The routine that initializes {@code c} on first use (JLS §12.4.2, through {@code Support.initializeClass}). */
    String classInitRoutine(ClassInfo c) {
        if (initRoutines.add(c)) {
            verified(c, null); // linked before it is initialized: the routine must know whether linking fails
            if (unlinkable.containsKey(c)) {
                runtime(KernelAbi.LINKAGE_ERROR_THROWER[0], KernelAbi.LINKAGE_ERROR_THROWER[1]); // its routine throws
                return Symbols.classInit(c);
            }
            runtime(KernelAbi.CLASS_INITIALIZER[0], KernelAbi.CLASS_INITIALIZER[1]);
            classObjectFor(c.name, null, -1);
            ClassInfo.Method clinit = c.declaredMethod("<clinit>", "()V");
            if (clinit != null) {
                reach(clinit, null, -1);
            }
            if (!c.isInterface() && c.superclass != null && needsInitialization(c.superclass)) {
                classInitRoutine(c.superclass);
            }
        }
        return Symbols.classInit(c);
    }

    /**
     * The class-initialization routines. Each checks the class's state word (nonzero: initialized) and otherwise
     * calls {@code Support.initializeClass(class, state word, superclass routine, <clinit>)}, which runs the
     * procedure of JLS §12.4.2 in Java: waits while another tasklet initializes the class, lets a recursive
     * request of the initializing tasklet through, throws NoClassDefFoundError for a class whose initialization
     * failed, runs the superclass's routine and then {@code <clinit>}, wraps an exception in
     * ExceptionInInitializerError and sets the state word last. Each routine has a frame of its own and a
     * method-table entry, so that an exception thrown by a static initializer unwinds through it like through
     * any Java method.
     *
     * <p><i>Rejected</i>: the whole procedure in generated code (a state word with in-progress and erroneous
     * values, a wait loop, an exception handler that wraps): every line of it would be assembly, and waiting for
     * another tasklet needs the scheduler, which is Java anyway. The fast path, one compare at each use, is what
     * must be generated; the slow path runs once per class.
     */
    private void emitClassInitRoutines() {
        for (ClassInfo c : initRoutines) {
            int start = text.offset();
            text.symbol(Symbols.classInit(c));
            text.push(RBP);
            text.mov(RBP, RSP);
            MethodCompiler.emitStackCheck(text, KernelAbi.CLASS_INITIALIZER_ARGUMENTS * 8L, stackGrower());
            Label done = text.newLabel();
            text.cmp(Mem.symbol(64, Symbols.classInitState(c), 0), Imm.of(0));
            text.jcc(Cond.NE, done);
            Linkage.Failure unlinked = unlinkable.get(c);
            if (unlinked != null) {
                // linking the class fails: every use throws, and the state word stays 0 (JVMS §5.4.1)
                MethodCompiler.emitLinkageErrorThrow(text, this, unlinked);
            } else {
                emitInitializeClassCall(c);
            }
            text.bind(done);
            text.leave();
            text.ret();
            text.endSymbol();
            methodTable.add(new MethodTableEntry(c.javaName() + ".<clinit>", start, text.offset(), 0, List.of(),
                    c.node.sourceFile, List.of()));
        }
    }

    /**
     * The code address {@code Class.enumValues} holds for an enum: its {@code values()}, or, if the enum has a class
     * initializer, an entry that runs it first. The runtime calls that address directly (Enum.valueOf, EnumSet,
     * getEnumConstants), where no caller's initialization check has run: on HotSpot, reflection's call of
     * {@code values()} initializes the enum (JLS §12.4.1), and its constants are not there before.
     */
    String enumValuesAddress(ClassInfo c, ClassInfo.Method values) {
        return enumValuesEntries.contains(c) ? Symbols.enumValuesEntry(c) : Symbols.method(values);
    }

    /** The entries of {@link #enumValuesAddress}: a frame, the enum's initialization routine, then values() itself. */
    private void emitEnumValuesEntries() {
        for (ClassInfo c : enumValuesEntries) {
            int start = text.offset();
            text.symbol(Symbols.enumValuesEntry(c));
            text.push(RBP);
            text.mov(RBP, RSP);
            text.call(Symbols.classInit(c)); // checks the state word itself, and has a frame of its own
            text.leave();
            text.jmp(Symbols.method(c.declaredMethod("values", "()[L" + c.name + ";")));
            text.endSymbol();
            methodTable.add(new MethodTableEntry(c.javaName() + ".values", start, text.offset(), 0, List.of(),
                    c.node.sourceFile, List.of()));
        }
    }

    /** {@code Support.initializeClass(class, state word, superclass routine, <clinit>)} for {@code c}. */
    private void emitInitializeClassCall(ClassInfo c) {
        pushAddress(Symbols.classObject(c));
        pushAddress(Symbols.classInitState(c));
        if (!c.isInterface() && c.superclass != null && needsInitialization(c.superclass)) {
            pushAddress(Symbols.classInit(c.superclass));
        } else {
            text.push(Imm.of(0));
        }
        ClassInfo.Method clinit = c.declaredMethod("<clinit>", "()V");
        if (clinit != null) {
            pushAddress(Symbols.method(clinit));
        } else {
            text.push(Imm.of(0));
        }
        text.call(runtime(KernelAbi.CLASS_INITIALIZER[0], KernelAbi.CLASS_INITIALIZER[1])); // reached by classInitRoutine
        text.add(RSP, Imm.of(KernelAbi.CLASS_INITIALIZER_ARGUMENTS * 8L));
    }

    private void pushAddress(String symbol) {
        text.lea(RAX, Mem.symbol(0, symbol, 0));
        text.push(RAX);
    }

    /**
     * Instance methods that are called but can never run, because no instance of their class is ever made: their
     * symbols share one trap, which throws AbstractMethodError should the analysis ever be wrong.
     */
    private void emitUnreachableMethods() {
        List<ClassInfo.Method> unreachable = waitingForInstance.keySet().stream().filter(m -> !isReached(m)).toList();
        if (unreachable.isEmpty()) {
            return;
        }
        String trap = runtime("abstractMethodError", "()V");
        for (ClassInfo.Method m : unreachable) {
            text.symbol(Symbols.method(m));
        }
        text.jmp(trap);
        text.endSymbol();
    }

    // ---- views for ImageData -------------------------------------------------------------------------------

    Set<ClassInfo> classObjects() {
        return classObjects;
    }

    Set<ClassInfo> initRoutines() {
        return initRoutines;
    }

    Map<String, ClassInfo.Field> staticFields() {
        return staticFields;
    }

    Map<String, String> stringLiterals() {
        return stringLiterals;
    }

    Map<String, Integer> interfaceSelectors() {
        return interfaceSelectors;
    }

    ReflectionRegistry reflection() {
        return reflection;
    }

    List<MethodTableEntry> methodTable() {
        return methodTable;
    }
}
