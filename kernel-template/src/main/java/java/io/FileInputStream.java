package java.io;

/**
 * A Kiln guest has no file system ({@link EmptyFileSystem}): opening a file fails as for a missing one, with
 * HotSpot's message on Linux, but for the JDK configuration files the image packs under {@code java.home}, which
 * read from the image's read-only data. The JDK's class is natives over a file descriptor; Kiln's has no
 * {@code FileInputStream(FileDescriptor)} (no descriptors name files in a guest) and no {@code getChannel}.
 */
public class FileInputStream extends InputStream {
    /** The packed file's bytes; null for the missing files that every other path names (no constructor returns). */
    private final InputStream packed;

    public FileInputStream(String name) throws FileNotFoundException {
        this(name != null ? new File(name) : null);
    }

    public FileInputStream(File file) throws FileNotFoundException {
        String name = file != null ? file.getPath() : null;
        if (name == null) {
            throw new NullPointerException();
        }
        if (file.isInvalid()) {
            throw new FileNotFoundException("Invalid file path");
        }
        String packedPath = EmptyFileSystem.packedPath(file);
        if (packedPath == null) {
            throw new FileNotFoundException(name + " (No such file or directory)");
        }
        packed = kiln.runtime.ResourceTable.open(packedPath);
    }

    @Override
    public int read() throws IOException {
        return packed.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return packed.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
        return packed.skip(n);
    }

    @Override
    public int available() throws IOException {
        return packed.available();
    }
}
