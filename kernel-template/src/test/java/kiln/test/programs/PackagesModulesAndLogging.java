package kiln.test.programs;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What libraries ask the runtime about themselves and how they log: {@code Class.getPackage} (one object per
 * package, null for arrays and primitives), {@code getModule} (the class path's unnamed module; its loader), the
 * loader chain app, platform, boot; a {@code StackWalker}'s frames and caller class; {@code java.util.logging}
 * with the JDK's default configuration (a {@code ConsoleHandler} on {@code System.err} at INFO, read from
 * {@code <java.home>/conf/logging.properties}), whose {@code Logger.getLogger} asks
 * {@code Reflection.getCallerClass} who called it and whose records find their source method with a
 * {@code StackWalker}; and shutdown hooks, one of which prints after {@code main} returns.
 */
public class PackagesModulesAndLogging {
    public static void main(String[] args) {
        Package own = PackagesModulesAndLogging.class.getPackage();
        System.out.println(own.getName() + " " + (own == Hello.class.getPackage()) + " " + own.getImplementationVersion());
        System.out.println(String.class.getPackage().getName() + " " + int.class.getPackage() + " "
                + int[].class.getPackage() + " " + PackagesModulesAndLogging[].class.getPackage());
        Module module = PackagesModulesAndLogging.class.getModule();
        System.out.println("named " + module.isNamed() + ", name " + module.getName() + ", same as array's "
                + (module == PackagesModulesAndLogging[].class.getModule()) + ", loader's "
                + (module == ClassLoader.getSystemClassLoader().getUnnamedModule()));
        ClassLoader app = ClassLoader.getSystemClassLoader();
        System.out.println(app.getName() + " -> " + app.getParent().getName() + " -> " + app.getParent().getParent()
                + ", platform " + (app.getParent() == ClassLoader.getPlatformClassLoader()));

        StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
        System.out.println("walker " + walker.walk(frames -> frames.map(f -> f.getMethodName() + ":" + f.getLineNumber())
                .collect(java.util.stream.Collectors.toList())) + " " + new Caller().whoCalls());

        System.setProperty("java.util.logging.SimpleFormatter.format", "[%4$s] %2$s %3$s: %5$s%6$s%n");
        Logger logger = Logger.getLogger("kiln.test.logging");
        logger.info("printed at INFO");
        logger.fine("not printed: FINE is below the root logger's INFO");
        logger.log(Level.WARNING, "with parameters {0} and {1}", new Object[] {"one", 2});
        logger.log(Level.SEVERE, "with an exception", new IllegalStateException("the cause"));
        logger.setLevel(Level.ALL);
        logger.fine("still not printed: the console handler's level is INFO");
        Logger root = Logger.getLogger("");
        System.out.println("root level " + root.getLevel() + ", handlers " + root.getHandlers().length + " "
                + root.getHandlers()[0].getClass().getName() + " at " + root.getHandlers()[0].getLevel()
                + ", parent " + (logger.getParent() == root));
        System.err.flush();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
        Thread removed = new Thread(() -> System.out.println("removed hook ran"));
        Runtime.getRuntime().addShutdownHook(removed);
        try {
            Runtime.getRuntime().addShutdownHook(removed);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        System.out.println("removed " + Runtime.getRuntime().removeShutdownHook(removed) + " "
                + Runtime.getRuntime().removeShutdownHook(removed));
        System.out.println("main returns");
    }

    static final class Caller {
        String whoCalls() {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName();
        }
    }
}
