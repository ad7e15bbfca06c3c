package dev.kiln.compiler;

import dev.kiln.compiler.analysis.Diagnostics;
import dev.kiln.compiler.analysis.Program;
import dev.kiln.compiler.analysis.Reachability;
import dev.kiln.compiler.backend.CodeGeneration;
import dev.kiln.compiler.image.BuildReport;
import dev.kiln.compiler.image.ImageData;
import dev.kiln.compiler.object.ObjectModule;
import dev.kiln.compiler.object.Section;
import dev.kiln.compiler.world.ClassFileLoader;
import dev.kiln.compiler.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The compiler's door: class files in, one object module of x86-64 code and data out. It runs the phases in
 * order, each finished before the next starts (docs/compiler.md "Analysis before code"): the world
 * ({@link dev.kiln.compiler.world}) loads and lays out classes, the analysis ({@link dev.kiln.compiler.analysis})
 * grows the closed world into an immutable program, the backends ({@link dev.kiln.compiler.backend}) generate its
 * code, and the image ({@link dev.kiln.compiler.image}) lays out the data the code refers to and writes the report.
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles everything reachable from the kernel's start method ({@code kiln.kernel.boot.Kernel.start()}) and the
     * application's main method into one object module. The hand-written code around it is not in it: the boot
     * module (dev.kiln.boot) provides the entry stub (which defines the symbols the module's code reads, such as
     * {@code kiln_stack_limit}, and calls {@code kiln_java_start}) and the interrupt stub (which calls
     * {@code kiln_interrupt_dispatch}, defined here), and whoever links links them first, beside this module.
     *
     * @throws CompilationException naming every class, method and bytecode offset that cannot be compiled
     */
    public static ObjectModule compile(ClassPath classPath, EntryPoints entryPoints, CompilerOptions options)
            throws CompilationException {
        try (ClassFileLoader loader = new ClassFileLoader(classPath)) {
            World world = new World(loader);
            Diagnostics diagnostics = new Diagnostics(options);
            Program program = new Reachability(world, entryPoints, options, diagnostics).analyze();
            CodeGeneration code = new CodeGeneration(program, diagnostics, options);
            Section text = code.generate();
            List<Section> data = new ImageData(program, code.methodTable()).sections();
            List<Section> sections = new ArrayList<>(List.of(text));
            sections.addAll(data);
            if (options.reportDirectory().isPresent()) {
                writeReport(options.reportDirectory().get(), code, text, data);
            }
            return new ObjectModule("kernel", sections);
        } catch (IOException | UncheckedIOException e) {
            throw new CompilationException(List.of("cannot read the class path: " + e.getMessage()));
        } catch (World.UnreadableClassException e) {
            throw new CompilationException(List.of(e.getMessage()));
        } catch (World.MissingClassException e) {
            throw new CompilationException(List.of(e.getMessage()
                    + "; add the dependency that provides it (it is needed as a superclass or interface)"));
        } catch (RuntimeException e) {
            throw new CompilationException(List.of(Diagnostics.internalError("compiling " + entryPoints.mainClass(), e)));
        }
    }

    private static void writeReport(Path directory, CodeGeneration code, Section text, List<Section> data)
            throws CompilationException {
        try {
            BuildReport.write(directory, code.methodTable(), text.size(), data.get(0).size(), data.get(1).size(),
                    code.tierReport());
        } catch (IOException e) {
            throw new CompilationException(List.of("cannot write the build report to " + directory + ": "
                    + e.getMessage()));
        }
    }
}
