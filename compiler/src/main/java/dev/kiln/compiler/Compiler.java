package dev.kiln.compiler;

import dev.kiln.compiler.analysis.Diagnostics;
import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.analysis.Reachability;
import dev.kiln.compiler.backend.CodeGeneration;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.stubs.InterruptStub;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The compiler's door: class files in, one object module of x86-64 code and data out. */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles everything reachable from the kernel's start method ({@code kiln.kernel.boot.Kernel.start()}) and the
     * application's main method, plus the interrupt stub, into one object module. The boot code (the entry stub
     * that defines the symbols the module's code reads, such as {@code kiln_stack_limit}, and calls
     * {@code kiln_java_start}) is not in it: the boot module (dev.kiln.boot) provides it, and whoever links
     * links it first, beside this module.
     *
     * @throws CompilationException naming every class, method and bytecode offset that cannot be compiled
     */
    public static ObjectModule compile(ClassPath classPath, EntryPoints entryPoints, CompilerOptions options)
            throws CompilationException {
        try (ClassFileLoader loader = new ClassFileLoader(classPath)) {
            World world = new World(loader);
            // The boot stub's module is linked in front of this one, so the interrupt stub's BSS follows the
            // boot stub's: its IST stacks then lie above the boot stack.
            List<Section> sections = new ArrayList<>(InterruptStub.module().sections());
            Diagnostics diagnostics = new Diagnostics(options);
            Program program = new Reachability(world, entryPoints, options, diagnostics).analyze();
            sections.addAll(new CodeGeneration(program, diagnostics, options).generate());
            return new ObjectModule("kernel", sections);
        } catch (IOException | UncheckedIOException e) {
            throw new CompilationException(List.of("cannot read the class path: " + e.getMessage()));
        } catch (World.UnreadableClassException e) {
            throw new CompilationException(List.of(e.getMessage()));
        } catch (World.MissingClassException e) {
            throw new CompilationException(List.of(e.getMessage()
                    + "; add the dependency that provides it (it is needed as a superclass or interface)"));
        } catch (RuntimeException e) {
            throw new CompilationException(List.of(internalError("compiling " + entryPoints.mainClass(), e)));
        }
    }

    /**
     * The message for an exception inside Kiln itself: not the user's fault, so it says so, names the input that
     * caused it and asks for a report, with the exception and where it was thrown (never a bare stack trace).
     */
    public static String internalError(String doing, RuntimeException e) {
        StringBuilder message = new StringBuilder("internal error in Kiln while ").append(doing).append(": ")
                .append(e);
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(3, frames.length); i++) {
            message.append(i == 0 ? " at " : " <- ").append(frames[i]);
        }
        return message.append(". This is a bug in Kiln, not in your program: please report it to the Kiln project"
                + " with this message and the class files named in it.").toString();
    }
}
