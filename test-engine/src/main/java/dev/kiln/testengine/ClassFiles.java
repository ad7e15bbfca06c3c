package dev.kiln.testengine;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** Class files read with ASM from class directories and jars, in class-path order, each parsed once. */
final class ClassFiles {
    private final List<Path> classPath;
    private final Map<String, Optional<ClassNode>> parsed = new HashMap<>();

    ClassFiles(List<Path> classPath) {
        this.classPath = List.copyOf(classPath);
    }

    /** The class with this internal name ({@code dev/kiln/it/Colour}), if the class path has it. */
    Optional<ClassNode> find(String internalName) {
        return parsed.computeIfAbsent(internalName, this::read);
    }

    private Optional<ClassNode> read(String internalName) {
        String file = internalName + ".class";
        try {
            for (Path entry : classPath) {
                if (Files.isDirectory(entry)) {
                    Path classFile = entry.resolve(file);
                    if (Files.isRegularFile(classFile)) {
                        return Optional.of(parse(Files.readAllBytes(classFile)));
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        ZipEntry zipEntry = jar.getEntry(file);
                        if (zipEntry != null) {
                            try (InputStream in = jar.getInputStream(zipEntry)) {
                                return Optional.of(parse(in.readAllBytes()));
                            }
                        }
                    }
                }
            }
        } catch (IOException io) {
            throw new UncheckedIOException("cannot read " + file + " from the test class path", io);
        }
        return Optional.empty();
    }

    static ClassNode parse(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        return node;
    }
}
