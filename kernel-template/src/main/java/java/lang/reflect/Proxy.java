package java.lang.reflect;

import java.util.Objects;
import kiln.runtime.LibrarySupport;

/**
 * Dynamic proxies from classes the compiler generated (docs/compiler.md "Reflection"): one class per list of
 * interfaces that the build registered (a constant interface array at a {@code newProxyInstance} call, GraalVM's
 * {@code proxy-config.json}, or the plugin's configuration). Each proxy class extends this class, implements the
 * interfaces, and passes every call to {@link #h}. {@link #newProxyInstance} finds the class among the image's
 * classes by its interfaces; for a list the build did not register it throws, naming the list and how to register
 * it, since no class can be made at run time.
 */
public class Proxy implements java.io.Serializable {
    private static final long serialVersionUID = -2222568056686623797L;

    /** The name of every generated proxy class starts with this. */
    private static final String PROXY_CLASS_PREFIX = "kiln.proxy.$Proxy";

    protected InvocationHandler h;

    protected Proxy(InvocationHandler h) {
        this.h = Objects.requireNonNull(h);
    }

    public static Object newProxyInstance(ClassLoader loader, Class<?>[] interfaces, InvocationHandler h) {
        Objects.requireNonNull(h);
        try {
            return getProxyClass(loader, interfaces).getConstructor(InvocationHandler.class).newInstance(h);
        } catch (InvocationTargetException | NoSuchMethodException | InstantiationException
                 | IllegalAccessException e) {
            throw new InternalError("Kiln's generated proxy class has no usable constructor", e);
        }
    }

    /** Deprecated in the JDK (not annotated here: a runtime annotation would be metadata in every proxy image). */
    public static Class<?> getProxyClass(ClassLoader loader, Class<?>... interfaces) {
        for (Class<?> i : interfaces) {
            if (!i.isInterface()) {
                throw new IllegalArgumentException(i.getName() + " is not an interface");
            }
        }
        for (Class<?> c : LibrarySupport.classTable()) {
            if (isProxyClass(c) && java.util.Arrays.equals(c.getInterfaces(), interfaces)) {
                return c;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Class<?> i : interfaces) {
            names.append(names.length() == 0 ? "" : "\", \"").append(i.getName());
        }
        throw new kiln.lib.reflect.MissingReflectionRegistrationError("Proxy.newProxyInstance: no proxy class for"
                + " the interfaces [\"" + names + "\"] is in this Kiln image; register it at build time: pass the"
                + " interfaces as a constant array (new Class<?>[] {A.class, B.class}) where the proxy is made, or add"
                + " {\"interfaces\": [\"" + names + "\"]} to a META-INF/native-image/.../proxy-config.json on the class path");
    }

    public static boolean isProxyClass(Class<?> cl) {
        return cl.getSuperclass() == Proxy.class && cl.getName().startsWith(PROXY_CLASS_PREFIX);
    }

    public static InvocationHandler getInvocationHandler(Object proxy) {
        if (!isProxyClass(proxy.getClass())) {
            throw new IllegalArgumentException("not a proxy instance");
        }
        return ((Proxy) proxy).h;
    }
}
