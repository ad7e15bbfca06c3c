package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Kiln's {@code jdk.internal.math.FDBigInteger} under the JDK's own {@code FloatingDecimal} bytecode, on
 * HotSpot: both are renamed into a package of this class loader (the JVM keeps {@code jdk.internal.math} for
 * java.base), and double and float printing and parsing must match the JDK's, which runs its own
 * FDBigInteger. The inputs reach FDBigInteger's paths: random bit patterns (huge and tiny exponents), decimal
 * magnitudes, and decimal strings longer than a long holds.
 */
class FloatingDecimalTest {
    private static final String JDK_PACKAGE = "jdk/internal/math/";
    private static final String TEST_PACKAGE = "kiln/test/fd/";

    @Test
    void printsAndParsesLikeTheJdk() throws Throwable {
        Map<String, byte[]> classes = new HashMap<>();
        Path jdkMath = FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules/java.base/" + JDK_PACKAGE);
        try (Stream<Path> files = Files.list(jdkMath)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("FloatingDecimal")).toList()) {
                put(classes, Files.readAllBytes(file));
            }
        }
        put(classes, Files.readAllBytes(Path.of("target/classes/" + JDK_PACKAGE + "FDBigInteger.class")));
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Class<?> floatingDecimal = loader.loadClass(TEST_PACKAGE.replace('/', '.') + "FloatingDecimal");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodHandle doubleToString = lookup.findStatic(floatingDecimal, "toJavaFormatString",
                MethodType.methodType(String.class, double.class));
        MethodHandle floatToString = lookup.findStatic(floatingDecimal, "toJavaFormatString",
                MethodType.methodType(String.class, float.class));
        MethodHandle parseDouble = lookup.findStatic(floatingDecimal, "parseDouble",
                MethodType.methodType(double.class, String.class));

        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < 300_000; i++) {
            double d = i % 3 == 0
                    ? random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)
                    : Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d)) {
                continue;
            }
            String expected = Double.toString(d);
            assertEquals(expected, (String) doubleToString.invokeExact(d));
            assertEquals(Float.toString((float) d), (String) floatToString.invokeExact((float) d));
            if (i % 5 == 0 && !Double.isInfinite(d)) {
                assertEquals(d, (double) parseDouble.invokeExact(expected), expected);
                // more digits than a long holds: the parser's correction loop compares in FDBigInteger
                String longer = expected.contains("E") ? expected.replace("E", "000000000000000000001E")
                        : expected + "000000000000000000001";
                assertEquals(Double.parseDouble(longer), (double) parseDouble.invokeExact(longer), longer);
            }
        }
        for (String edge : List.of("4.9E-324", "2.4703282292062327E-324", "2.4703282292062328E-324",
                "1.7976931348623157E308", "1.7976931348623158E308", "9007199254740993", "0.1", "1e23")) {
            assertEquals(Double.parseDouble(edge), (double) parseDouble.invokeExact(edge), edge);
        }
    }

    private static void put(Map<String, byte[]> classes, byte[] bytes) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassRemapper(writer, new Remapper() {
            @Override
            public String map(String internalName) {
                boolean renamed = internalName.startsWith(JDK_PACKAGE + "FloatingDecimal")
                        || internalName.equals(JDK_PACKAGE + "FDBigInteger");
                return renamed ? TEST_PACKAGE + internalName.substring(JDK_PACKAGE.length()) : internalName;
            }
        }), 0);
        byte[] renamed = writer.toByteArray();
        classes.put(new ClassReader(renamed).getClassName().replace('/', '.'), renamed);
    }
}
