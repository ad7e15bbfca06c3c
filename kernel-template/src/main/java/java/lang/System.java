package java.lang;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import kiln.runtime.ObjectModel;
import kiln.runtime.LibrarySupport;

/**
 * Differences from the JDK: {@code out} and {@code err} both go to the serial port; {@code in} reads lines
 * typed on the serial port or the PS/2 keyboard, edited by the kernel's line discipline (end of input is
 * Ctrl-D at the start of a line), or standard input on the hosted target; there is no environment (getenv
 * answers null or an empty map) and a few predefined properties: {@code line.separator} ("\n", as
 * {@link #lineSeparator()}; libraries such as opentest4j read it when they build messages), {@code file.encoding},
 * {@code os.arch}, {@code os.name} and {@code java.home} (see {@link #propertyValues}); the rest exist only
 * once the program sets them, and getProperties cannot answer them as a java.util.Properties (it throws
 * UnsupportedOperationException). Time comes from the kernel (kiln.kernel.time.Clock): {@code nanoTime} is the
 * CPU's time-stamp counter calibrated against the PIT at boot, {@code currentTimeMillis} the real-time clock
 * read at boot plus that; on the hosted target, Linux's clock_gettime. No native libraries can be loaded.
 */
public final class System {
    /*
     * Not final, unlike the JDK's declarations (which its VM assigns natively), so that setIn/setOut/setErr
     * can assign them; applications compiled against the JDK read them with getstatic either way.
     */
    public static InputStream in = LibrarySupport.consoleInput();
    public static PrintStream out = new PrintStream(LibrarySupport.consoleOutput(), true);
    public static PrintStream err = new PrintStream(LibrarySupport.consoleOutput(), true);

    /**
     * The program's own properties, as parallel arrays: java.util.Properties does not compile for Kiln (its
     * constructor needs jdk.internal.misc.Unsafe fences, and it is built on ConcurrentHashMap).
     */
    private static String[] propertyKeys = {"file.encoding", "java.home", "line.separator", "os.arch", "os.name"};
    /**
     * file.encoding: the default charset ({@code Charset.defaultCharset()} reads it), UTF-8 like String's;
     * os.arch as HotSpot names x86-64; os.name is Kiln's own ({@code startsWith("Windows")} and similar checks,
     * which picocli makes before it colours its output, must not meet null); java.home is where the guest's file
     * system has the build JDK's configuration files that the image packs (EmptyFileSystem), which the JDK's
     * {@code LogManager} and {@code Security} read from {@code <java.home>/conf}.
     */
    private static String[] propertyValues = {"UTF-8", "/jdk", "\n", "amd64", "Kiln"};

    private System() {}

    public static long currentTimeMillis() {
        return LibrarySupport.currentTimeMillis();
    }

    public static long nanoTime() {
        return LibrarySupport.nanoTime();
    }

    /**
     * Copies with HotSpot's checks and messages, in its order: null, not an array, element types, negative
     * positions and length, then the last indexes. Overlapping ranges of one array copy as if through a
     * temporary copy. A reference copy that hits an element the destination cannot hold stops there, with
     * the elements before it copied.
     */
    public static void arraycopy(Object src, int srcPos, Object dest, int destPos, int length) {
        if (src == null || dest == null) {
            throw new NullPointerException();
        }
        Class<?> srcClass = src.getClass();
        Class<?> destClass = dest.getClass();
        if (!srcClass.isArray()) {
            throw new ArrayStoreException("arraycopy: source type " + srcClass.getName() + " is not an array");
        }
        if (!destClass.isArray()) {
            throw new ArrayStoreException("arraycopy: destination type " + destClass.getName() + " is not an array");
        }
        Class<?> srcComponent = srcClass.getComponentType();
        Class<?> destComponent = destClass.getComponentType();
        if ((srcComponent.isPrimitive() || destComponent.isPrimitive()) && srcComponent != destComponent) {
            throw new ArrayStoreException("arraycopy: type mismatch: can not copy " + elementTypeName(srcClass)
                    + "[] into " + elementTypeName(destClass) + "[]");
        }
        int srcLength = ObjectModel.arrayLength(src);
        int destLength = ObjectModel.arrayLength(dest);
        if (srcPos < 0) {
            throw outOfBounds("source index " + srcPos, srcClass, srcLength);
        }
        if (destPos < 0) {
            throw outOfBounds("destination index " + destPos, destClass, destLength);
        }
        if (length < 0) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: length " + length + " is negative");
        }
        if ((long) srcPos + length > srcLength) {
            throw outOfBounds("last source index " + ((long) srcPos + length), srcClass, srcLength);
        }
        if ((long) destPos + length > destLength) {
            throw outOfBounds("last destination index " + ((long) destPos + length), destClass, destLength);
        }
        if (length == 0) {
            return;
        }
        if (srcComponent.isPrimitive() || destComponent.isAssignableFrom(srcComponent)) {
            LibrarySupport.moveArrayElements(src, srcPos, dest, destPos, length, srcClass.elementSize());
        } else {
            copyCheckedReferences((Object[]) src, srcPos, (Object[]) dest, destPos, length, destComponent);
        }
    }

    private static void copyCheckedReferences(Object[] src, int srcPos, Object[] dest, int destPos, int length,
            Class<?> destComponent) {
        for (int i = 0; i < length; i++) {
            Object element = src[srcPos + i];
            if (element != null && !destComponent.isInstance(element)) {
                throw new ArrayStoreException("arraycopy: element type mismatch: can not cast one of the elements of "
                        + src.getClass().getComponentType().getName() + "[] to the type of the destination array, "
                        + destComponent.getName());
            }
            dest[destPos + i] = element;
        }
    }

    /** HotSpot's name for an array's element type in arraycopy messages: "int", or "object array". */
    private static String elementTypeName(Class<?> arrayClass) {
        Class<?> component = arrayClass.getComponentType();
        return component.isPrimitive() ? component.getName() : "object array";
    }

    private static ArrayIndexOutOfBoundsException outOfBounds(String what, Class<?> arrayClass, int arrayLength) {
        return new ArrayIndexOutOfBoundsException("arraycopy: " + what + " out of bounds for "
                + elementTypeName(arrayClass) + "[" + arrayLength + "]");
    }

    public static int identityHashCode(Object x) {
        return x == null ? 0 : ObjectModel.identityHash(x);
    }

    /** As the JDK: {@link Runtime#exit}, which runs the shutdown hooks first. */
    public static void exit(int status) {
        Runtime.getRuntime().exit(status);
    }

    public static void gc() {
        LibrarySupport.collectGarbage();
    }

    public static String lineSeparator() {
        return "\n";
    }

    public static void setIn(InputStream in) {
        System.in = in;
    }

    public static void setOut(PrintStream out) {
        System.out = out;
    }

    public static void setErr(PrintStream err) {
        System.err = err;
    }

    /** Kiln has no java.io.Console: read System.in instead (it has a line discipline on bare metal). */
    public static java.io.Console console() {
        return null;
    }

    public static String getProperty(String key) {
        checkKey(key);
        int index = propertyIndex(key);
        return index < 0 ? null : propertyValues[index];
    }

    public static String getProperty(String key, String def) {
        String value = getProperty(key);
        return value == null ? def : value;
    }

    /** As the JDK: a null value is a NullPointerException; answers the previous value or null. */
    public static String setProperty(String key, String value) {
        checkKey(key);
        if (value == null) {
            throw new NullPointerException();
        }
        int index = propertyIndex(key);
        if (index >= 0) {
            String previous = propertyValues[index];
            propertyValues[index] = value;
            return previous;
        }
        int count = propertyKeys.length;
        String[] keys = new String[count + 1];
        String[] values = new String[count + 1];
        arraycopy(propertyKeys, 0, keys, 0, count);
        arraycopy(propertyValues, 0, values, 0, count);
        keys[count] = key;
        values[count] = value;
        propertyKeys = keys;
        propertyValues = values;
        return null;
    }

    public static String clearProperty(String key) {
        checkKey(key);
        int index = propertyIndex(key);
        if (index < 0) {
            return null;
        }
        String previous = propertyValues[index];
        int count = propertyKeys.length - 1;
        String[] keys = new String[count];
        String[] values = new String[count];
        arraycopy(propertyKeys, 0, keys, 0, index);
        arraycopy(propertyValues, 0, values, 0, index);
        arraycopy(propertyKeys, index + 1, keys, index, count - index);
        arraycopy(propertyValues, index + 1, values, index, count - index);
        propertyKeys = keys;
        propertyValues = values;
        return previous;
    }

    /** Kiln cannot build a java.util.Properties (see {@link #propertyKeys}); the single-key methods work. */
    public static Properties getProperties() {
        throw propertiesUnsupported("getProperties()");
    }

    /** Null means "back to the defaults", which for Kiln is no properties at all; a Properties object cannot be used. */
    public static void setProperties(Properties props) {
        if (props != null) {
            throw propertiesUnsupported("setProperties(Properties)");
        }
        propertyKeys = new String[0];
        propertyValues = new String[0];
    }

    private static UnsupportedOperationException propertiesUnsupported(String method) {
        return new UnsupportedOperationException("System." + method + " is not supported by Kiln: java.util.Properties"
                + " does not compile for Kiln images; use System.getProperty, setProperty and clearProperty");
    }

    private static int propertyIndex(String key) {
        for (int i = 0; i < propertyKeys.length; i++) {
            if (propertyKeys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public static String getenv(String name) {
        if (name == null) {
            throw new NullPointerException();
        }
        return null;
    }

    /** Kiln programs run without an environment. */
    public static Map<String, String> getenv() {
        return Collections.emptyMap();
    }

    /** Kiln collects garbage without finalization; there is nothing to run. */
    public static void runFinalization() {}

    public static void load(String filename) {
        throw noNativeLibraries("file " + filename);
    }

    public static void loadLibrary(String libname) {
        throw noNativeLibraries("library " + libname);
    }

    public static String mapLibraryName(String libname) {
        if (libname == null) {
            throw new NullPointerException();
        }
        return "lib" + libname + ".so";
    }

    private static UnsatisfiedLinkError noNativeLibraries(String what) {
        return new UnsatisfiedLinkError("Cannot load native " + what
                + ": Kiln images are compiled ahead of time and cannot load native libraries;"
                + " implement the functionality in Java instead");
    }

    @SuppressWarnings("removal")
    public static SecurityManager getSecurityManager() {
        return null;
    }

    /** Kiln has no security manager; installing one fails as in JDKs run with -Djava.security.manager=disallow. */
    @SuppressWarnings("removal")
    public static void setSecurityManager(SecurityManager sm) {
        if (sm != null) {
            throw new UnsupportedOperationException(
                    "The Security Manager is deprecated and will be removed in a future release");
        }
    }

    /** No channel is inherited: Kiln programs are not started by inetd or a launcher that passes one. */
    public static java.nio.channels.Channel inheritedChannel() throws java.io.IOException {
        return null;
    }

    private static void checkKey(String key) {
        if (key == null) {
            throw new NullPointerException("key can't be null");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("key can't be empty");
        }
    }
}
