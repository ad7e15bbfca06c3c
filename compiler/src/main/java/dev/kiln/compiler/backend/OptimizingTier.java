package dev.kiln.compiler.backend;

import dev.kiln.compiler.analysis.CallLinking;
import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.opt.Host;
import dev.kiln.compiler.opt.OptimizingCompiler;
import dev.kiln.compiler.opt.TypeTableCode;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * The compiler's side of the optimizing tier ({@link dev.kiln.compiler.opt}), one of the {@link MethodBackend}s:
 * chooses which methods it compiles and answers its {@link Host} questions from the finished {@link Program},
 * linking calls as the baseline does ({@link CallLinking}, devirtualized by class-hierarchy analysis). Anything it
 * cannot answer without reporting a problem (a reference that does not link, an intrinsic, a native) or that the
 * analysis did not reach (code inlined into another class's context may need an initialization check the callee's
 * own code did not) it answers null: the tier declines the method and the baseline compiles it, reporting what it
 * must.
 *
 * <p>Kernel code ({@code kiln.kernel.*}, {@code kiln.runtime.*}) always stays on the baseline: it needs explicit
 * null checks, intrinsics and the exact frame discipline the runtime's own routines rely on.
 */
final class OptimizingTier implements Host, MethodBackend {
    private final Program program;
    private final World world;
    private final Devirtualizations devirtualizations;
    /** The calls of the method being compiled that class-hierarchy analysis made direct: {from, to}. */
    private final List<CallLinking[]> devirtualizedHere = new ArrayList<>();
    private final OptimizingCompiler compiler = new OptimizingCompiler(this);
    private ClassInfo.Method method;
    private int optimized;
    private long optimizedBytes;
    private final Map<String, Integer> declined = new TreeMap<>();
    private final Map<String, Integer> inlined = new TreeMap<>();
    private final Map<String, Integer> scalarReplaced = new TreeMap<>();
    private final Map<String, Integer> optimizedPerClass = new TreeMap<>();
    /** The baseline's code size of a method (CodeGeneration compiles it apart). */
    private final ToIntFunction<ClassInfo.Method> baselineCodeBytes;

    OptimizingTier(Program program, Devirtualizations devirtualizations,
                   ToIntFunction<ClassInfo.Method> baselineCodeBytes) {
        this.program = program;
        this.world = program.world();
        this.devirtualizations = devirtualizations;
        this.baselineCodeBytes = baselineCodeBytes;
    }

    @Override
    public int baselineCodeBytes() {
        return baselineCodeBytes.applyAsInt(method);
    }

    /** {@code m} compiled by the optimizing tier into {@code text}, or null: the baseline compiles it. */
    @Override
    public MethodCompiler.Compiled compile(Assembler text, ClassInfo.Method m) {
        if (KernelAbi.inKernelPackage(m.owner().name)) {
            return null;
        }
        method = m;
        devirtualizedHere.clear();
        Object result = compiler.compile(text, m.owner().name, m.node(), m.isStatic(), Symbols.method(m), true);
        if (result instanceof OptimizingCompiler.Declined d) {
            declined.merge(d.reason(), 1, Integer::sum);
            return null;
        }
        devirtualizedHere.forEach(call -> devirtualizations.record(call[0], call[1], true));
        OptimizingCompiler.Compiled c = (OptimizingCompiler.Compiled) result;
        optimized++;
        optimizedBytes += c.end() - c.start();
        optimizedPerClass.merge(m.owner().javaName(), 1, Integer::sum);
        c.inlined().forEach(name -> inlined.merge(name.replace('/', '.'), 1, Integer::sum));
        c.scalarReplaced().forEach(name -> scalarReplaced.merge(name.replace('/', '.'), 1, Integer::sum));
        List<MethodCompiler.LineStart> lines = new ArrayList<>();
        c.lines().forEach(l -> lines.add(new MethodCompiler.LineStart(l[0], l[1])));
        List<MethodCompiler.Handler> handlers = new ArrayList<>();
        c.handlers().forEach(h -> handlers.add(new MethodCompiler.Handler(h.start(), h.end(), h.handler(),
                h.catchType() == null ? null : program.classObject(h.catchType()))));
        return new MethodCompiler.Compiled(m, c.start(), c.end(), c.frameBytes(), handlers, lines,
                new MethodCompiler.StackMaps(0, c.undescribedLocals(), c.stackMaps()));
    }

    /** The build report's lines on the tiers: how many methods each compiled, why some were declined, what was inlined. */
    List<String> report(int totalMethods) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("optimizing tier: %d methods, baseline: %d methods", optimized, totalMethods - optimized));
        lines.add(String.format("optimizing tier's code: %d bytes (register-allocated code compresses worse in the"
                + " image than the baseline's, docs/compiler.md \"Code size of the optimizing tier\")", optimizedBytes));
        lines.add(compiler.registerCallsReport());
        lines.add("declined by the optimizing tier (method count, reason):");
        declined.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> lines.add(String.format("%10d  %s", e.getValue(), e.getKey())));
        lines.add("inlined (call sites, method):");
        inlined.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> lines.add(String.format("%10d  %s", e.getValue(), e.getKey())));
        lines.add(String.format("allocations replaced by their fields' values (escape analysis): %d",
                scalarReplaced.values().stream().mapToInt(Integer::intValue).sum()));
        scalarReplaced.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> lines.add(String.format("%10d  %s", e.getValue(), e.getKey())));
        lines.add("optimized (methods, class):");
        optimizedPerClass.forEach((c, count) -> lines.add(String.format("%10d  %s", count, c)));
        return lines;
    }

    /** The class of a reference whose Class object the program has, or null. */
    private ClassInfo existing(String nameOrDescriptor) {
        try {
            ClassInfo c = world.require(nameOrDescriptor);
            return program.hasClassObject(c) ? c : null;
        } catch (World.MissingClassException e) {
            return null;
        }
    }

    /** Whether the initialization check code of {@link #method} needs for {@code c} is one the program has. */
    private boolean canCheckInitialization(ClassInfo c) {
        return !program.needsInitCheck(method, c) || program.hasInitRoutine(c);
    }

    private InitCheck initCheck(ClassInfo c) {
        return program.needsInitCheck(method, c)
                ? new InitCheck(Symbols.classInitState(c), program.classInitRoutine(c)) : null;
    }

    @Override
    public InstanceField instanceField(String accessor, int opcode, String owner, String name, String descriptor) {
        ClassInfo.Field f = field(world.require(accessor), method, opcode, owner, name, descriptor);
        return f == null ? null : new InstanceField(f.offset(), f.size(), f.node().desc);
    }

    @Override
    public InstanceField constructorField(String accessor, String constructorDescriptor, String owner, String name,
                                          String descriptor) {
        ClassInfo c = world.require(accessor);
        ClassInfo.Method constructor = c.declaredMethod("<init>", constructorDescriptor);
        ClassInfo.Field f = constructor == null ? null
                : field(c, constructor, Opcodes.PUTFIELD, owner, name, descriptor);
        return f == null ? null : new InstanceField(f.offset(), f.size(), f.node().desc);
    }

    @Override
    public StaticField staticField(int opcode, String owner, String name, String descriptor) {
        ClassInfo.Field f = field(method.owner(), method, opcode, owner, name, descriptor);
        return f == null || !canCheckInitialization(f.owner()) ? null
                : new StaticField(program.staticField(f), f.node().desc, initCheck(f.owner()));
    }

    /** {@code inMethod}: the method whose code accesses the field (a final field is set only in its initializer). */
    private ClassInfo.Field field(ClassInfo accessor, ClassInfo.Method inMethod, int opcode, String owner, String name,
                                  String descriptor) {
        ClassInfo c = existing(owner);
        if (c == null) {
            return null;
        }
        ClassInfo.Field f = world.resolveField(c, name);
        FieldInsnNode insn = new FieldInsnNode(opcode, owner, name, descriptor);
        return Linkage.field(accessor, inMethod, insn, c, f, world.isFromClassPath(accessor)) == null ? f : null;
    }

    @Override
    public Call call(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (owner.equals(KernelAbi.INTRINSICS_CLASS) || owner.endsWith("/Unsafe")) {
            return null;
        }
        ClassInfo c = existing(owner);
        if (c == null || c.isArray()) {
            return null;
        }
        ClassInfo.Method target = world.resolveMethod(c, name, descriptor);
        MethodInsnNode insn = new MethodInsnNode(opcode, owner, name, descriptor, isInterface);
        if (Linkage.method(method.owner(), insn, c, target, world.isFromClassPath(method.owner())) != null) {
            return null;
        }
        String signature = target.owner().name + "." + target.node().name + target.node().desc;
        if (signature.equals("java/lang/StrictMath.sqrt(D)D") || signature.equals("java/lang/Math.sqrt(D)D")) {
            return new Call(Call.Kind.SQRT, null, 0, false, null, null, null);
        }
        if (target.owner().name.equals(World.OBJECT) && target.node().name.equals("getClass")) {
            return new Call(Call.Kind.GET_CLASS, null, 0, false, null, null, null);
        }
        if (target.isNative()) {
            return null;
        }
        if (signature.equals("java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V")) {
            return canCheckInitialization(target.owner()) ? new Call(Call.Kind.ARRAY_COPY,
                    program.methodSymbol(target), 0, false, initCheck(target.owner()), null, target.owner().name) : null;
        }
        CallLinking linking = CallLinking.of(world, method, opcode, c, target);
        CallLinking call = program.devirtualized(linking);
        if (call != linking) {
            devirtualizedHere.add(new CallLinking[] {linking, call});
        }
        switch (call.kind()) {
            case STATIC -> {
                ClassInfo.Method callee = call.target();
                return canCheckInitialization(callee.owner()) ? new Call(Call.Kind.DIRECT,
                        program.methodSymbol(callee), 0, false, initCheck(callee.owner()), inlinable(callee),
                        callee.owner().name) : null;
            }
            case DIRECT -> {
                return direct(call.target());
            }
            case INTERFACE -> {
                return new Call(Call.Kind.INTERFACE, Symbols.classObject(call.target().owner()),
                        program.interfaceMethodEntry(call.selector()), false, null, null, null);
            }
            default -> {
                int slot = program.vtableSlot(call.receiverType(), call.selector());
                return new Call(Call.Kind.VIRTUAL, null, program.vtableOffset() + 8 * slot, false, null, null, null);
            }
        }
    }

    private Call direct(ClassInfo.Method target) {
        if (target.isAbstract() || target.isNative()) {
            return null;
        }
        return new Call(Call.Kind.DIRECT, program.methodSymbol(target), 0, true, null, inlinable(target),
                target.owner().name);
    }

    /**
     * The code the tier may inline for a call of {@code target}: any method it cannot override whose code the
     * analysis saw (a method of a class never instantiated is not, and can never run), but
     * {@code Reference.reachabilityFence}, whose empty body is the point: the call keeps its argument alive (JLS
     * §12.6.1), and inlined it would leave no use, so the reference's slot would be cleared before it.
     */
    private org.objectweb.asm.tree.MethodNode inlinable(ClassInfo.Method target) {
        boolean fence = target.owner().name.equals("java/lang/ref/Reference")
                && target.node().name.equals("reachabilityFence");
        return fence || !program.hasAnalyzedCode(target) ? null : target.node();
    }

    @Override
    public Allocation newInstance(String className) {
        ClassInfo c = existing(className);
        if (c == null || Linkage.instantiation(c) != null || !program.isInstantiated(c) || !canCheckInitialization(c)) {
            return null;
        }
        return new Allocation(Symbols.classObject(c), initCheck(c), c.instanceSize(), program.heapWords(), c.name);
    }

    @Override
    public ArrayAllocation newArray(String arrayDescriptor) {
        ClassInfo c = existing(arrayDescriptor);
        return c == null || !program.isInstantiated(c) ? null
                : new ArrayAllocation(Symbols.classObject(c), c.elementSize(), program.heapWords());
    }

    @Override
    public String stringLiteral(String value) {
        return program.stringLiteral(value);
    }

    @Override
    public String classObject(String internalNameOrDescriptor) {
        ClassInfo c = existing(internalNameOrDescriptor);
        return c == null ? null : Symbols.classObject(c);
    }

    @Override
    public TypeCheck typeCheck(String internalNameOrDescriptor) {
        ClassInfo c = existing(internalNameOrDescriptor);
        return c == null ? null : new TypeCheck(Symbols.classObject(c),
                c.name.equals(World.OBJECT) ? 0 : program.supertypeEntry(c));
    }

    @Override
    public TypeTableCode.ClassFields typeTableFields() {
        return program.typeTableFields();
    }

    @Override
    public int classObjectField(String name) {
        return program.classObjectField(name);
    }

    @Override
    public String runtime(String name, String descriptor) {
        return program.runtime(name, descriptor);
    }

    @Override
    public String stackGrower() {
        return program.stackGrower();
    }

    @Override
    public void emitStackCheck(Assembler asm, long frameBytes) {
        RuntimeConventions.emitStackCheck(asm, frameBytes, program.stackGrower());
    }

    @Override
    public void emitStackCheck(Assembler asm, long frameBytes, Runnable saveAroundGrower, Runnable restoreAfterGrower) {
        RuntimeConventions.emitStackCheck(asm, frameBytes, program.stackGrower(), saveAroundGrower, restoreAfterGrower);
    }
}
