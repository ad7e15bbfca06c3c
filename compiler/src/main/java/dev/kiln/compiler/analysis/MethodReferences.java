package dev.kiln.compiler.analysis;

import dev.kiln.compiler.opt.JvmSequences;
import dev.kiln.compiler.world.BytecodeOffsets;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.UnsafeOffsets;
import dev.kiln.compiler.world.World;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * What one method's code refers to, found without generating it: every method it calls (and how the call links,
 * {@link CallLinking}), class it instantiates, Class object, static field, string literal and initialization
 * routine it names, the runtime entry points its instructions need — including what the backends' intrinsics
 * make of it ({@code Intrinsics.symbol}, {@code callMain}, {@code Unsafe} offsets folded at build time). The
 * backends generate code for exactly these references; instructions the JVM's data-flow analysis finds
 * unreachable are skipped, as the backends skip them.
 *
 * <p><i>Rejected</i>: running a backend into a scratch buffer to learn its references (the code would be generated
 * twice, and the analysis would depend on which tier compiles a method), and letting reachability grow while code is
 * generated, as Kiln did first (nothing can use the finished closed world then: no class-hierarchy analysis, no
 * image layout before code, no tier choice that knows the whole program).
 */
final class MethodReferences {
    private final Reachability analysis;
    private final World world;
    private final ClassInfo.Method method;
    private final MethodNode node;
    private List<Integer> bytecodeOffsets;
    private int instructionIndex;

    private MethodReferences(Reachability analysis, ClassInfo.Method method) {
        this.analysis = analysis;
        this.world = analysis.world();
        this.method = method;
        this.node = method.node();
    }

    /** Reaches, through {@code analysis}, everything the code of {@code method} refers to. */
    static void scan(Reachability analysis, ClassInfo.Method method) {
        new MethodReferences(analysis, method).scan();
    }

    private void scan() {
        Frame<BasicValue>[] frames;
        try {
            frames = new Analyzer<>(new BasicInterpreter()).analyze(method.owner().name, node);
        } catch (AnalyzerException e) {
            return; // the baseline reports it, and compiles nothing
        }
        if ((node.access & Opcodes.ACC_SYNCHRONIZED) != 0 && method.isStatic()) {
            analysis.classObjectFor(method.owner().name, method, -1); // the monitor
        }
        for (TryCatchBlockNode tcb : node.tryCatchBlocks) {
            if (tcb.type != null) {
                analysis.classObjectFor(tcb.type, method, -1);
            }
        }
        int index = 0;
        for (AbstractInsnNode insn = node.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() < 0) {
                continue;
            }
            instructionIndex = index++;
            if (frames[node.instructions.indexOf(insn)] != null) {
                instruction(insn);
            }
        }
    }

    /** The bytecode offset of the instruction being scanned, for messages. */
    private int bytecodeOffset() {
        if (bytecodeOffsets == null) {
            bytecodeOffsets = analysis.bytecodeOffsets(method);
        }
        return instructionIndex < bytecodeOffsets.size() ? bytecodeOffsets.get(instructionIndex) : -1;
    }

    private ClassInfo classObject(String internalNameOrDescriptor) {
        return analysis.classObjectFor(internalNameOrDescriptor, method, bytecodeOffset());
    }

    private void instruction(AbstractInsnNode insn) {
        switch (insn.getOpcode()) {
            case Opcodes.LDC -> {
                Object constant = ((LdcInsnNode) insn).cst;
                if (constant instanceof String s) {
                    analysis.stringLiteral(s);
                } else if (constant instanceof Type t && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
                    classObject(t.getInternalName());
                }
            }
            case Opcodes.GETSTATIC, Opcodes.PUTSTATIC, Opcodes.GETFIELD, Opcodes.PUTFIELD -> field((FieldInsnNode) insn);
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE ->
                    invoke((MethodInsnNode) insn);
            case Opcodes.NEW -> instantiation(classObject(((TypeInsnNode) insn).desc));
            case Opcodes.NEWARRAY -> newArray("[" + JvmSequences.primitiveArrayElement(((IntInsnNode) insn).operand));
            case Opcodes.ANEWARRAY -> {
                String element = ((TypeInsnNode) insn).desc;
                newArray(element.startsWith("[") ? "[" + element : "[L" + element + ";");
            }
            case Opcodes.MULTIANEWARRAY -> {
                MultiANewArrayInsnNode multi = (MultiANewArrayInsnNode) insn;
                ClassInfo arrayClass = classObject(multi.desc);
                ClassInfo dimensionsClass = classObject("[I");
                if (arrayClass != null && dimensionsClass != null) {
                    for (int level = 0; level < multi.dims; level++) {
                        analysis.instantiated(classObject(multi.desc.substring(level)));
                    }
                    analysis.instantiated(dimensionsClass);
                }
            }
            case Opcodes.CHECKCAST, Opcodes.INSTANCEOF -> analysis.typeCheckTarget(classObject(((TypeInsnNode) insn).desc));
            case Opcodes.INVOKEDYNAMIC -> {
                Linkage.Failure unlinked = analysis.unlinkedCallSite(insn);
                if (unlinked != null) {
                    analysis.linkageFailure(method, bytecodeOffset(), unlinked);
                }
            }
            case Opcodes.FREM, Opcodes.DREM -> analysis.runtime(KernelAbi.FLOATING_REMAINDER[0], KernelAbi.FLOATING_REMAINDER[1]);
            default -> { }
        }
    }

    /** {@code new C}: C instantiated and initialized, or the instruction throws InstantiationError. */
    private void instantiation(ClassInfo c) {
        Linkage.Failure failure = c == null ? null : Linkage.instantiation(c);
        if (failure != null) {
            analysis.linkageFailure(method, bytecodeOffset(), failure);
        } else if (c != null) {
            analysis.instantiated(c);
            initCheck(c);
        }
    }

    private void newArray(String arrayDescriptor) {
        ClassInfo arrayClass = classObject(arrayDescriptor);
        if (arrayClass != null) {
            analysis.instantiated(arrayClass);
        }
    }

    private void initCheck(ClassInfo c) {
        for (ClassInfo k = method.owner(); k != null; k = k.superclass()) {
            if (k == c) {
                return; // code of a class only runs once it and its superclasses are initialized (JVMS §5.5)
            }
        }
        if (analysis.needsInitialization(c)) {
            analysis.classInitRoutine(c);
        }
    }

    private void field(FieldInsnNode insn) {
        ClassInfo owner = classObject(insn.owner);
        if (owner == null) {
            return;
        }
        ClassInfo.Field f = world.resolveField(owner, insn.name);
        Linkage.Failure unlinked = Linkage.field(method.owner(), method, insn, owner, f,
                analysis.checksAccess(method.owner()));
        if (unlinked != null) {
            analysis.linkageFailure(method, bytecodeOffset(), unlinked);
            return;
        }
        if (insn.getOpcode() == Opcodes.GETSTATIC || insn.getOpcode() == Opcodes.PUTSTATIC) {
            initCheck(f.owner());
            analysis.staticField(f);
        }
    }

    private void invoke(MethodInsnNode insn) {
        if (insn.owner.equals(KernelAbi.INTRINSICS_CLASS)) {
            if (KernelAbi.inKernelPackage(method.owner().name)) {
                intrinsic(insn); // elsewhere the backend reports the call
            }
            return;
        }
        if (UnsafeOffsets.fold(insn, world, message -> analysis.problem(method, bytecodeOffset(), message)) != null) {
            return;
        }
        ClassInfo owner = classObject(insn.owner);
        if (owner == null || owner.isArray() && insn.name.equals("clone")) {
            return;
        }
        ClassInfo.Method target = world.resolveMethod(owner, insn.name, insn.desc);
        Linkage.Failure unlinked = Linkage.method(method.owner(), insn, owner, target, analysis.checksAccess(method.owner()));
        if (unlinked != null) {
            analysis.linkageFailure(method, bytecodeOffset(), unlinked);
            return;
        }
        if (CallLinking.isInlineIntrinsic(target)
                || target.owner().name.equals(World.OBJECT) && target.node().name.equals("getClass")) {
            return;
        }
        CallLinking call = CallLinking.of(world, method, insn.getOpcode(), owner, target);
        switch (call.kind()) {
            case STATIC -> {
                initCheck(call.target().owner());
                analysis.reach(call.target(), method, bytecodeOffset());
            }
            case DIRECT -> analysis.reachInstanceMethod(call.target(), method, bytecodeOffset());
            case INTERFACE -> {
                analysis.invokedVirtual(call.receiverType(), call.selector(), method);
                analysis.interfaceSelector(call.selector());
            }
            case VIRTUAL -> analysis.invokedVirtual(call.receiverType(), call.selector(), method);
        }
    }

    /** The intrinsics that name code or data: {@code symbol("m:...")} reaches a static method, {@code callMain} main. */
    private void intrinsic(MethodInsnNode insn) {
        switch (insn.name) {
            case "symbol" -> {
                if (BytecodeOffsets.previousInstruction(insn) instanceof LdcInsnNode ldc && ldc.cst instanceof String name
                        && name.startsWith(Symbols.METHOD_PREFIX)) {
                    analysis.reachStaticMethodSymbol(name, method, bytecodeOffset());
                }
            }
            case "callMain" -> {
                ClassInfo.Method main = analysis.mainMethod();
                initCheck(main.owner());
                analysis.reach(main, method, bytecodeOffset());
            }
            default -> { }
        }
    }
}
