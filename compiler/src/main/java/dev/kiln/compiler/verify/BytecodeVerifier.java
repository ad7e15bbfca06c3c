package dev.kiln.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Verifies the code of a class the way HotSpot does when it links the class (JVMS §4.10): every method with
 * code, by type checking against the StackMapTable ({@link TypeChecker}, §4.10.1) for class files of version
 * 50 and later, by type inference (ASM's {@link Analyzer} over {@link TypeInterpreter}, §4.10.2) for older ones,
 * whose subroutines are verified once more inlined and then stay inlined ({@link Subroutines}).
 * A version-50 class file that fails type checking is tried again by inference, as HotSpot does (its
 * {@code FailOverToOldVerifier} applies below version 51).
 *
 * <p>The class file must have passed {@link ClassFileFormat} and have been read by ASM with
 * {@code EXPAND_FRAMES}.
 *
 * <p>Not checked: the assignability of {@code invokeinterface} receivers, which HotSpot does not check either;
 * HotSpot's own extra rule that every handler covering a constructor's {@code super()} call ends in
 * {@code athrow} (the flag rule of {@link VerifierFrame} already keeps such a handler from returning).
 */
public final class BytecodeVerifier {
    /**
     * A method that does not verify: which, where (index among its real instructions, -1 if unknown), the error
     * HotSpot throws ({@code VerifyError}, or {@code NoClassDefFoundError} for a class the check needs, whose
     * internal name is then the reason, as in HotSpot's message) and why.
     */
    public record Failure(MethodNode method, int instructionIndex, String errorClass, String reason) {
    }

    private final ClassHierarchy hierarchy;

    public BytecodeVerifier(ClassHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** The methods of {@code c} that do not verify, at most one failure per method. */
    public List<Failure> verify(ClassNode c) {
        List<Failure> failures = new ArrayList<>();
        int major = c.version & 0xFFFF;
        for (MethodNode m : c.methods) {
            if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                continue;
            }
            Failure failure = verify(c, m, major);
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /**
     * A method with subroutines is verified as written and then with its subroutines inlined, and if both pass
     * its code is left inlined for the compiler (see {@link Subroutines}).
     */
    private Failure verify(ClassNode c, MethodNode m, int major) {
        Failure failure = verifyAsWritten(c, m, major);
        if (failure != null || !Subroutines.in(m)) {
            return failure;
        }
        MethodNode inlined;
        try {
            inlined = Subroutines.inlined(m);
        } catch (RuntimeException e) {
            return new Failure(m, -1, ClassFileFormat.VERIFY_ERROR, "subroutines (jsr/ret) that do not nest"
                    + " properly: " + e.getMessage());
        }
        Failure inInlined = verifyAsWritten(c, inlined, 49); // type inference, §4.10.2
        if (inInlined != null) {
            return new Failure(m, -1, inInlined.errorClass(), inInlined.reason()
                    + " (in the code with its subroutines inlined)");
        }
        Subroutines.replaceCode(m, inlined);
        return null;
    }

    private Failure verifyAsWritten(ClassNode c, MethodNode m, int major) {
        Failure badCatchType = checkCatchTypes(m);
        if (badCatchType != null) {
            return badCatchType;
        }
        try {
            if (major >= 50) {
                try {
                    new TypeChecker(newInterpreter(c, m), c.name, m).check();
                    return null;
                } catch (AnalyzerException e) {
                    if (major > 50) {
                        return failure(m, e);
                    }
                }
            }
            Analyzer<BasicValue> analyzer = new Analyzer<>(newInterpreter(c, m)) {
                @Override
                protected Frame<BasicValue> newFrame(int numLocals, int numStack) {
                    return new VerifierFrame(numLocals, numStack);
                }

                @Override
                protected Frame<BasicValue> newFrame(Frame<? extends BasicValue> frame) {
                    return new VerifierFrame(frame);
                }
            };
            analyzer.analyze(c.name, m);
            return null;
        } catch (AnalyzerException e) {
            return failure(m, e);
        } catch (TypeInterpreter.MissingClassException e) {
            return new Failure(m, -1, "NoClassDefFoundError", e.className);
        }
    }

    /**
     * Every catch type must be a subclass of {@code Throwable} (JVMS §4.10.1.6); HotSpot loads each one to
     * know, so a catch type on no class path makes linking the class fail with {@code NoClassDefFoundError}.
     */
    private Failure checkCatchTypes(MethodNode m) {
        for (int i = 0; i < m.tryCatchBlocks.size(); i++) {
            String type = m.tryCatchBlocks.get(i).type;
            if (type == null) {
                continue;
            }
            if (!hierarchy.exists(type)) {
                return new Failure(m, -1, "NoClassDefFoundError", type);
            }
            String k = type;
            while (k != null && !k.equals("java/lang/Throwable")) {
                k = hierarchy.superclass(k);
            }
            if (k == null) {
                return new Failure(m, -1, ClassFileFormat.VERIFY_ERROR, "catch type " + type.replace('/', '.')
                        + " is not a subclass of Throwable in exception handler " + i);
            }
        }
        return null;
    }

    private TypeInterpreter newInterpreter(ClassNode c, MethodNode m) {
        return new TypeInterpreter(hierarchy, c.name, c.superName, m.name.equals("<init>"));
    }

    private static Failure failure(MethodNode m, AnalyzerException e) {
        String reason = e.getMessage();
        // ASM prefixes "Error at instruction N: "; the caller names the bytecode offset instead
        int colon = reason == null ? -1 : reason.indexOf(": ");
        if (reason != null && reason.startsWith("Error at instruction") && colon > 0) {
            reason = reason.substring(colon + 2);
        }
        return new Failure(m, realIndex(m, e.node), ClassFileFormat.VERIFY_ERROR, reason);
    }

    private static int realIndex(MethodNode m, AbstractInsnNode node) {
        if (node == null) {
            return -1;
        }
        int index = 0;
        for (AbstractInsnNode insn = m.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn == node) {
                return index;
            }
            if (insn.getOpcode() >= 0) {
                index++;
            }
        }
        return -1;
    }
}
