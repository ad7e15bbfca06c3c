package dev.kiln.compiler.analysis;

import dev.kiln.compiler.opt.JvmSequences;
import dev.kiln.compiler.opt.TypeTableCode;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.tree.AbstractInsnNode;

/**
 * The closed world as the analysis ({@link Reachability}) finished it, before any code is generated: the methods
 * to compile, the instantiated classes, the Class objects, static fields, string literals, initialization
 * routines and interface selectors the code refers to. Nothing here grows any more: a backend asks for the symbol
 * of what its method refers to, and a reference the analysis did not reach is a bug in Kiln, reported as such
 * ({@link #require}), never silently added — the image data was sized for this program.
 *
 * <p>Being finished is also what makes class-hierarchy analysis exact: {@link #devirtualized} knows every class
 * that can ever be instantiated.
 */
public final class Program {
    private final World world;
    private final ClassInfo.Method mainMethod;
    private final ClassInfo.Method kernelStart;
    private final ClassInfo.Method interruptDispatch;
    private final List<ClassInfo.Method> methods;
    /** The methods whose own code is compiled: {@link #methods} but those that only throw. */
    private final Set<ClassInfo.Method> analyzedCode;
    private final Map<ClassInfo.Method, Linkage.Failure> throwingMethods;
    private final Set<ClassInfo.Method> reached;
    private final Set<ClassInfo.Method> uninstantiatedMethods;
    private final Set<ClassInfo> instantiated;
    private final Set<ClassInfo> classObjects;
    private final Set<ClassInfo> initRoutines;
    private final Set<ClassInfo> enumValuesEntries;
    private final Map<ClassInfo, Linkage.Failure> unlinkable;
    private final Map<String, ClassInfo.Field> staticFields;
    private final Map<String, String> stringLiterals;
    private final Map<String, Integer> interfaceSelectors;
    /** The supertypes that type checks ask about, each with its type-table column (after the selectors'). */
    private final Map<ClassInfo, Integer> supertypeColumns = new LinkedHashMap<>();
    private final Map<AbstractInsnNode, Linkage.Failure> unlinkedCallSites;
    private final ReflectionRegistry reflection;
    private final List<ClassFileLoader.Resource> packedResources;
    private final Optional<byte[]> packedTimeZones;
    /** The analysis reported problems: the build fails, and what they concern was not reached. */
    private final boolean incomplete;
    /** Per receiver type and selector, the one implementation the call can run, or null (see devirtualized). */
    private final Map<ClassInfo, Map<String, Optional<ClassInfo.Method>>> singleImplementations = new LinkedHashMap<>();

    Program(World world, ClassInfo.Method mainMethod, ClassInfo.Method kernelStart, ClassInfo.Method interruptDispatch,
            List<ClassInfo.Method> methods,
            Map<ClassInfo.Method, Linkage.Failure> throwingMethods, Set<ClassInfo.Method> reached,
            Set<ClassInfo.Method> uninstantiatedMethods, Set<ClassInfo> instantiated, Set<ClassInfo> classObjects,
            Set<ClassInfo> initRoutines, Set<ClassInfo> enumValuesEntries, Map<ClassInfo, Linkage.Failure> unlinkable,
            Map<String, ClassInfo.Field> staticFields, Map<String, String> stringLiterals,
            Map<String, Integer> interfaceSelectors, Set<ClassInfo> typeCheckTargets,
            Map<AbstractInsnNode, Linkage.Failure> unlinkedCallSites, ReflectionRegistry reflection, List<ClassFileLoader.Resource> packedResources,
            Optional<byte[]> packedTimeZones, boolean incomplete) {
        this.world = world;
        this.mainMethod = mainMethod;
        this.kernelStart = kernelStart;
        this.interruptDispatch = interruptDispatch;
        this.methods = List.copyOf(methods);
        this.throwingMethods = Map.copyOf(throwingMethods);
        Set<ClassInfo.Method> code = new LinkedHashSet<>(methods);
        code.removeAll(throwingMethods.keySet());
        this.analyzedCode = java.util.Collections.unmodifiableSet(code);
        this.reached = Set.copyOf(reached);
        this.uninstantiatedMethods = unmodifiableOrdered(uninstantiatedMethods);
        this.instantiated = unmodifiableOrdered(instantiated);
        this.classObjects = unmodifiableOrdered(classObjects);
        this.initRoutines = unmodifiableOrdered(initRoutines);
        this.enumValuesEntries = unmodifiableOrdered(enumValuesEntries);
        this.unlinkable = Map.copyOf(unlinkable);
        this.staticFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(staticFields));
        this.stringLiterals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stringLiterals));
        this.interfaceSelectors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(interfaceSelectors));
        numberSupertypeColumns(typeCheckTargets);
        this.unlinkedCallSites = Map.copyOf(unlinkedCallSites);
        this.reflection = reflection;
        this.packedResources = List.copyOf(packedResources);
        this.packedTimeZones = packedTimeZones;
        this.incomplete = incomplete;
    }

    private static <T> Set<T> unmodifiableOrdered(Set<T> set) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    public World world() {
        return world;
    }

    public ClassInfo.Method mainMethod() {
        return mainMethod;
    }

    /** The kernel's start method, which {@code kiln_java_start} jumps to. */
    public ClassInfo.Method kernelStart() {
        return kernelStart;
    }

    /** The static method the interrupt stub jumps to. */
    public ClassInfo.Method interruptDispatch() {
        return interruptDispatch;
    }

    /** The methods to compile, in the order the analysis reached them. */
    public List<ClassInfo.Method> methods() {
        return methods;
    }

    /**
     * Why {@code m} is compiled into a throw, or null: a method of a class whose linking fails, or a JDK native
     * without a Kiln implementation.
     */
    public Linkage.Failure throwing(ClassInfo.Method m) {
        return throwingMethods.get(m);
    }

    public boolean isReached(ClassInfo.Method m) {
        return reached.contains(m);
    }

    /** Whether the code of {@code m} is compiled as written, so that the analysis saw what it refers to. */
    public boolean hasAnalyzedCode(ClassInfo.Method m) {
        return analyzedCode.contains(m);
    }

    /** Instance methods that are called but can never run: no instance of their class is ever made. */
    public Set<ClassInfo.Method> uninstantiatedMethods() {
        return uninstantiatedMethods;
    }

    /**
     * A reference the analysis must have reached. Not reached: a bug in Kiln (the analysis and a backend disagree
     * about what the code refers to) — unless the analysis reported problems, which may have cut it short; the
     * build fails with those anyway.
     */
    private void require(boolean present, String what) {
        if (!present && !incomplete) {
            throw new IllegalStateException("the analysis did not reach " + what + ", which the generated code refers to");
        }
    }

    /** The code symbol of a method a call names (a method without instances: the shared trap). */
    public String methodSymbol(ClassInfo.Method m) {
        require(reached.contains(m) || uninstantiatedMethods.contains(m), m.fullName());
        return Symbols.method(m);
    }

    /** The symbol of a runtime entry point ({@link KernelAbi#SUPPORT_CLASS}). */
    public String runtime(String name, String desc) {
        ClassInfo.Method m = world.require(KernelAbi.SUPPORT_CLASS).declaredMethod(name, desc);
        require(m != null && reached.contains(m), "the runtime entry point " + name + desc);
        return m == null ? "missing:" + name : Symbols.method(m);
    }

    /** The symbols of the heap's static words that inline allocation uses (docs/abi.md "Allocation"). */
    public JvmSequences.HeapWords heapWords() {
        ClassInfo heap = world.require(KernelAbi.HEAP_CLASS);
        String[] symbols = new String[KernelAbi.HEAP_WORDS.size()];
        for (int i = 0; i < symbols.length; i++) {
            ClassInfo.Field f = world.resolveField(heap, KernelAbi.HEAP_WORDS.get(i));
            require(f != null, "the heap word " + KernelAbi.HEAP_WORDS.get(i));
            symbols[i] = f == null ? "missing:" + KernelAbi.HEAP_WORDS.get(i) : staticField(f);
        }
        return new JvmSequences.HeapWords(symbols[0], symbols[1], symbols[2], symbols[3]);
    }

    /** The symbol of the routine a prologue calls to grow the stack ({@link KernelAbi#STACK_GROWER}). */
    public String stackGrower() {
        ClassInfo.Method m = world.require(KernelAbi.STACKS_CLASS).declaredMethod(KernelAbi.STACK_GROWER, "()V");
        return m == null ? "missing:" + KernelAbi.STACK_GROWER : methodSymbol(m);
    }

    /** The runtime routines that run in the reserve below the stack limit and so have no stack check. */
    public static boolean runsBelowStackLimit(ClassInfo.Method m) {
        return KernelAbi.WITHOUT_STACK_CHECK.stream()
                .anyMatch(entry -> m.owner().name.equals(entry[0]) && m.node().name.equals(entry[1]));
    }

    /**
     * The class whose Class object the code refers to.
     *
     * @throws World.MissingClassException when it is on no class path (the instruction throws NoClassDefFoundError)
     */
    public ClassInfo classObject(String internalNameOrDescriptor) {
        ClassInfo c = world.require(internalNameOrDescriptor);
        require(classObjects.contains(c), "the Class object of " + c.javaName());
        return c;
    }

    public boolean hasClassObject(ClassInfo c) {
        return classObjects.contains(c);
    }

    public boolean isInstantiated(ClassInfo c) {
        return instantiated.contains(c);
    }

    /** Whether code of {@code method} must check that {@code c} is initialized before using it. */
    public boolean needsInitCheck(ClassInfo.Method method, ClassInfo c) {
        for (ClassInfo k = method.owner(); k != null; k = k.superclass()) {
            if (k == c) {
                return false; // code of a class only runs once it and its superclasses are initialized (JVMS §5.5)
            }
        }
        return needsInitialization(c);
    }

    /** Whether using {@code c} goes through its initialization routine (the analysis decided, {@link Reachability}). */
    public boolean needsInitialization(ClassInfo c) {
        if (c.node == null) {
            return false;
        }
        if (unlinkable.containsKey(c) || c.declaredMethod("<clinit>", "()V") != null) {
            return true;
        }
        return !c.isInterface() && c.superclass() != null && needsInitialization(c.superclass());
    }

    public boolean hasInitRoutine(ClassInfo c) {
        return initRoutines.contains(c);
    }

    /** The routine that initializes {@code c} on first use. */
    public String classInitRoutine(ClassInfo c) {
        require(initRoutines.contains(c), "the initialization routine of " + c.javaName());
        return Symbols.classInit(c);
    }

    /** The linking failure of {@code c} that its initialization routine throws, or null. */
    public Linkage.Failure unlinkable(ClassInfo c) {
        return unlinkable.get(c);
    }

    public String stringLiteral(String value) {
        String symbol = stringLiterals.get(value);
        require(symbol != null, "the string literal \"" + value + "\"");
        return symbol != null ? symbol : "missing:literal";
    }

    public String staticField(ClassInfo.Field f) {
        String symbol = Symbols.staticField(f);
        require(staticFields.containsKey(symbol), "the static field " + f.owner().javaName() + "." + f.node().name);
        return symbol;
    }

    public int interfaceSelector(String selector) {
        Integer number = interfaceSelectors.get(selector);
        require(number != null, "the interface selector " + selector);
        return number == null ? 0 : number;
    }

    /**
     * The type table's columns of supertypes ({@link TypeTable}): the targets of the reached checkcasts and instanceofs,
     * and the element classes of the reference-array classes, down to the innermost (aastore checks a value against
     * them), but Object, which every check passes without asking.
     */
    private void numberSupertypeColumns(Set<ClassInfo> typeCheckTargets) {
        List<ClassInfo> types = new ArrayList<>(typeCheckTargets);
        for (ClassInfo c : classObjects) {
            for (ClassInfo a = c; a.isArray() && a.component().kind != ClassInfo.Kind.PRIMITIVE; a = a.component()) {
                types.add(a.component());
            }
        }
        for (ClassInfo t : types) {
            if (!t.name.equals(World.OBJECT) && !supertypeColumns.containsKey(t)) {
                supertypeColumns.put(t, interfaceSelectors.size() + supertypeColumns.size() + 1);
            }
        }
    }

    /** The byte offset, in a type-table row, of the entry of interface method {@code selector} ({@link TypeTable}). */
    public int interfaceMethodEntry(String selector) {
        return TypeTable.ENTRY_BYTES * interfaceSelector(selector);
    }

    /**
     * The byte offset, in a type-table row, of the entry that says a class is a subtype of {@code t} (not Object,
     * whose instances every non-null reference is).
     */
    public int supertypeEntry(ClassInfo t) {
        Integer column = supertypeColumns.get(t);
        require(column != null, "the type check against " + t.javaName());
        return column == null ? 0 : TypeTable.ENTRY_BYTES * column;
    }

    public Map<ClassInfo, Integer> supertypeColumns() {
        return java.util.Collections.unmodifiableMap(supertypeColumns);
    }

    /** K: the type table's highest column. */
    public int columnCount() {
        return interfaceSelectors.size() + supertypeColumns.size();
    }

    /** The byte offset of a field of every Class object (docs/abi.md "Class objects"). */
    public int classObjectField(String name) {
        return world.resolveField(world.require("java/lang/Class"), name).offset();
    }

    /** The Class object's fields that the type table's code sequences read. */
    public TypeTableCode.ClassFields typeTableFields() {
        return new TypeTableCode.ClassFields(classObjectField("typeTableRow"), classObjectField("elementTypeEntry"));
    }

    public int vtableSlot(ClassInfo c, String selector) {
        world.layout(c);
        int slot = c.vtable().indexOf(selector);
        if (slot < 0) {
            throw new IllegalStateException("no vtable slot for " + selector + " in " + c);
        }
        return slot;
    }

    /** Offset of the vtable in a Class object: right after Class's own instance fields. */
    public int vtableOffset() {
        ClassInfo classClass = world.require("java/lang/Class");
        world.layout(classClass);
        return classClass.instanceSize();
    }

    /** The failure recorded for an {@code invokedynamic} whose bootstrap does not link ({@link IndyLowering}), or null. */
    public Linkage.Failure unlinkedCallSite(AbstractInsnNode callSite) {
        return unlinkedCallSites.get(callSite);
    }

    /**
     * Class-hierarchy analysis, exact in the closed world: a virtual or interface call whose receiver's static type
     * has exactly one implementation of the selector among the classes ever instantiated becomes a direct call of
     * it (its receiver null-checked, as for any direct instance call). Unchanged: calls with more implementations,
     * with an instantiated class that has none (AbstractMethodError at run time), and with no instantiated receiver
     * class at all (the receiver can only be null; the dispatch throws the NullPointerException).
     */
    public CallLinking devirtualized(CallLinking call) {
        if (!call.dispatches()) {
            return call;
        }
        ClassInfo.Method only = singleImplementations.computeIfAbsent(call.receiverType(), k -> new LinkedHashMap<>())
                .computeIfAbsent(call.selector(), s -> singleImplementation(call.receiverType(), s)).orElse(null);
        return only == null ? call : new CallLinking(CallLinking.Kind.DIRECT, only, null);
    }

    private Optional<ClassInfo.Method> singleImplementation(ClassInfo receiverType, String selector) {
        ClassInfo.Method only = null;
        for (ClassInfo c : instantiated) {
            if (!c.isSubtypeOf(receiverType)) {
                continue;
            }
            ClassInfo.Method m = world.dispatch(c, selector);
            if (m == null || !reached.contains(m) || only != null && !only.equals(m)) {
                return Optional.empty();
            }
            only = m;
        }
        return Optional.ofNullable(only);
    }

    // ---- views for the image data ---------------------------------------------------------------------------

    public Set<ClassInfo> classObjects() {
        return classObjects;
    }

    Set<ClassInfo> instantiated() {
        return instantiated;
    }

    public Set<ClassInfo> initRoutines() {
        return initRoutines;
    }

    public Set<ClassInfo> enumValuesEntries() {
        return enumValuesEntries;
    }

    public Map<String, ClassInfo.Field> staticFields() {
        return staticFields;
    }

    public Map<String, String> stringLiterals() {
        return stringLiterals;
    }

    public Map<String, Integer> interfaceSelectors() {
        return interfaceSelectors;
    }

    /** The method that makes {@code c}'s ClassMetadata, or null when {@code c} is not registered for reflection. */
    public ClassInfo.Method reflectionMetadata(ClassInfo c) {
        return reflection.metadataMethod(c);
    }

    public List<ClassFileLoader.Resource> packedResources() {
        return packedResources;
    }

    public Optional<byte[]> packedTimeZones() {
        return packedTimeZones;
    }

    /**
     * The code address {@code Class.enumValues} holds for an enum: its {@code values()}, or, if the enum has a class
     * initializer, an entry that runs it first (see {@link dev.kiln.compiler.backend.CodeGeneration}).
     */
    public String enumValuesAddress(ClassInfo c, ClassInfo.Method values) {
        return enumValuesEntries.contains(c) ? Symbols.enumValuesEntry(c) : Symbols.method(values);
    }
}
