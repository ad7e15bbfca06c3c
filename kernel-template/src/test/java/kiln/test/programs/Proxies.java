package kiln.test.programs;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;

/**
 * Dynamic proxies for interface lists the compiler sees as constants at the {@code newProxyInstance} call: every
 * call reaches the handler with its Method and boxed arguments, results are unboxed, exceptions pass or are
 * wrapped as {@code Proxy}'s javadoc says.
 */
public class Proxies {
    public interface Greeter {
        String greet(String name, int times);

        int count();

        void reset() throws IOException;

        default String twice(String name) {
            return greet(name, 2);
        }
    }

    public interface Named {
        String name();
    }

    public static void main(String[] args) throws Exception {
        InvocationHandler handler = (proxy, method, arguments) -> {
            System.out.println("call " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " " + Arrays.toString(arguments));
            switch (method.getName()) {
                case "greet":
                    return ((String) arguments[0]).repeat((Integer) arguments[1]);
                case "count":
                    return 42;
                case "reset":
                    throw new IOException("declared");
                case "name":
                    return "proxied";
                case "hashCode":
                    return 7;
                case "equals":
                    return proxy == arguments[0];
                case "toString":
                    return "a proxy";
                case "twice":
                    return "the handler, not the default method";
                default:
                    throw new Exception("undeclared for " + method.getName());
            }
        };
        Object proxy = Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {Greeter.class, Named.class},
                handler);
        Greeter greeter = (Greeter) proxy;
        System.out.println(greeter.greet("ab", 3));
        System.out.println(greeter.count());
        System.out.println(((Named) proxy).name());
        System.out.println(proxy.hashCode() + " " + proxy.equals(proxy) + " " + proxy);
        try {
            greeter.reset();
        } catch (IOException e) {
            System.out.println("declared exception passed on: " + e.getMessage());
        }
        System.out.println("is proxy class " + Proxy.isProxyClass(proxy.getClass()) + " handler "
                + (Proxy.getInvocationHandler(proxy) == handler) + " interfaces "
                + Arrays.toString(proxy.getClass().getInterfaces()));
        Greeter failing = (Greeter) Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {Greeter.class},
                (p, method, arguments) -> {
                    if (method.getName().equals("count")) {
                        return null;
                    }
                    throw new Exception("checked, undeclared");
                });
        try {
            failing.greet("x", 1);
        } catch (UndeclaredThrowableException e) {
            System.out.println("wrapped: " + e.getUndeclaredThrowable().getMessage());
        }
        try {
            failing.count();
        } catch (NullPointerException e) {
            System.out.println("null for a primitive result: NullPointerException");
        }
        System.out.println("default method through the handler too: " + greeter.twice("cd"));
    }
}
