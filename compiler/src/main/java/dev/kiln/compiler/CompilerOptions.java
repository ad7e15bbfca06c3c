package dev.kiln.compiler;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * @param reportDirectory where to write the build report (reachable classes and methods, code sizes), if anywhere
 * @param linkAtBuildTime make references that do not link (a missing class, method or field, a wrong
 *                        static-ness, an access violation: see {@code Linkage}) build errors; by default they are
 *                        warnings, and the code throws HotSpot's LinkageError when it runs
 * @param warnings        receives each warning, one line naming class, method, bytecode offset and the problem
 */
public record CompilerOptions(Optional<Path> reportDirectory, boolean linkAtBuildTime, Consumer<String> warnings) {
    public CompilerOptions {
        Objects.requireNonNull(reportDirectory, "reportDirectory");
        Objects.requireNonNull(warnings, "warnings");
    }

    public CompilerOptions(Optional<Path> reportDirectory) {
        this(reportDirectory, false, warning -> { });
    }

    public static CompilerOptions defaults() {
        return new CompilerOptions(Optional.empty());
    }
}
