package dev.kiln.compiler;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the compiler finds class files: jars and class directories searched in order, then the host JDK's
 * run-time image (every module) for the classes no entry provides. Put the kernel template first so that Kiln's own
 * {@code java.*} classes win over the JDK's.
 */
public final class ClassPath {
    private final List<Path> entries;

    private ClassPath(List<Path> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ClassPath of(List<Path> entries) {
        return new ClassPath(entries);
    }

    public List<Path> entries() {
        return entries;
    }
}
