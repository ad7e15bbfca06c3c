package kiln.lib.patches.java.util.concurrent;

import java.security.AccessControlContext;
import java.security.Permission;

/**
 * Replaces two methods of the JDK's {@code java.util.concurrent.ForkJoinPool} (see the compiler's
 * JdkMethodPatches); the rest of the pool, its work-stealing queues and its workers are the JDK's bytecode.
 */
public final class ForkJoinPool {
    private ForkJoinPool() {
    }

    /**
     * The common pool's thread factory and exception handler may be named by system properties, which the JDK
     * loads through the system class loader. Kiln's closed world has no class loader at run time (the class
     * loading would pull the module system and the file system into every image that uses the common pool), so
     * a named class is refused with the reason; the pool then keeps its defaults, as for any failure here.
     */
    static Object newInstanceFromSystemProperty(String property) throws ReflectiveOperationException {
        String className = System.getProperty(property);
        if (className != null) {
            throw new ClassNotFoundException(className + " (named by the system property " + property
                    + "): Kiln compiles a closed world and loads no class by name at run time");
        }
        return null;
    }

    /**
     * The access-control context the pool's thread factories run under. Kiln has no security manager (its
     * {@code AccessController} runs every privileged action as it is), so there is no context to build, and
     * building one would bring protection domains and the security policy into the image.
     */
    static AccessControlContext contextWithPermissions(Permission... permissions) {
        return null;
    }
}
