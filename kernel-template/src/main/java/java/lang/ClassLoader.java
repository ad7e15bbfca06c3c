package java.lang;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>As on HotSpot, the system loader's parent is the platform loader, whose parent is the boot loader (null);
 * the platform loader loads nothing here (the JDK's classes are the boot loader's). Each loader, the boot loader
 * included, has one unnamed {@link Module} and one {@link Package} per package name that its classes ask for
 * ({@link Class#getPackage}, {@link Class#getModule}): the image keeps no module graph, so the JDK's classes are in
 * the boot loader's unnamed module rather than in {@code java.base} and the other named modules.
 */
public abstract class ClassLoader {
    private static final ClassLoader PLATFORM = new BuiltinClassLoader("platform", null);
    private static final ClassLoader SYSTEM = new BuiltinClassLoader("app", PLATFORM);

    private final ClassLoader parent;
    private final String name;
    /** Made on first use, so that programs that never ask for modules or packages carry neither class. */
    private Module unnamedModule;
    /** The packages made for this loader's classes, by name: one object per name, as HotSpot defines them. */
    private Map<String, Package> packages;

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

    /** The platform class loader, the system loader's parent; the boot loader is its parent. */
    public static ClassLoader getPlatformClassLoader() {
        return PLATFORM;
    }

    /** The module of this loader's classes (Kiln knows no named module; see the class comment). */
    public final synchronized Module getUnnamedModule() {
        if (unnamedModule == null) {
            unnamedModule = new Module(this);
        }
        return unnamedModule;
    }

    /** The unnamed module of {@code loader}, the boot loader's for null. */
    static Module unnamedModuleOf(ClassLoader loader) {
        return loader == null ? BootLoader.UNNAMED_MODULE : loader.getUnnamedModule();
    }

    /** The package {@code packageName} of {@code loader}'s classes (the boot loader's for null), made on first use. */
    static Package definedPackage(ClassLoader loader, String packageName) {
        Map<String, Package> packages;
        if (loader == null) {
            packages = BootLoader.PACKAGES;
        } else {
            synchronized (loader) {
                if (loader.packages == null) {
                    loader.packages = new HashMap<>();
                }
                packages = loader.packages;
            }
        }
        synchronized (packages) {
            Package known = packages.get(packageName);
            if (known == null) {
                known = new Package(packageName, unnamedModuleOf(loader));
                packages.put(packageName, known);
            }
            return known;
        }
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

    /** What the boot loader (null) has: the unnamed module and the packages of the JDK's classes and Kiln's own. */
    private static final class BootLoader {
        static final Module UNNAMED_MODULE = new Module(null);
        static final Map<String, Package> PACKAGES = new HashMap<>();
    }

    /** The loaders the image starts with, named as HotSpot's: "app" (the class path's) and "platform". */
    private static final class BuiltinClassLoader extends ClassLoader {
        BuiltinClassLoader(String name, ClassLoader parent) {
            super(name, parent);
        }
    }
}
