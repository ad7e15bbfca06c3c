package kiln.test.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * One class file per kind of verification and format failure, each judged by HotSpot (the JVM running the
 * test) and by Kiln's compiler: both must refuse it with the same error class. The verdicts side by side are
 * written to {@code target/verification-verdicts.txt}.
 */
class VerificationVerdictTest {
    private static final Path KERNEL_TEMPLATE = Path.of("target/classes");
    private static final String NAME = "demo/Bad";
    private static final List<String> VERDICTS = new ArrayList<>();

    /** A class file and the error both JVMs must answer with. */
    record Case(String kind, String expectedError, byte[] classFile) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // ---- type checking (JVMS §4.10.1), class file version 52 ----
        cases.add(verify("int used as an object reference", 52, "()V", 1, 0, VerificationVerdictTest::intAsReference));
        cases.add(verify("operand stack underflow", 52, "()V", 1, 0, m -> {
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("operand stack overflow (max_stack too small)", 52, "()V", 1, 0, m -> {
            m.visitInsn(ICONST_1);
            m.visitInsn(ICONST_1);
            m.visitInsn(POP2);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("wrong return type", 52, "()I", 1, 0, m -> {
            m.visitInsn(ACONST_NULL);
            m.visitInsn(IRETURN);
        }));
        cases.add(verify("argument of the wrong type", 52, "()V", 1, 0, m -> {
            m.visitLdcInsn("not an int");
            m.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "toString", "(I)Ljava/lang/String;", false);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("aaload from an int array", 52, "()V", 2, 0, m -> {
            m.visitInsn(ICONST_1);
            m.visitIntInsn(NEWARRAY, T_INT);
            m.visitInsn(ICONST_0);
            m.visitInsn(AALOAD);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("uninitialized object used", 52, "()V", 1, 0, m -> {
            m.visitTypeInsn(NEW, "java/lang/Object");
            m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("<init> of another class", 52, "()V", 2, 0, m -> {
            m.visitTypeInsn(NEW, "java/lang/Object");
            m.visitInsn(DUP);
            m.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(new Case("constructor that does not call super()", "VerifyError",
                classFile(52, ACC_PUBLIC, "<init>", "()V", 0, 1, m -> m.visitInsn(RETURN), true)));
        cases.add(verify("protected method through a receiver of the superclass", 52, "()V", 2, 0, m -> {
            m.visitTypeInsn(NEW, "java/lang/Object");
            m.visitInsn(DUP);
            m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "clone", "()Ljava/lang/Object;", false);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("falling off the end of the code", 52, "()V", 0, 0, m -> m.visitInsn(NOP)));
        cases.add(verify("no stackmap frame at a branch target", 52, "()V", 1, 0, m -> {
            Label target = new Label();
            m.visitInsn(ICONST_0);
            m.visitJumpInsn(IFEQ, target);
            m.visitLabel(target);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("stackmap frame disagrees with the code", 52, "()V", 1, 1, m -> {
            Label target = new Label();
            m.visitInsn(ICONST_0);
            m.visitVarInsn(ISTORE, 0);
            m.visitVarInsn(ILOAD, 0);
            m.visitJumpInsn(IFEQ, target);
            m.visitLabel(target);
            m.visitFrame(F_FULL, 1, new Object[] {"java/lang/String"}, 0, new Object[0]);
            m.visitVarInsn(ALOAD, 0);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("inconsistent stack height at a branch target", 52, "()V", 2, 0, m -> {
            Label target = new Label();
            m.visitInsn(ICONST_1);
            m.visitInsn(ICONST_0);
            m.visitJumpInsn(IFEQ, target);
            m.visitInsn(POP);
            m.visitLabel(target);
            m.visitFrame(F_FULL, 0, new Object[0], 0, new Object[0]);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("exception handler without a stackmap frame", 52, "()V", 1, 0,
                m -> tryNopCatch(m, "java/lang/RuntimeException", false)));
        // ---- constructors: flagThisUninit (JVMS §4.10.1.4, §4.10.1.9 invokespecial and return) ----
        cases.add(new Case("constructor that overwrites its uninitialized this and returns", "VerifyError",
                classFile(52, ACC_PUBLIC, "<init>", "()V", 1, 1, VerificationVerdictTest::overwriteThisAndReturn, true)));
        cases.add(new Case("constructor that overwrites its uninitialized this and returns (version 49)", "VerifyError",
                classFile(49, ACC_PUBLIC, "<init>", "()V", 1, 1, VerificationVerdictTest::overwriteThisAndReturn, true)));
        cases.add(new Case("handler around super() whose frame drops uninitializedThis and returns", "VerifyError",
                classFile(52, ACC_PUBLIC, "<init>", "()V", 1, 1, m -> handlerInConstructor(m, true, false), true)));
        cases.add(new Case("handler around super() that keeps uninitializedThis and rethrows", "VerifyError",
                classFile(52, ACC_PUBLIC, "<init>", "()V", 1, 1, m -> handlerInConstructor(m, true, true), true)));
        cases.add(new Case("branch before super() to a frame without uninitializedThis", "VerifyError",
                classFile(52, ACC_PUBLIC, "<init>", "()V", 1, 1, m -> {
                    Label target = new Label();
                    m.visitInsn(ACONST_NULL);
                    m.visitVarInsn(ASTORE, 0);
                    m.visitJumpInsn(GOTO, target);
                    m.visitLabel(target);
                    m.visitFrame(F_FULL, 1, new Object[] {TOP}, 0, new Object[0]);
                    m.visitInsn(RETURN);
                }, true)));
        cases.add(verify("catch type that is not a Throwable", 52, "()V", 1, 0,
                m -> tryNopCatch(m, "java/lang/String", true)));
        cases.add(verify("athrow of a string", 52, "()V", 1, 0, m -> {
            m.visitLdcInsn("not a Throwable");
            m.visitInsn(ATHROW);
        }));
        // ---- static constraints on code (JVMS §4.9.1), which HotSpot also reports as VerifyError ----
        cases.add(verify("local variable index beyond max_locals", 52, "()V", 1, 1, m -> {
            m.visitVarInsn(ILOAD, 5);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("jsr in a version-52 class file", 52, "()V", 1, 0, m -> {
            Label subroutine = new Label();
            m.visitJumpInsn(JSR, subroutine);
            m.visitInsn(RETURN);
            m.visitLabel(subroutine);
            m.visitFrame(F_FULL, 0, new Object[0], 0, new Object[0]);
            m.visitInsn(RETURN);
        }));
        cases.add(new Case("branch into the middle of an instruction", "VerifyError", patch(
                verify("", 52, "()V", 1, 0, m -> {
                    Label target = new Label();
                    m.visitJumpInsn(GOTO, target);
                    m.visitLabel(target);
                    m.visitFrame(F_FULL, 0, new Object[0], 0, new Object[0]);
                    m.visitInsn(RETURN);
                }).classFile(), new byte[] {(byte) 0xa7, 0, 3, (byte) 0xb1}, new byte[] {(byte) 0xa7, 0, 2, (byte) 0xb1})));
        cases.add(new Case("undefined opcode", "VerifyError", patch(verify("", 52, "()V", 1, 0, m -> {
            m.visitInsn(ICONST_0);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }).classFile(), new byte[] {3, 0x57, (byte) 0xb1}, new byte[] {3, (byte) 0xcb, (byte) 0xb1})));
        // ---- type inference (JVMS §4.10.2), class file version 49 ----
        cases.add(verify("int used as an object reference (version 49, type inference)", 49, "()V", 1, 0,
                VerificationVerdictTest::intAsReference));
        cases.add(verify("merge of int and reference used as int (version 49)", 49, "(Z)I", 1, 1, m -> {
            Label other = new Label();
            Label join = new Label();
            m.visitVarInsn(ILOAD, 0);
            m.visitJumpInsn(IFEQ, other);
            m.visitInsn(ICONST_1);
            m.visitJumpInsn(GOTO, join);
            m.visitLabel(other);
            m.visitInsn(ACONST_NULL);
            m.visitLabel(join);
            m.visitInsn(IRETURN);
        }));
        cases.add(verify("merge of an initialized and an uninitialized object, then used (version 49)", 49, "()V", 2, 1, m -> {
            Label other = new Label();
            Label join = new Label();
            m.visitInsn(ICONST_0);
            m.visitJumpInsn(IFEQ, other);
            m.visitTypeInsn(NEW, "java/lang/Object");
            m.visitInsn(DUP);
            m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            m.visitVarInsn(ASTORE, 0);
            m.visitJumpInsn(GOTO, join);
            m.visitLabel(other);
            m.visitTypeInsn(NEW, "java/lang/Object");
            m.visitVarInsn(ASTORE, 0);
            m.visitLabel(join);
            m.visitVarInsn(ALOAD, 0);
            m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Object", "hashCode", "()I", false);
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }));
        cases.add(verify("int used as an object reference after a jsr (version 49, subroutines)", 49, "()V", 1, 1, m -> {
            Label subroutine = new Label();
            m.visitJumpInsn(JSR, subroutine);
            m.visitInsn(ICONST_5); // ASM's Analyzer leaves this code without a frame: only the inlined check sees it
            m.visitFieldInsn(GETFIELD, "java/lang/Integer", "value", "I");
            m.visitInsn(POP);
            m.visitJumpInsn(JSR, subroutine);
            m.visitInsn(RETURN);
            m.visitLabel(subroutine);
            m.visitVarInsn(ASTORE, 0);
            m.visitVarInsn(RET, 0);
        }));
        // ---- format checks (JVMS §4.8) ----
        byte[] good = verify("", 52, "()V", 0, 0, m -> m.visitInsn(RETURN)).classFile();
        cases.add(new Case("truncated class file", "ClassFormatError", Arrays.copyOf(good, good.length - 7)));
        cases.add(new Case("illegal method descriptor", "ClassFormatError",
                classFile(52, ACC_STATIC, "bad", "(I", 0, 1, m -> m.visitInsn(RETURN), false)));
        cases.add(new Case("call site whose name is not a method name", "ClassFormatError",
                classFile(52, ACC_STATIC, "bad", "()V", 1, 0, m -> {
                    m.visitInvokeDynamicInsn("[I", "()Ljava/lang/Runnable;", new org.objectweb.asm.Handle(H_INVOKESTATIC,
                            NAME, "bootstrap", "()V", false));
                    m.visitInsn(POP);
                    m.visitInsn(RETURN);
                }, false)));
        cases.add(new Case("ACC_MODULE in an InnerClasses entry", "NoClassDefFoundError", withInnerClassFlags(
                ACC_PUBLIC | ACC_STATIC | 0x8000)));
        cases.add(new Case("duplicate method", "ClassFormatError",
                classFile(52, ACC_STATIC, "main", "([Ljava/lang/String;)V", 0, 1, m -> m.visitInsn(RETURN), false)));
        cases.add(new Case("illegal method modifiers", "ClassFormatError",
                classFile(52, ACC_STATIC | ACC_ABSTRACT, "bad", "()V", 0, 0, null, false)));
        cases.add(new Case("illegal class name in the constant pool", "ClassFormatError", patch(good,
                "java/lang/Object".getBytes(StandardCharsets.US_ASCII), "java/lang/Obj;ct".getBytes(StandardCharsets.US_ASCII))));
        byte[] newer = good.clone();
        newer[7] = 70; // major version 70: Java 26
        cases.add(new Case("class file version 70 (Java 26)", "UnsupportedClassVersionError", newer));
        byte[] minor = good.clone();
        minor[5] = 7; // from version 56 on only 0 and 65535 are minor versions
        minor[7] = 61;
        cases.add(new Case("class file version 61.7 (invalid minor version)", "UnsupportedClassVersionError", minor));
        cases.add(new Case("file holds another class", "NoClassDefFoundError", patch(good,
                "demo/Bad".getBytes(StandardCharsets.US_ASCII), "demo/Bax".getBytes(StandardCharsets.US_ASCII))));
        // ---- supertypes, checked when the class is loaded (JVMS §5.3.5) ----
        cases.add(new Case("class that is its own superclass", "ClassCircularityError", withSupertypes(NAME, null)));
        cases.add(new Case("subclass of a final class", "IncompatibleClassChangeError", withSupertypes("java/lang/String", null)));
        cases.add(new Case("class that implements a class", "IncompatibleClassChangeError",
                withSupertypes("java/lang/Object", "java/lang/Number")));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hotSpotAndKilnRefuseIt(Case c, @TempDir Path directory) throws Exception {
        Map<String, byte[]> files = Map.of(NAME, c.classFile());
        Optional<String> hotSpot = HotSpotVerdict.rejection(files, NAME.replace('/', '.'));
        KilnVerdict kiln = KilnVerdict.of(KERNEL_TEMPLATE, directory, files, NAME.replace('/', '.'));
        VERDICTS.add(String.format("%-62s HotSpot: %s%n%-62s Kiln:    %s", c.kind(),
                firstLine(hotSpot.orElse("accepted")), "", firstLine(kiln.message())));
        assertTrue(hotSpot.isPresent(), c.kind() + ": HotSpot accepts the class file; the test case is wrong");
        assertEquals(c.expectedError(), HotSpotVerdict.errorClass(hotSpot.get()), hotSpot.get());
        assertEquals(KilnVerdict.Kind.REJECTED, kiln.kind(), kiln.message());
        assertEquals(c.expectedError(), kiln.errorClass(), kiln.message());
    }

    /**
     * The legal counterpart of the handler cases: a handler over code before {@code super()} (not the call
     * itself) whose frame keeps {@code uninitializedThis}, so the flag is carried, and that ends in
     * {@code athrow}. Both accept it.
     */
    @org.junit.jupiter.api.Test
    void handlerBeforeSuperThatRethrowsIsAccepted(@TempDir Path directory) throws Exception {
        byte[] classFile = classFile(52, ACC_PUBLIC, "<init>", "()V", 1, 1, m -> handlerInConstructor(m, false, true), true);
        Map<String, byte[]> files = Map.of(NAME, classFile);
        assertEquals(Optional.empty(), HotSpotVerdict.rejection(files, NAME.replace('/', '.')));
        KilnVerdict kiln = KilnVerdict.of(KERNEL_TEMPLATE, directory, files, NAME.replace('/', '.'));
        assertEquals(KilnVerdict.Kind.BUILT, kiln.kind(), kiln.message());
    }

    @AfterAll
    static void writeVerdicts() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/verification-verdicts.txt"), VERDICTS, StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The example: a field read through the integer 5 used as an object reference. */
    private static void intAsReference(MethodVisitor m) {
        m.visitInsn(ICONST_5);
        m.visitFieldInsn(GETFIELD, "java/lang/Integer", "value", "I");
        m.visitInsn(POP);
        m.visitInsn(RETURN);
    }

    /**
     * A constructor with a catch-all handler whose try range covers {@code super()} too if {@code coverSuper},
     * else only the instruction before it. With {@code keepThis} the handler's frame holds
     * {@code uninitializedThis} and the handler rethrows; otherwise the frame has {@code top} there and the
     * handler returns.
     */
    private static void handlerInConstructor(MethodVisitor m, boolean coverSuper, boolean keepThis) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, "java/lang/Throwable");
        m.visitLabel(start);
        m.visitVarInsn(ALOAD, 0);
        if (!coverSuper) {
            m.visitLabel(end);
        }
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        if (coverSuper) {
            m.visitLabel(end);
        }
        m.visitInsn(RETURN);
        m.visitLabel(handler);
        m.visitFrame(F_FULL, 1, new Object[] {keepThis ? UNINITIALIZED_THIS : TOP}, 1, new Object[] {"java/lang/Throwable"});
        if (keepThis) {
            m.visitInsn(ATHROW);
        } else {
            m.visitInsn(POP);
            m.visitInsn(RETURN);
        }
    }

    /**
     * {@code try { nop } catch (catchType) { }}: the handler pops the exception; with a stackmap frame for it if
     * {@code withFrame}.
     */
    private static void tryNopCatch(MethodVisitor m, String catchType, boolean withFrame) {
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        m.visitTryCatchBlock(start, end, handler, catchType);
        m.visitLabel(start);
        m.visitInsn(NOP);
        m.visitLabel(end);
        m.visitInsn(RETURN);
        m.visitLabel(handler);
        if (withFrame) {
            m.visitFrame(F_FULL, 0, new Object[0], 1, new Object[] {catchType});
        }
        m.visitInsn(POP);
        m.visitInsn(RETURN);
    }

    /** {@code this = null; return;}: every copy of the uninitialized this is gone, yet it was never initialized. */
    private static void overwriteThisAndReturn(MethodVisitor m) {
        m.visitInsn(ACONST_NULL);
        m.visitVarInsn(ASTORE, 0);
        m.visitInsn(RETURN);
    }

    private static Case verify(String kind, int version, String desc, int maxStack, int maxLocals,
                               Consumer<MethodVisitor> code) {
        return new Case(kind, "VerifyError", classFile(version, ACC_STATIC, "bad", desc, maxStack, maxLocals, code, false));
    }

    /**
     * demo.Bad: a constructor, {@code main} and one more method written instruction by instruction, without
     * ASM computing frames or maxima (ClassWriter flags 0), so that the class file is exactly as broken as asked.
     */
    private static byte[] classFile(int version, int access, String name, String desc, int maxStack, int maxLocals,
                                    Consumer<MethodVisitor> code, boolean replaceConstructor) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(version, ACC_PUBLIC | ACC_SUPER, NAME, null, "java/lang/Object", null);
        if (!replaceConstructor) {
            MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
            init.visitCode();
            init.visitVarInsn(ALOAD, 0);
            init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(1, 1);
            init.visitEnd();
        }
        MethodVisitor main = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        main.visitInsn(RETURN);
        main.visitMaxs(0, 1);
        main.visitEnd();
        MethodVisitor m = writer.visitMethod(access, name, desc, null, null);
        if (code != null) {
            m.visitCode();
            code.accept(m);
            m.visitMaxs(maxStack, maxLocals);
        }
        m.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** demo.Bad with only a main method, extending {@code superName} and implementing {@code interfaceName}. */
    private static byte[] withSupertypes(String superName, String interfaceName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(52, ACC_PUBLIC | ACC_SUPER, NAME, null, superName,
                interfaceName == null ? null : new String[] {interfaceName});
        MethodVisitor main = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        main.visitInsn(RETURN);
        main.visitMaxs(0, 1);
        main.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * demo.Bad (version 61: before 53 HotSpot ignores ACC_MODULE) with only a main method and an InnerClasses
     * entry for java.util.Map$Entry with {@code access}.
     */
    private static byte[] withInnerClassFlags(int access) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(61, ACC_PUBLIC | ACC_SUPER, NAME, null, "java/lang/Object", null);
        writer.visitInnerClass("java/util/Map$Entry", "java/util/Map", "Entry", access);
        MethodVisitor main = writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        main.visitInsn(RETURN);
        main.visitMaxs(0, 1);
        main.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** The class file with the one occurrence of {@code from} replaced by {@code to}. */
    private static byte[] patch(byte[] classFile, byte[] from, byte[] to) {
        byte[] patched = classFile.clone();
        for (int i = 0; i + from.length <= patched.length; i++) {
            if (Arrays.equals(patched, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, patched, i, to.length);
                return patched;
            }
        }
        throw new IllegalArgumentException("pattern not found in the class file");
    }
}
