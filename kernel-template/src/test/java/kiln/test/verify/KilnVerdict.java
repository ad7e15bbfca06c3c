package kiln.test.verify;

import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.Compiler;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What Kiln's compiler says about the same class files: built, rejected with a diagnostic, or crashed. */
record KilnVerdict(Kind kind, String message) {
    enum Kind { BUILT, REJECTED, INTERNAL_ERROR }

    static final List<String> HOTSPOT_ERRORS = List.of("ClassFormatError", "VerifyError", "UnsupportedClassVersionError",
            "NoClassDefFoundError", "IncompatibleClassChangeError", "ClassCircularityError");

    /** Writes the class files under {@code directory} and compiles them with the kernel template. */
    static KilnVerdict of(Path kernelTemplate, Path directory, Map<String, byte[]> classFiles, String mainClass)
            throws IOException {
        for (Map.Entry<String, byte[]> file : classFiles.entrySet()) {
            Path path = directory.resolve(file.getKey() + ".class");
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        try {
            Compiler.compile(ClassPath.of(List.of(kernelTemplate, directory)), new EntryPoints(mainClass),
                    CompilerOptions.defaults());
            return new KilnVerdict(Kind.BUILT, "");
        } catch (CompilationException e) {
            Kind kind = e.getMessage().contains("internal error in Kiln") ? Kind.INTERNAL_ERROR : Kind.REJECTED;
            return new KilnVerdict(kind, e.getMessage());
        } catch (RuntimeException e) {
            return new KilnVerdict(Kind.INTERNAL_ERROR, "escaped the compiler: " + e);
        }
    }

    /** The HotSpot error class the first diagnostic names, or "diagnostic" when it names none. */
    String errorClass() {
        int first = Integer.MAX_VALUE;
        String found = "diagnostic";
        for (String error : HOTSPOT_ERRORS) {
            int at = message.indexOf(error + ":");
            if (at >= 0 && at < first) {
                first = at;
                found = error;
            }
        }
        return found;
    }
}
