package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.Compiler;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import dev.kiln.qemu.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** What users see when a program cannot be compiled, throws, or never ends. */
class BadProgramTest {
    /** A method-type constant (ldc of CONSTANT_MethodType, JVMS §4.4.9), which the baseline compiler lacks. */
    @Test
    void unsupportedOpcodeNamesClassMethodAndOffset(@TempDir Path classes) throws Exception {
        writeMainClass(classes, main -> {
            main.visitInsn(Opcodes.NOP);
            main.visitLdcInsn(org.objectweb.asm.Type.getMethodType("()V"));
            main.visitInsn(Opcodes.POP);
        });
        CompilationException e = assertThrows(CompilationException.class, () -> Compiler.compile(
                ClassPath.of(List.of(KilnRunner.KERNEL_TEMPLATE, classes)), new EntryPoints("demo.Main"),
                CompilerOptions.defaults()));
        String message = e.getMessage();
        assertTrue(message.contains("demo.Main.main([Ljava/lang/String;)V at bytecode offset 1"), message);
        assertTrue(message.contains("unsupported opcode LDC"), message);
        assertTrue(message.contains("method handles and dynamic constants"), message);
    }

    /** A JDK native that Kiln lacks is a warning at build time and an UnsatisfiedLinkError when, and only when, called. */
    @Test
    void unimplementedJdkNativeThrowsWhenCalled() throws Exception {
        List<String> warnings = new ArrayList<>();
        String main = "kiln.test.programs.UnimplementedJdkNative";
        KilnRunner.Outcome outcome = KilnRunner.onLinux(KilnRunner.compile(KilnRunner.PROGRAMS, main,
                new CompilerOptions(Optional.empty(), false, warnings::add)), main);
        String native0 = "'java.io.FileDescriptor.initIDs()V': a native method of the JDK that Kiln's class library does not"
                + " implement";
        assertEquals("UnsatisfiedLinkError: " + native0 + "\nstill running\n", outcome.output());
        assertEquals(0, outcome.status());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("java.io.FileDescriptor.initIDs()V: UnsatisfiedLinkError: "
                + native0 + "; calling it throws UnsatisfiedLinkError")), String.join("\n", warnings));
        CompilationException e = assertThrows(CompilationException.class, () -> KilnRunner.compile(KilnRunner.PROGRAMS,
                main, new CompilerOptions(Optional.empty(), true, warning -> { })));
        assertTrue(e.getMessage().contains("UnsatisfiedLinkError: " + native0), e.getMessage());
    }

    @Test
    void applicationCodeCannotCallIntrinsics() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.programs.UsesIntrinsics"));
        assertTrue(e.getMessage().contains("kiln.test.programs.UsesIntrinsics.main([Ljava/lang/String;)V at bytecode offset 4: "
                + "kiln.runtime.Intrinsics.outb may only be called from the kernel's packages"), e.getMessage());
    }

    @Test
    void reachedFromChainGoesThroughInterfaceCalls() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.programs.NativeThroughInterface"));
        assertTrue(e.getMessage().contains("native method kiln.test.programs.NativeThroughInterface$Poker.poke()V"), e.getMessage());
        assertTrue(e.getMessage().contains("(reached from kiln.test.programs.NativeThroughInterface$Poker.run"
                + " <- kiln.test.programs.NativeThroughInterface.main"), e.getMessage());
    }

    @Test
    void applicationClassInAKernelPackageIsRefused() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.kernel.impostor.Impostor"));
        assertTrue(e.getMessage().contains("Prohibited package name: kiln.kernel.impostor.Impostor"), e.getMessage());
        assertTrue(e.getMessage().contains("move the class to a package of your own"), e.getMessage());
    }

    @Test
    void missingMainClassIsNamed() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.programs.DoesNotExist"));
        assertTrue(e.getMessage().contains("kiln.test.programs.DoesNotExist"), e.getMessage());
    }

    @Test
    void unreadableClassFileIsNamedWithTheFix(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("demo"));
        Files.write(classes.resolve("demo/Broken.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
        CompilationException e = assertThrows(CompilationException.class, () -> Compiler.compile(
                ClassPath.of(List.of(KilnRunner.KERNEL_TEMPLATE, classes)), new EntryPoints("demo.Broken"),
                CompilerOptions.defaults()));
        assertTrue(e.getMessage().startsWith("ClassFormatError: class demo.Broken in " + classes + ": not a class file"),
                e.getMessage());
        assertTrue(e.getMessage().contains("the class file is corrupt: rebuild it"), e.getMessage());
        assertFalse(e.getMessage().contains("--release"), "a corrupt file is not a too-new one: " + e.getMessage());
    }

    @Test
    void corruptJarIsNamedWithTheFix(@TempDir Path work) throws Exception {
        Path jar = Files.write(work.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0});
        CompilationException e = assertThrows(CompilationException.class, () -> Compiler.compile(
                ClassPath.of(List.of(KilnRunner.KERNEL_TEMPLATE, jar)), new EntryPoints("demo.Main"),
                CompilerOptions.defaults()));
        assertTrue(e.getMessage().contains("class path entry " + jar + " is not a readable jar"), e.getMessage());
        assertTrue(e.getMessage().contains("rebuild it or remove it from the class path"), e.getMessage());
    }

    /**
     * A class name no file system can hold (U+0000, which modified UTF-8 writes as C0 80) names no class file:
     * the reference is a NoClassDefFoundError when it runs, as on HotSpot, not an InvalidPathException in Kiln.
     */
    @Test
    void classNameNoFileSystemCanHoldIsAMissingClass(@TempDir Path classes) throws Exception {
        writeMainClass(classes, main -> main.visitMethodInsn(Opcodes.INVOKESTATIC, "demo/Nul\u0000Name", "run", "()V", false));
        List<String> warnings = new ArrayList<>();
        Compiler.compile(ClassPath.of(List.of(KilnRunner.KERNEL_TEMPLATE, classes)), new EntryPoints("demo.Main"),
                new CompilerOptions(Optional.empty(), false, warnings::add));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("demo.Main.main([Ljava/lang/String;)V at bytecode offset 0:"
                + " NoClassDefFoundError: demo/Nul\u0000Name"), warnings.get(0));
    }

    /** demo.Main, whose main method is {@code code} followed by {@code return}, written under {@code classes}. */
    private static void writeMainClass(Path classes, java.util.function.Consumer<MethodVisitor> code) throws Exception {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "demo/Main", null, "java/lang/Object", null);
        MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                null, null);
        main.visitCode();
        code.accept(main);
        main.visitInsn(Opcodes.RETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();
        writer.visitEnd();
        Files.createDirectories(classes.resolve("demo"));
        Files.write(classes.resolve("demo/Main.class"), writer.toByteArray());
    }

    @Test
    void uncaughtExceptionPrintsClassMessageAndFramesAndFails() throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.programs.Uncaught", Duration.ofSeconds(60));
        assertEquals(RunResult.Outcome.FAILURE, result.outcome(), result.describe());
        assertEquals(1, result.guestStatus().orElse(-1));
        String log = result.serialOutput();
        assertTrue(log.startsWith("before\n"), log);
        assertTrue(log.contains("Exception in thread \"main\" java.lang.IllegalStateException: boom"), log);
        // the same frames, files and lines as HotSpot prints
        assertTrue(log.contains("\tat kiln.test.programs.Uncaught.fail(Uncaught.java:6)\n"
                + "\tat kiln.test.programs.Uncaught.fail(Uncaught.java:8)\n"
                + "\tat kiln.test.programs.Uncaught.fail(Uncaught.java:8)\n"
                + "\tat kiln.test.programs.Uncaught.main(Uncaught.java:13)\n"), log);
    }

    @Test
    void endlessLoopIsKilledAtTheTimeout() throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.programs.Forever", Duration.ofSeconds(3));
        assertEquals(RunResult.Outcome.TIMEOUT, result.outcome(), result.describe());
        assertTrue(result.serialOutput().contains("looping"), result.serialOutput());
    }

    @Test
    void handlerThatAllocatesLocksOrSleepsFailsTheBuild() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.time.BadHandlers"));
        String message = e.getMessage();
        assertTrue(message.contains("interrupt handler kiln.test.time.BadHandlers$Allocating.handle(I)V allocates: "
                + "kiln.test.time.BadHandlers$Allocating.handle -> kiln.test.time.BadHandlers$Allocating.grow"
                + " at bytecode offset 7 (anewarray java/lang/Object)"), message);
        // System.arraycopy's checks allocate the exceptions they throw; a throw path is no violation
        assertTrue(!message.contains("java.lang.System.arraycopy"), message);
        assertTrue(message.contains("interrupt handler kiln.test.time.BadHandlers$Locking.handle(I)V takes a monitor: "
                + "kiln.test.time.BadHandlers$Locking.handle at bytecode offset"), message);
        assertTrue(message.contains("interrupt handler kiln.test.time.BadHandlers$Sleeping.handle(I)V can block: "
                + "kiln.test.time.BadHandlers$Sleeping.handle at bytecode offset 1 (calls java.lang.Thread.sleep)"), message);
        String hidden = "interrupt handler kiln.test.time.BadHandlers$Hidden.handle(I)V allocates: "
                + "kiln.test.time.BadHandlers$Hidden.handle at bytecode offset ";
        assertTrue(message.contains(hidden + "2 (string concatenation)"), message);
        assertTrue(message.contains(hidden + "12 (boxing: java.lang.Integer.valueOf)"), message);
        assertTrue(message.contains(hidden + "20 (a lambda)"), message);
    }

    @Test
    void registeringAReservedVectorIsAClearBootError() throws Exception {
        RunResult result = KilnRunner.boot("kiln.test.time.ReservedVectors", Duration.ofSeconds(60));
        assertEquals(RunResult.Outcome.FAILURE, result.outcome(), result.describe());
        String log = result.serialOutput();
        assertTrue(log.contains("IRQ 16 is not an ISA IRQ (0..15)"), log);
        assertTrue(log.contains("interrupt vector 240 already has a handler (kiln.kernel.interrupts.EndOfInterrupt)"), log);
        assertTrue(log.contains("Exception in thread \"main\" java.lang.IllegalArgumentException: interrupt vector 14"
                + " is reserved for the CPU exception"), log);
        assertTrue(!log.contains("not reached"), log);
    }
}
