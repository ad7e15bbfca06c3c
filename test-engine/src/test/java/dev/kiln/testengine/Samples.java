package dev.kiln.testengine;

import dev.kiln.testengine.samples.LifecycleSample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample test classes in {@code dev.kiln.testengine.samples}, and a way to run a generated runner on
 * HotSpot: the same runner classes the guest gets, so the engine's semantics are tested without QEMU.
 */
final class Samples {
    private Samples() {
    }

    /** {@code target/test-classes}, where the samples were compiled. */
    static Path testClasses() throws Exception {
        return Path.of(LifecycleSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static TestPlan discover(String selection) throws Exception {
        return TestDiscovery.discover(testClasses(), List.of(), TestFilter.parse(selection, null, null));
    }

    /**
     * Generates the runner for {@code plan} into {@code directory} and runs its main class on HotSpot, in a
     * class loader of its own that loads the samples, the runner and the guest runtime together (so that the
     * call tables share a run-time package with the samples, JVMS §5.3), and returns what it printed.
     */
    static String runOnHotSpot(TestPlan plan, Path directory) throws Exception {
        RunnerGenerator.generate(plan, directory);
        List<URL> urls = new ArrayList<>(List.of(directory.toUri().toURL()));
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass(RunnerGenerator.MAIN_CLASS).getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
