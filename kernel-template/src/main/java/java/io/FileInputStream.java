package java.io;

/**
 * A Kiln guest has no file system ({@link EmptyFileSystem}): opening a file fails as for a missing one, with
 * HotSpot's message on Linux. The JDK's class is natives over a file descriptor; Kiln's has no
 * {@code FileInputStream(FileDescriptor)} (no descriptors name files in a guest) and no {@code getChannel}.
 */
public class FileInputStream extends InputStream {
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
        throw new FileNotFoundException(name + " (No such file or directory)");
    }

    @Override
    public int read() throws IOException {
        return -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : -1;
    }
}
