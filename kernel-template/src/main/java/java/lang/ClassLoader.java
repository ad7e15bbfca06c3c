package java.lang;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import kiln.lib.net.ResourceUrlHandler;

/**
 * Kiln's class loader: the image is one closed world, compiled ahead of time, so there is one loader that loads
 * nothing new — the system class loader, which {@link Class#getClassLoader()} answers for the class path's
 * classes — and what remains of a loader is finding classes already in the image ({@link Class#forName}) and the
 * class path's files packed into it ({@code kiln.runtime.ResourceTable}, docs/compiler.md "Resources").
 *
 * <p>Rejected: compiling the JDK's {@code ClassLoader}, whose static initializer registers natives and whose
 * loading, defining, package and native-library machinery has nothing to load in a closed world; a subclass a
 * program declares still works for what it inherits here ({@code loadClass} of classes in the image, resources).
 * Resources are found by path from the root; their URLs are {@code resource:} URLs (kiln.lib.net.ResourceUrlHandler).
 */
public abstract class ClassLoader {
    private static final ClassLoader SYSTEM = new SystemClassLoader();

    private final ClassLoader parent;
    private final String name;

    protected ClassLoader(String name, ClassLoader parent) {
        this.name = name;
        this.parent = parent;
    }

    protected ClassLoader(ClassLoader parent) {
        this(null, parent);
    }

    protected ClassLoader() {
        this(null, SYSTEM);
    }

    public String getName() {
        return name;
    }

    public final ClassLoader getParent() {
        return parent;
    }

    /** The system class loader, which loaded the class path's classes. */
    public static ClassLoader getSystemClassLoader() {
        return SYSTEM;
    }

    public Class<?> loadClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }

    /** The class of that name in the image: a closed world defines no class after the build. */
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        return Class.forName(name, false, this);
    }

    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name);
    }

    /**
     * The class path file {@code name} ('/'-separated, from the root, no leading '/') packed into the image, or null.
     */
    public InputStream getResourceAsStream(String name) {
        return kiln.runtime.ResourceTable.open(Objects.requireNonNull(name));
    }

    public static InputStream getSystemResourceAsStream(String name) {
        return SYSTEM.getResourceAsStream(name);
    }

    /** The {@code resource:} URL of the packed class path file {@code name} (from the root), or null. */
    public URL getResource(String name) {
        return ResourceUrlHandler.of(Objects.requireNonNull(name));
    }

    /** The URLs of the class path files {@code name}: one at most, since the build packed the first entry's only. */
    public Enumeration<URL> getResources(String name) throws IOException {
        URL url = getResource(name);
        return Collections.enumeration(url == null ? List.of() : List.of(url));
    }

    public static URL getSystemResource(String name) {
        return SYSTEM.getResource(name);
    }

    public static Enumeration<URL> getSystemResources(String name) throws IOException {
        return SYSTEM.getResources(name);
    }

    /** The one loader of the class path; named "app" as HotSpot's. */
    private static final class SystemClassLoader extends ClassLoader {
        SystemClassLoader() {
            super("app", null);
        }
    }
}
