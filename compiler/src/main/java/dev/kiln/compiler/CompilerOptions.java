package dev.kiln.compiler;

import java.nio.file.Path;
import java.util.Optional;

/**
 * @param reportDirectory where to write the build report (reachable classes and methods, code sizes), if anywhere
 */
public record CompilerOptions(Optional<Path> reportDirectory) {
    public static CompilerOptions defaults() {
        return new CompilerOptions(Optional.empty());
    }
}
