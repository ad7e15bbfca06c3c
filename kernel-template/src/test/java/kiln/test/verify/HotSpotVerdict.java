package kiln.test.verify;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What HotSpot (the JVM running the tests) says about a set of class files: it defines them in a fresh class
 * loader whose parent sees only the JDK, and initializes one of them with {@code Class.forName(name, true, ...)},
 * which loads it (format checks), links it (verification of every method, JVMS §5.4.1) and runs its static
 * initializer. A {@code LinkageError} on the way is a rejection; anything after linking (an exception from
 * the initializer) counts as accepted.
 */
final class HotSpotVerdict {
    private static final ExecutorService LOADER_THREAD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hotspot-verdict");
        t.setDaemon(true);
        return t;
    });

    private HotSpotVerdict() {
    }

    /** Empty when HotSpot accepts the class, else the error's class name and message. */
    static Optional<String> rejection(Map<String, byte[]> classFiles, String binaryName) throws TimeoutException {
        ClassLoader loader = new ClassLoader("mutants", ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classFiles.get(name.replace('.', '/'));
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Future<Optional<String>> verdict = LOADER_THREAD.submit(() -> {
            try {
                Class.forName(binaryName, true, loader);
                return Optional.empty();
            } catch (ExceptionInInitializerError e) {
                return Optional.empty(); // linked and verified; the initializer threw
            } catch (LinkageError e) {
                return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (ClassNotFoundException e) {
                return Optional.of("NoClassDefFoundError: " + e.getMessage());
            }
        });
        try {
            return verdict.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("HotSpot threw while loading " + binaryName, e.getCause());
        }
    }

    /** The simple name of the error class of a rejection ("VerifyError: ..." → "VerifyError"). */
    static String errorClass(String rejection) {
        return rejection.substring(0, rejection.indexOf(':'));
    }
}
