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
 * 50 and later, by type inference (ASM's {@link Analyzer} over {@link TypeInterpreter}, §4.10.2) for older ones.
 * A version-50 class file that fails type checking is tried again by inference, as HotSpot does (its
 * {@code FailOverToOldVerifier} applies below version 51).
 *
 * <p>The class file must have passed {@link ClassFileFormat} and have been read by ASM with
 * {@code EXPAND_FRAMES}.
 *
 * <p>Not checked (HotSpot checks them; the build may accept code HotSpot rejects): the handler rules about
 * {@code flagThisUninit} in constructors; the exact {@code return} rule of constructors (see {@link VerifierFrame}); the assignability of
 * {@code invokeinterface} receivers, which HotSpot does not check either.
 */
public final class BytecodeVerifier {
    /**
     * A method that does not verify: which, where (index among its real instructions, -1 if unknown), the error
     * HotSpot throws ({@code VerifyError}, or {@code NoClassDefFoundError} for a class the check needs) and why.
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

    private Failure verify(ClassNode c, MethodNode m, int major) {
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
            return new Failure(m, -1, "NoClassDefFoundError", "class " + e.className.replace('/', '.')
                    + ", which the verifier needs to check this method's types, is not on the class path");
        }
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
