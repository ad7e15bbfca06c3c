package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import dev.kiln.compiler.CompilerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * A class file as javac 1.4 wrote {@code try}/{@code finally} (version 48; also as 49 and 50), each {@code finally} block a subroutine
 * entered with {@code jsr} from every exit of the {@code try} (normal, {@code return}, exception) and left with
 * {@code ret} (JVMS §6.5 jsr, ret; §4.10.2.5). Built with ASM here since no current javac emits it. Both JVMs
 * verify it by type inference (§4.10.2) and must print the same: returns through a finally, an exception through
 * one, a subroutine entered in a loop, and a finally nested inside a finally (a jsr within a subroutine).
 */
class SubroutineDifferentialTest {
    private static final String MAIN = "olddemo/Finally";
    private static final String OUT = "java/lang/System";
    private static final String PRINT_STREAM = "java/io/PrintStream";

    /** Versions 48 (javac 1.4) and 49, and 50, whose missing StackMapTable makes both fall back to inference. */
    @ParameterizedTest
    @ValueSource(ints = {V1_4, V1_5, V1_6})
    void javac14TryFinallyRunsAsOnHotSpot(int version, @TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("olddemo"));
        Files.write(classes.resolve(MAIN + ".class"), classFile(version));
        List<String> warnings = new ArrayList<>();
        KilnRunner.Outcome kiln = KilnRunner.onLinux(KilnRunner.compile(classes, MAIN.replace('/', '.'),
                new CompilerOptions(Optional.empty(), false, warnings::add)), MAIN.replace('/', '.'));
        KilnRunner.Outcome hotSpot = KilnRunner.onHotSpot(classes, MAIN.replace('/', '.'));
        assertTrue(hotSpot.output().contains("outer finally"), hotSpot.output());
        assertEquals(hotSpot.output(), kiln.output());
        assertEquals(hotSpot.status(), kiln.status());
        assertEquals(List.of(), warnings);
    }

    private static byte[] classFile(int version) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(version, ACC_PUBLIC | ACC_SUPER, MAIN, null, "java/lang/Object", null);
        twice(writer.visitMethod(ACC_STATIC, "twice", "(I)I", null, null));
        fails(writer.visitMethod(ACC_STATIC, "fails", "()V", null, null));
        nested(writer.visitMethod(ACC_STATIC, "nested", "()V", null, null));
        main(writer.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null));
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** {@code try { if (x > 0) return x * 2; println("not positive"); return -1; } finally { println("finally"); }} */
    private static void twice(MethodVisitor m) {
        m.visitCode();
        Label start = new Label();
        Label positive = new Label();
        Label end = new Label();
        Label subroutine = new Label();
        m.visitTryCatchBlock(start, end, end, null);
        m.visitLabel(start);
        m.visitVarInsn(ILOAD, 0);
        m.visitJumpInsn(IFGT, positive);
        println(m, "not positive");
        m.visitInsn(ICONST_M1);
        m.visitVarInsn(ISTORE, 1);
        m.visitJumpInsn(JSR, subroutine);
        m.visitVarInsn(ILOAD, 1);
        m.visitInsn(IRETURN);
        m.visitLabel(positive);
        m.visitVarInsn(ILOAD, 0);
        m.visitInsn(ICONST_2);
        m.visitInsn(IMUL);
        m.visitVarInsn(ISTORE, 1);
        m.visitJumpInsn(JSR, subroutine);
        m.visitVarInsn(ILOAD, 1);
        m.visitInsn(IRETURN);
        finallyHandler(m, end, 2, subroutine);
        subroutine(m, subroutine, 3, "finally");
        m.visitMaxs(0, 4);
        m.visitEnd();
    }

    /** {@code try { throw new IllegalStateException("boom"); } finally { println("cleanup"); }} */
    private static void fails(MethodVisitor m) {
        m.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label subroutine = new Label();
        m.visitTryCatchBlock(start, end, end, null);
        m.visitLabel(start);
        m.visitTypeInsn(NEW, "java/lang/IllegalStateException");
        m.visitInsn(DUP);
        m.visitLdcInsn("boom");
        m.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
        m.visitInsn(ATHROW);
        finallyHandler(m, end, 0, subroutine);
        subroutine(m, subroutine, 1, "cleanup");
        m.visitMaxs(0, 2);
        m.visitEnd();
    }

    /**
     * {@code try { println("body"); } finally { try { println("outer finally"); } finally { println("finally of
     * the finally"); } }}: the outer subroutine calls the inner one.
     */
    private static void nested(MethodVisitor m) {
        m.visitCode();
        Label start = new Label();
        Label end = new Label();
        Label outer = new Label();
        Label innerStart = new Label();
        Label innerEnd = new Label();
        Label inner = new Label();
        m.visitTryCatchBlock(start, end, end, null);
        m.visitTryCatchBlock(innerStart, innerEnd, innerEnd, null);
        m.visitLabel(start);
        println(m, "body");
        m.visitJumpInsn(JSR, outer);
        m.visitInsn(RETURN);
        finallyHandler(m, end, 0, outer);
        m.visitLabel(outer);
        m.visitVarInsn(ASTORE, 1);
        m.visitLabel(innerStart);
        println(m, "outer finally");
        m.visitJumpInsn(JSR, inner);
        m.visitVarInsn(RET, 1);
        finallyHandler(m, innerEnd, 2, inner);
        subroutine(m, inner, 3, "finally of the finally");
        m.visitMaxs(0, 4);
        m.visitEnd();
    }

    /**
     * {@code for (i = -1; i < 3; i++) println(twice(i)); try { fails(); } catch (IllegalStateException e) {
     * println(e.getMessage()); } nested();}
     */
    private static void main(MethodVisitor m) {
        m.visitCode();
        Label loop = new Label();
        Label done = new Label();
        m.visitInsn(ICONST_M1);
        m.visitVarInsn(ISTORE, 1);
        m.visitLabel(loop);
        m.visitVarInsn(ILOAD, 1);
        m.visitInsn(ICONST_3);
        m.visitJumpInsn(IF_ICMPGE, done);
        m.visitFieldInsn(GETSTATIC, OUT, "out", "L" + PRINT_STREAM + ";");
        m.visitVarInsn(ILOAD, 1);
        m.visitMethodInsn(INVOKESTATIC, MAIN, "twice", "(I)I", false);
        m.visitMethodInsn(INVOKEVIRTUAL, PRINT_STREAM, "println", "(I)V", false);
        m.visitIincInsn(1, 1);
        m.visitJumpInsn(GOTO, loop);
        m.visitLabel(done);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        Label after = new Label();
        m.visitTryCatchBlock(start, end, handler, "java/lang/IllegalStateException");
        m.visitLabel(start);
        m.visitMethodInsn(INVOKESTATIC, MAIN, "fails", "()V", false);
        m.visitLabel(end);
        m.visitJumpInsn(GOTO, after);
        m.visitLabel(handler);
        m.visitVarInsn(ASTORE, 2);
        m.visitFieldInsn(GETSTATIC, OUT, "out", "L" + PRINT_STREAM + ";");
        m.visitVarInsn(ALOAD, 2);
        m.visitMethodInsn(INVOKEVIRTUAL, "java/lang/Throwable", "getMessage", "()Ljava/lang/String;", false);
        m.visitMethodInsn(INVOKEVIRTUAL, PRINT_STREAM, "println", "(Ljava/lang/String;)V", false);
        m.visitLabel(after);
        m.visitMethodInsn(INVOKESTATIC, MAIN, "nested", "()V", false);
        m.visitInsn(RETURN);
        m.visitMaxs(0, 3);
        m.visitEnd();
    }

    /** At {@code handler}, javac 1.4's catch-any handler: keep the exception, run the finally, rethrow. */
    private static void finallyHandler(MethodVisitor m, Label handler, int exceptionLocal, Label subroutine) {
        m.visitLabel(handler);
        m.visitVarInsn(ASTORE, exceptionLocal);
        m.visitJumpInsn(JSR, subroutine);
        m.visitVarInsn(ALOAD, exceptionLocal);
        m.visitInsn(ATHROW);
    }

    /** At {@code start}, a finally block that prints {@code text}: the return address is kept in {@code local}. */
    private static void subroutine(MethodVisitor m, Label start, int local, String text) {
        m.visitLabel(start);
        m.visitVarInsn(ASTORE, local);
        println(m, text);
        m.visitVarInsn(RET, local);
    }

    private static void println(MethodVisitor m, String text) {
        m.visitFieldInsn(GETSTATIC, OUT, "out", "L" + PRINT_STREAM + ";");
        m.visitLdcInsn(text);
        m.visitMethodInsn(INVOKEVIRTUAL, PRINT_STREAM, "println", "(Ljava/lang/String;)V", false);
    }
}
