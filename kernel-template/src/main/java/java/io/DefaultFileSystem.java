package java.io;

/**
 * The file system {@code java.io.File} asks: the JDK's answers its {@code UnixFileSystem}, all natives; a Kiln
 * guest has no file system, so Kiln's answers {@link EmptyFileSystem}.
 */
final class DefaultFileSystem {
    private DefaultFileSystem() {
    }

    public static FileSystem getFileSystem() {
        return new EmptyFileSystem();
    }
}
