package dev.kiln.compiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads class files by internal name from the class path entries in order, then from the host JDK's
 * {@code java.base} module. Remembers which entry is the kernel template (the one holding
 * the intrinsics class, {@link KernelAbi#INTRINSICS_CLASS}): its kernel packages may use intrinsics.
 */
final class ClassFileLoader implements AutoCloseable {
    /** A class file and where it came from. */
    record ClassFile(String internalName, byte[] bytes, String origin, boolean fromKernelTemplate) {
    }

    private interface Entry {
        Optional<byte[]> read(String resource) throws IOException;

        String describe();
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<ZipFile> openJars = new ArrayList<>();
    private final Entry kernelEntry;

    ClassFileLoader(ClassPath classPath) throws IOException {
        for (Path path : classPath.entries()) {
            if (Files.isDirectory(path)) {
                entries.add(directory(path));
            } else if (Files.isRegularFile(path)) {
                ZipFile jar = new ZipFile(path.toFile());
                openJars.add(jar);
                entries.add(jar(jar, path));
            } else {
                throw new IOException("class path entry " + path + " does not exist");
            }
        }
        entries.add(javaBase());
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

    Optional<ClassFile> load(String internalName) {
        String resource = internalName + ".class";
        try {
            for (Entry entry : entries) {
                Optional<byte[]> bytes = entry.read(resource);
                if (bytes.isPresent()) {
                    return Optional.of(new ClassFile(internalName, bytes.get(), entry.describe(), entry == kernelEntry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Optional.empty();
    }

    private static Entry directory(Path dir) {
        return new Entry() {
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

    /** The host JDK's java.base, read through the jrt file system (JDK 9+). */
    private static Entry javaBase() {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Path base = jrt.getPath("/modules/java.base");
        return new Entry() {
            @Override
            public Optional<byte[]> read(String resource) throws IOException {
                Path file = base.resolve(resource);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }

            @Override
            public String describe() {
                return "the host JDK's java.base (" + System.getProperty("java.version") + ")";
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
