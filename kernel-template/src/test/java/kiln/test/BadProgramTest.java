package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What users see when a program cannot be compiled, throws, or never ends. */
class BadProgramTest {
    @Test
    void unsupportedOpcodeNamesClassMethodAndOffset() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.programs.FloatMath"));
        String message = e.getMessage();
        assertTrue(message.contains("kiln.test.programs.FloatMath.scale(F)F at bytecode offset 3"), message);
        assertTrue(message.contains("FREM"), message);
        assertTrue(message.contains("floating-point"), message);
    }

    @Test
    void applicationCodeCannotCallIntrinsics() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile("kiln.test.programs.UsesIntrinsics"));
        assertTrue(e.getMessage().contains("kiln.test.programs.UsesIntrinsics.main([Ljava/lang/String;)V at bytecode offset 4: "
                + "kiln.runtime.Intrinsics.outb may only be called from the kernel's packages"), e.getMessage());
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
        assertTrue(e.getMessage().contains("class demo.Broken in " + classes + " cannot be read"), e.getMessage());
        assertTrue(e.getMessage().contains("Java 25"), e.getMessage());
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
