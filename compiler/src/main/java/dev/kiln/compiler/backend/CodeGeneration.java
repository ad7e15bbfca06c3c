package dev.kiln.compiler.backend;

import static dev.kiln.compiler.asm.Reg.RAX;
import static dev.kiln.compiler.asm.Reg.RBP;
import static dev.kiln.compiler.asm.Reg.RSP;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.analysis.Diagnostics;
import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.asm.Assembler;
import dev.kiln.compiler.asm.Cond;
import dev.kiln.compiler.asm.Imm;
import dev.kiln.compiler.asm.Label;
import dev.kiln.compiler.asm.Mem;
import dev.kiln.compiler.asm.Mode;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.object.SectionKind;
import dev.kiln.compiler.opt.JvmSequences;
import dev.kiln.compiler.opt.TypeTableCode;
import dev.kiln.compiler.world.ClassInfo;
import dev.kiln.compiler.world.KernelAbi;
import dev.kiln.compiler.world.Linkage;
import dev.kiln.compiler.world.Symbols;
import dev.kiln.compiler.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Code generation for a finished {@link Program}: each of its methods compiled by the first {@link MethodBackend}
 * that takes it (the optimizing tier when the options ask for it, then the baseline, which takes every method),
 * the class-initialization routines and enum entries the analysis asked for, and the rows of the method table
 * that the image data (dev.kiln.compiler.image) is laid out with. Nothing here adds to the program: a backend that refers to something
 * the analysis did not reach fails the build as a bug in Kiln ({@link Program}).
 */
public final class CodeGeneration {
    /** Symbol at offset 0 of the text section; the method table addresses code relative to it. */
    public static final String TEXT_BASE = "kiln_text_base";

    /**
     * One row of kiln_method_table before it is written (docs/abi.md "Tables"), with its row of kiln_stack_maps
     * (null: none).
     */
    public record MethodTableEntry(String name, int start, int end, int localsBytes, List<MethodCompiler.Handler> handlers,
                            String sourceFile, List<MethodCompiler.LineStart> lines,
                            MethodCompiler.StackMaps stackMaps) {
    }

    private final Program program;
    private final Diagnostics diagnostics;
    private final Assembler text = new Assembler(Mode.BITS64);
    private final List<MethodTableEntry> methodTable = new ArrayList<>();
    /** The optimizing tier, when the options ask for it; null: the baseline compiles everything. */
    private final OptimizingTier optimizingTier;
    /** Tried in order; the last, the baseline, compiles every method. */
    private final List<MethodBackend> backends = new ArrayList<>();
    private final Devirtualizations devirtualizations = new Devirtualizations();

    public CodeGeneration(Program program, Diagnostics diagnostics, CompilerOptions options) {
        this.program = program;
        this.diagnostics = diagnostics;
        this.optimizingTier = options.optimize()
                ? new OptimizingTier(program, devirtualizations, m -> baselineCodeBytes(m, options)) : null;
        if (optimizingTier != null) {
            backends.add(optimizingTier);
        }
        backends.add((asm, m) -> new MethodCompiler(program, diagnostics, devirtualizations, asm, m).compile());
    }

    /**
     * The bytes of {@code m}'s baseline code, compiled apart and dropped: what the optimizing tier weighs its own
     * code against (problems and devirtualizations are the real compilation's to report, if it comes to that).
     */
    private int baselineCodeBytes(ClassInfo.Method m, CompilerOptions options) {
        Assembler scratch = new Assembler(Mode.BITS64);
        new MethodCompiler(program, new Diagnostics(options), new Devirtualizations(), scratch, m).compile();
        return scratch.offset();
    }

    /** The text section of the program's code, or the build's problems. */
    public Section generate() throws CompilationException {
        text.symbol(TEXT_BASE);
        text.symbol(Symbols.JAVA_START);
        text.jmp(program.methodSymbol(program.kernelStart()));
        text.endSymbol();
        text.symbol(Symbols.INTERRUPT_DISPATCH);
        text.jmp(program.methodSymbol(program.interruptDispatch()));
        text.endSymbol();
        TypeTableCode.emitArrayStoreStub(text, program.typeTableFields(),
                program.runtime("throwArrayStore", "(Ljava/lang/Object;Ljava/lang/Object;)V"));
        emitArrayCopyStub();
        for (ClassInfo.Method m : compilationOrder()) {
            try {
                MethodCompiler.Compiled compiled = compile(m);
                if (compiled != null) {
                    methodTable.add(new MethodTableEntry(m.displayName(), compiled.start(), compiled.end(),
                            compiled.localsBytes(), compiled.handlers(), m.owner().node.sourceFile, compiled.lines(),
                            compiled.stackMaps()));
                }
            } catch (World.MissingClassException | World.UnreadableClassException e) {
                throw e;
            } catch (RuntimeException e) {
                diagnostics.problem(Diagnostics.internalError("compiling " + m.fullName() + " (class file from "
                        + m.owner().origin + ")", e));
                throw diagnostics.failure();
            }
        }
        emitClassInitRoutines();
        emitEnumValuesEntries();
        emitUnreachableMethods();
        if (diagnostics.hasProblems()) {
            throw diagnostics.failure();
        }
        return text.finish(".text.java", SectionKind.TEXT, 16);
    }

    /** The rows of kiln_method_table, one per compiled method and routine, once {@link #generate} is done. */
    public List<MethodTableEntry> methodTable() {
        return Collections.unmodifiableList(methodTable);
    }

    /** The build report's lines on the tiers: the devirtualized calls, and what the optimizing tier compiled. */
    public List<String> tierReport() {
        List<String> tiers = new ArrayList<>(devirtualizations.report());
        if (optimizingTier != null) {
            tiers.addAll(optimizingTier.report(methodTable.size()));
        }
        return tiers;
    }

    /**
     * The stub in front of {@code System.arraycopy} that both tiers call instead of the method
     * ({@link JvmSequences#arrayCopyStub}), when the program has the method; outside every method's code range.
     */
    private void emitArrayCopyStub() {
        for (ClassInfo.Method m : program.methods()) {
            if (MethodCompiler.isArrayCopy(m)) {
                int elementSizeOffset = program.world().resolveField(program.world().require("java/lang/Class"),
                        "elementSize").offset();
                JvmSequences.arrayCopyStub(text, elementSizeOffset, program.methodSymbol(m));
                return;
            }
        }
    }

    /**
     * The program's methods in reverse order of discovery: the analysis reaches a method from its callers, so most
     * callees come before their callers, and the optimizing tier, which knows of a callee's register entry only once
     * it has compiled it, calls it in registers (dev.kiln.compiler.opt.RegisterConvention). The text's order changes
     * nothing else: the method table is sorted by address either way.
     */
    private List<ClassInfo.Method> compilationOrder() {
        List<ClassInfo.Method> order = new ArrayList<>(program.methods());
        java.util.Collections.reverse(order);
        return order;
    }

    /**
     * One method by the first backend that takes it (a method that only throws, by the baseline), as a fragment of
     * its own appended to the text section; null if none could.
     */
    private MethodCompiler.Compiled compile(ClassInfo.Method m) {
        Linkage.Failure throwing = program.throwing(m);
        for (MethodBackend backend : throwing != null ? List.<MethodBackend>of((asm, method) -> new MethodCompiler(
                program, diagnostics, devirtualizations, asm, method).compileThrowing(throwing)) : backends) {
            Assembler fragment = new Assembler(Mode.BITS64);
            MethodCompiler.Compiled compiled = backend.compile(fragment, m);
            if (compiled != null) {
                int base = text.offset();
                text.append(fragment.finish(m.displayName(), SectionKind.TEXT, 1));
                return compiled.rebased(base);
            }
        }
        return null;
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
        for (ClassInfo c : program.initRoutines()) {
            int start = text.offset();
            text.symbol(Symbols.classInit(c));
            text.push(RBP);
            text.mov(RBP, RSP);
            RuntimeConventions.emitStackCheck(text, KernelAbi.CLASS_INITIALIZER_ARGUMENTS * 8L, program.stackGrower());
            Label done = text.newLabel();
            text.cmp(Mem.symbol(64, Symbols.classInitState(c), 0), Imm.of(0));
            text.jcc(Cond.NE, done);
            Linkage.Failure unlinked = program.unlinkable(c);
            if (unlinked != null) {
                // linking the class fails: every use throws, and the state word stays 0 (JVMS §5.4.1)
                RuntimeConventions.emitLinkageErrorThrow(text, program, unlinked);
            } else {
                emitInitializeClassCall(c);
            }
            text.bind(done);
            text.leave();
            text.ret();
            text.endSymbol();
            methodTable.add(new MethodTableEntry(c.javaName() + ".<clinit>", start, text.offset(), 0, List.of(),
                    c.node.sourceFile, List.of(), null));
        }
    }

    /** The entries of {@link Program#enumValuesAddress}: a frame, the enum's initialization routine, then values() itself. */
    private void emitEnumValuesEntries() {
        for (ClassInfo c : program.enumValuesEntries()) {
            int start = text.offset();
            text.symbol(Symbols.enumValuesEntry(c));
            text.push(RBP);
            text.mov(RBP, RSP);
            text.call(Symbols.classInit(c)); // checks the state word itself, and has a frame of its own
            text.leave();
            text.jmp(Symbols.method(c.declaredMethod("values", "()[L" + c.name + ";")));
            text.endSymbol();
            methodTable.add(new MethodTableEntry(c.javaName() + ".values", start, text.offset(), 0, List.of(),
                    c.node.sourceFile, List.of(), null));
        }
    }

    /** {@code Support.initializeClass(class, state word, superclass routine, <clinit>)} for {@code c}. */
    private void emitInitializeClassCall(ClassInfo c) {
        pushAddress(Symbols.classObject(c));
        pushAddress(Symbols.classInitState(c));
        if (!c.isInterface() && c.superclass() != null && program.needsInitialization(c.superclass())) {
            pushAddress(Symbols.classInit(c.superclass()));
        } else {
            text.push(Imm.of(0));
        }
        ClassInfo.Method clinit = c.declaredMethod("<clinit>", "()V");
        if (clinit != null) {
            pushAddress(Symbols.method(clinit));
        } else {
            text.push(Imm.of(0));
        }
        text.call(program.runtime(KernelAbi.CLASS_INITIALIZER[0], KernelAbi.CLASS_INITIALIZER[1])); // reached by classInitRoutine
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
        Set<ClassInfo.Method> unreachable = program.uninstantiatedMethods();
        if (unreachable.isEmpty()) {
            return;
        }
        String trap = program.runtime("abstractMethodError", "()V");
        for (ClassInfo.Method m : unreachable) {
            text.symbol(Symbols.method(m));
        }
        text.jmp(trap);
        text.endSymbol();
    }

}
