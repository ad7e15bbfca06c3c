package java.io;

/**
 * A file system with Unix path syntax in which no file exists, for a guest that has no disk: paths are normalized,
 * resolved and compared as on Linux (so {@code File}'s string operations answer as on HotSpot there), every query
 * about a file answers as for a missing one (no attributes, length 0, not listable), and every change fails as
 * it would for a missing file or a read-only root. Relative paths resolve against {@code user.dir}, or {@code /}
 * while it is unset.
 *
 * <p>The one exception: the JDK configuration files that the image packs under {@code java.home} (the compiler's
 * ResourceSelection: {@code /jdk/conf/logging.properties} when {@code LogManager} is in the image), which exist as
 * read-only regular files, and which {@link FileInputStream} reads. Their directories are not listed.
 */
final class EmptyFileSystem extends FileSystem {
    @Override
    public char getSeparator() {
        return '/';
    }

    @Override
    public char getPathSeparator() {
        return ':';
    }

    /** Without repeated and trailing slashes (but for the root itself). */
    @Override
    public String normalize(String path) {
        StringBuilder normal = new StringBuilder(path.length());
        char previous = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || previous != '/') {
                normal.append(c);
            }
            previous = c;
        }
        if (normal.length() > 1 && normal.charAt(normal.length() - 1) == '/') {
            normal.setLength(normal.length() - 1);
        }
        return normal.toString();
    }

    @Override
    public int prefixLength(String path) {
        return path.startsWith("/") ? 1 : 0;
    }

    @Override
    public String resolve(String parent, String child) {
        if (child.isEmpty()) {
            return parent;
        }
        if (child.charAt(0) == '/') {
            return parent.equals("/") ? child : parent + child;
        }
        return parent.equals("/") ? parent + child : parent + '/' + child;
    }

    @Override
    public String getDefaultParent() {
        return "/";
    }

    @Override
    public String fromURIPath(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public boolean isAbsolute(File f) {
        return f.getPrefixLength() != 0;
    }

    @Override
    public boolean isInvalid(File f) {
        return f.getPath().indexOf('\u0000') >= 0;
    }

    @Override
    public String resolve(File f) {
        return isAbsolute(f) ? f.getPath() : resolve(System.getProperty("user.dir", "/"), f.getPath());
    }

    /** The absolute path without {@code .} and {@code ..} names (there are no links to follow). */
    @Override
    public String canonicalize(String path) throws IOException {
        return canonicalPath(path);
    }

    private static String canonicalPath(String path) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (String name : path.split("/")) {
            if (name.equals("..")) {
                names.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    @Override
    public int getBooleanAttributes(File f) {
        return packedPath(f) != null ? BA_EXISTS | BA_REGULAR : 0;
    }

    @Override
    public boolean checkAccess(File f, int access) {
        return access == ACCESS_READ && packedPath(f) != null;
    }

    @Override
    public boolean setPermission(File f, int access, boolean enable, boolean ownerOnly) {
        return false;
    }

    @Override
    public long getLastModifiedTime(File f) {
        return 0;
    }

    @Override
    public long getLength(File f) {
        String packed = packedPath(f);
        return packed != null ? kiln.runtime.ResourceTable.length(packed) : 0;
    }

    /**
     * The absolute path of {@code f} if the image packs a JDK configuration file there, else null: those are the
     * resource table's entries named by an absolute path (class path resources never start with '/').
     */
    static String packedPath(File f) {
        String path = canonicalPath(f.getAbsolutePath());
        return kiln.runtime.ResourceTable.contains(path) ? path : null;
    }

    @Override
    public boolean createFileExclusively(String path) throws IOException {
        throw new IOException("No such file or directory");
    }

    @Override
    public boolean delete(File f) {
        return false;
    }

    @Override
    public String[] list(File f) {
        return null;
    }

    @Override
    public boolean createDirectory(File f) {
        return false;
    }

    @Override
    public boolean rename(File f1, File f2) {
        return false;
    }

    @Override
    public boolean setLastModifiedTime(File f, long time) {
        return false;
    }

    @Override
    public boolean setReadOnly(File f) {
        return false;
    }

    @Override
    public File[] listRoots() {
        return new File[] {new File("/")};
    }

    @Override
    public long getSpace(File f, int t) {
        return 0;
    }

    @Override
    public int getNameMax(String path) {
        return 255;
    }

    @Override
    public int compare(File f1, File f2) {
        return f1.getPath().compareTo(f2.getPath());
    }

    /** {@code File.hashCode} as on Linux, where programs may print or compare it. */
    @Override
    public int hashCode(File f) {
        return f.getPath().hashCode() ^ 1234321;
    }
}
