package dev.kiln.compiler.world;

import dev.kiln.compiler.ClassPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads class files by internal name from the class path entries in order, then from the host JDK's
 * run-time image (every module, not only {@code java.base}). Remembers which entry is the kernel template (the one holding
 * the intrinsics class, {@link KernelAbi#INTRINSICS_CLASS}): its kernel packages may use intrinsics.
 */
public final class ClassFileLoader implements AutoCloseable {
    /**
     * A class file and where it came from.
     *
     * @param jdk whether it is the host JDK's own (trusted: neither format-checked nor verified, as HotSpot
     *            trusts the boot class path)
     */
    record ClassFile(String internalName, byte[] bytes, String origin, boolean fromKernelTemplate, boolean jdk) {
    }

    /** A file of a class path entry that is not a class: its path inside the entry, where it is, its bytes. */
    public record Resource(String path, String origin, byte[] bytes) {
    }

    private interface Entry {
        Optional<byte[]> read(String resource) throws IOException;

        String describe();

        /** The entry's files under {@code directory} (a path inside the entry, '/'-separated). */
        List<String> list(String directory) throws IOException;

        /** A class directory (a build's output) rather than a jar or the JDK. */
        default boolean isDirectory() {
            return false;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<ZipFile> openJars = new ArrayList<>();
    private final Entry kernelEntry;
    private final Entry jdkEntry;

    public ClassFileLoader(ClassPath classPath) throws IOException {
        for (Path path : classPath.entries()) {
            if (Files.isDirectory(path)) {
                entries.add(directory(path));
            } else if (Files.isRegularFile(path)) {
                ZipFile jar;
                try {
                    jar = new ZipFile(path.toFile());
                } catch (IOException e) {
                    throw new IOException("class path entry " + path + " is not a readable jar (" + e.getMessage()
                            + "); rebuild it or remove it from the class path", e);
                }
                openJars.add(jar);
                entries.add(jar(jar, path));
            } else {
                throw new IOException("class path entry " + path + " does not exist");
            }
        }
        jdkEntry = runtimeImage();
        entries.add(jdkEntry);
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.read(KernelAbi.INTRINSICS_CLASS + ".class").isPresent()) {
                found = entry;
                break;
            }
        }
        kernelEntry = found;
    }

    boolean hasKernelTemplate() {
        return kernelEntry != null;
    }

    /**
     * The class file for an internal name, or empty when there is none. A name that no file system can hold
     * (a NUL character, say, which modified UTF-8 allows) names no class file either.
     */
    Optional<ClassFile> load(String internalName) {
        String resource = internalName + ".class";
        for (Entry entry : entries) {
            Optional<byte[]> bytes;
            try {
                bytes = entry.read(resource);
            } catch (InvalidPathException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource + " from " + entry.describe() + " ("
                        + e.getMessage() + "); the file or jar is damaged: rebuild it", e);
            }
            if (bytes.isPresent()) {
                return Optional.of(new ClassFile(internalName, bytes.get(), entry.describe(), entry == kernelEntry,
                        entry == jdkEntry));
            }
        }
        return Optional.empty();
    }

    /**
     * The files under {@code directory} ('/'-separated, e.g. {@code META-INF/native-image}) in every class path
     * entry, in class path order; not the JDK's.
     */
    List<Resource> resources(String directory) {
        List<Resource> found = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry == jdkEntry) {
                continue;
            }
            try {
                for (String path : entry.list(directory)) {
                    found.add(new Resource(path, entry.describe(), entry.read(path).orElseThrow()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + directory + " in " + entry.describe() + " ("
                        + e.getMessage() + "); the file or jar is damaged: rebuild it", e);
            }
        }
        return found;
    }

    /** A file of the JDK's run-time image (a module's resource, e.g. {@code java/util/currency.data}), if there. */
    Optional<Resource> jdkResource(String path) {
        try {
            return jdkEntry.read(path).map(bytes -> new Resource(path, jdkEntry.describe(), bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from " + jdkEntry.describe() + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * The files of the class path that are not class files, first occurrence of each path in class path order
     * (as {@code ClassLoader.getResource} finds it), that {@code selected} accepts given the path and whether the
     * entry is a class directory (the project's own build output) rather than a jar; not the JDK's nor the
     * kernel template's.
     */
    List<Resource> packableFiles(BiPredicate<String, Boolean> selected) {
        List<Resource> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            if (entry == jdkEntry || entry == kernelEntry) {
                continue;
            }
            boolean classDirectory = entry.isDirectory();
            try {
                for (String path : entry.list("")) {
                    if (!path.endsWith(".class") && seen.add(path) && selected.test(path, classDirectory)) {
                        found.add(new Resource(path, entry.describe(), entry.read(path).orElseThrow()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the files of " + entry.describe() + " ("
                        + e.getMessage() + "); the file or jar is damaged: rebuild it", e);
            }
        }
        return found;
    }

    private static Entry directory(Path dir) {
        return new Entry() {
            @Override
            public boolean isDirectory() {
                return true;
            }

            @Override
            public List<String> list(String directory) throws IOException {
                Path start = dir.resolve(directory);
                if (!Files.isDirectory(start)) {
                    return List.of();
                }
                try (var files = Files.walk(start)) {
                    return files.filter(Files::isRegularFile)
                            .map(f -> dir.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .sorted().toList();
                }
            }

            @Override
            public Optional<byte[]> read(String resource) throws IOException {
                Path file = dir.resolve(resource);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public String describe() {
                return dir.toString();
            }
        };
    }

    private static Entry jar(ZipFile jar, Path path) {
        return new Entry() {
            @Override
            public List<String> list(String directory) {
                String prefix = directory.isEmpty() ? "" : directory + "/";
                return jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                        .map(ZipEntry::getName).sorted().toList();
            }

            @Override
            public Optional<byte[]> read(String resource) throws IOException {
                ZipEntry e = jar.getEntry(resource);
                if (e == null) {
                    return Optional.empty();
                }
                try (var in = jar.getInputStream(e)) {
                    return Optional.of(in.readAllBytes());
                }
            }

            @Override
            public String describe() {
                return path.toString();
            }
        };
    }

    /**
     * The host JDK's run-time image, every module of it, read through the jrt file system (JDK 9+). A class
     * is looked up in the one module that holds its package, found in the image's {@code /packages} index
     * ({@code /packages/java.util.logging/java.logging} links the package to its module), so a lookup reads
     * one directory, not one per module. Rejected: searching every {@code /modules/*} directory in turn (some
     * seventy misses for each class of the class path's own packages) and reading only {@code java.base}
     * (a program that uses {@code java.util.logging} or {@code java.sql} did not build).
     */
    private static Entry runtimeImage() throws IOException {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Map<String, Path> moduleOfPackage = new HashMap<>();
        try (DirectoryStream<Path> packages = Files.newDirectoryStream(jrt.getPath("/packages"))) {
            for (Path pkg : packages) {
                try (DirectoryStream<Path> modules = Files.newDirectoryStream(pkg)) {
                    for (Path module : modules) {
                        moduleOfPackage.putIfAbsent(pkg.getFileName().toString().replace('.', '/'),
                                jrt.getPath("/modules", module.getFileName().toString()));
                    }
                }
            }
        }
        return new Entry() {
            @Override
            public List<String> list(String directory) {
                return List.of(); // the JDK ships no reachability metadata for Kiln to read
            }

            @Override
            public Optional<byte[]> read(String resource) throws IOException {
                int slash = resource.lastIndexOf('/');
                Path module = moduleOfPackage.get(slash < 0 ? "" : resource.substring(0, slash));
                if (module == null) {
                    return Optional.empty();
                }
                Path file = module.resolve(resource);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public String describe() {
                return "the host JDK's run-time image (" + System.getProperty("java.version") + ")";
            }
        };
    }

    @Override
    public void close() throws IOException {
        for (ZipFile jar : openJars) {
            jar.close();
        }
    }
}
