package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.CompilerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A program compiled against one version of a library and run with another, on HotSpot and compiled by Kiln
 * (hosted target): every reference that no longer links must throw the same LinkageError with the same
 * message, when and only when it runs, and the rest of the program must run on. The build lists each such
 * reference as a warning, and {@code linkAtBuildTime} turns them into errors.
 */
class LinkageDifferentialTest {
    private static final String MAIN = "linkdemo.Main";

    /** The library the program was compiled against. */
    private static final Map<String, String> LIBRARY_BEFORE = Map.of(
        "linkdemo/Lib.java", """
            package linkdemo;
            public class Lib {
                public static int count = 1;
                public static int changesType = 4;
                public static int removedField = 5;
                public int size = 2;
                public static String hello() { return "hello"; }
                public static void gone() { }
                public static void becomesInstance() { }
                public void becomesStatic() { }
                public static int becomesPrivate() { return 3; }
            }
            """,
        "linkdemo/Concrete.java", "package linkdemo; public class Concrete { }",
        "linkdemo/Helper.java", "package linkdemo; public class Helper { public static String help() { return \"help\"; } }",
        "linkdemo/Base.java", "package linkdemo; public class Base { }",
        "linkdemo/Shape.java", "package linkdemo; public interface Shape { }",
        "linkdemo/GoneException.java", "package linkdemo; public class GoneException extends RuntimeException { }",
        "linkdemo/Greeter.java", "package linkdemo; public interface Greeter { String greet(); }",
        "linkdemo/Polite.java", "package linkdemo; public class Polite implements Greeter { public String greet() { return \"hello\"; } }");

    /** The library the program runs with. */
    private static final Map<String, String> LIBRARY_AFTER = Map.of(
        "linkdemo/Lib.java", """
            package linkdemo;
            public class Lib {
                public static int count = 1;
                public static long changesType = 4;
                public int size = 2;
                public static String hello() { return "hello"; }
                public void becomesInstance() { }
                public static void becomesStatic(Lib unused) { }
                public static void becomesStatic() { }
                private static int becomesPrivate() { return 3; }
            }
            """,
        "linkdemo/Concrete.java", "package linkdemo; public abstract class Concrete { }",
        "linkdemo/Greeter.java", "package linkdemo; public interface Greeter { String greet(); }",
        "linkdemo/Polite.java", "package linkdemo; public class Polite { public String greet() { return \"hello\"; } }");

    private static final String PROGRAM = """
        package linkdemo;
        public class Main {
            interface Step { void run(); }

            static class Child extends Base {
                static String hello() { return "child"; }
            }

            static class Square implements Shape { }

            static class Guard {
                static String run() {
                    try {
                        return "guarded";
                    } catch (GoneException e) {
                        return "caught";
                    }
                }
            }

            /** Each method's invokedynamic is damaged after compilation (see damageBootstraps). */
            static class Concat {
                static String missingBootstrapClass(int x) { return "n=" + x; }
                static String missingBootstrapMethod(int x) { return "n=" + x; }
                static String recipeThatDoesNotFit(int x) { return "n=" + x; }
            }

            static void attempt(String what, Step step) {
                try {
                    step.run();
                    System.out.println(what + ": ran");
                } catch (LinkageError e) {
                    String message = e.getMessage();
                    int loaderDetail = message.indexOf(" (linkdemo.");
                    // HotSpot names modules and class loaders, which a closed world does not have
                    System.out.println(what + ": " + e.getClass().getName() + ": "
                        + (loaderDetail < 0 ? message : message.substring(0, loaderDetail)));
                }
            }

            public static void main(String[] args) {
                attempt("unchanged method", () -> System.out.println(Lib.hello()));
                attempt("unchanged field", () -> System.out.println(Lib.count + new Lib().size));
                attempt("removed method", () -> Lib.gone());
                attempt("removed field", () -> System.out.println(Lib.removedField));
                attempt("field of another type", () -> System.out.println(Lib.changesType));
                attempt("static method became instance", () -> Lib.becomesInstance());
                attempt("instance method became static", () -> new Lib().becomesStatic());
                attempt("public method became private", () -> System.out.println(Lib.becomesPrivate()));
                attempt("class became abstract", () -> System.out.println(new Concrete() != null));
                attempt("removed class", () -> System.out.println(Helper.help()));
                attempt("superclass removed", () -> System.out.println(new Child() != null));
                attempt("static method of a class whose superclass was removed", () -> System.out.println(Child.hello()));
                attempt("superinterface removed", () -> System.out.println(new Square() != null));
                attempt("interface no longer implemented", () -> {
                    Greeter greeter = new Polite();
                    System.out.println(greeter.greet());
                });
                attempt("caught exception class removed", () -> System.out.println(Guard.run()));
                attempt("caught exception class removed, again", () -> System.out.println(Guard.run()));
                attempt("bootstrap class missing", () -> System.out.println(Concat.missingBootstrapClass(1)));
                attempt("bootstrap method missing", () -> System.out.println(Concat.missingBootstrapMethod(2)));
                attempt("bootstrap arguments that do not fit", () -> System.out.println(Concat.recipeThatDoesNotFit(3)));
                attempt("bootstrap arguments that do not fit, again", () -> System.out.println(Concat.recipeThatDoesNotFit(4)));
                System.out.println("still running");
            }
        }
        """;

    private static Path runtimeClassPath;

    @BeforeAll
    static void compileAgainstOneLibraryRunWithAnother(@TempDir Path work) throws IOException {
        Path before = work.resolve("before");
        Path after = work.resolve("after");
        Map<String, String> program = new java.util.HashMap<>(LIBRARY_BEFORE);
        program.put("linkdemo/Main.java", PROGRAM);
        javac(work.resolve("src-before"), program, before);
        javac(work.resolve("src-after"), LIBRARY_AFTER, after);
        runtimeClassPath = work.resolve("runtime");
        Files.createDirectories(runtimeClassPath.resolve("linkdemo"));
        try (Stream<Path> classes = Files.list(before.resolve("linkdemo"))) {
            for (Path c : classes.filter(p -> p.getFileName().toString().startsWith("Main")).toList()) {
                Files.copy(c, runtimeClassPath.resolve("linkdemo").resolve(c.getFileName()));
            }
        }
        try (Stream<Path> classes = Files.list(after.resolve("linkdemo"))) {
            for (Path c : classes.toList()) {
                Files.copy(c, runtimeClassPath.resolve("linkdemo").resolve(c.getFileName()));
            }
        }
        Path concat = runtimeClassPath.resolve("linkdemo/Main$Concat.class");
        Files.write(concat, damageBootstraps(Files.readAllBytes(concat)));
    }

    /**
     * Main$Concat as a broken tool might leave it: one string concatenation's bootstrap names a class that does
     * not exist, one a method StringConcatFactory lacks, one a recipe with more values than the call site has.
     */
    private static byte[] damageBootstraps(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String callName, String callDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        Handle damaged = switch (name) {
                            case "missingBootstrapClass" -> new Handle(bootstrap.getTag(), "linkdemo/GoneBootstraps",
                                    bootstrap.getName(), bootstrap.getDesc(), false);
                            case "missingBootstrapMethod" -> new Handle(bootstrap.getTag(), bootstrap.getOwner(),
                                    "makeConcatWithConstantz", bootstrap.getDesc(), false);
                            default -> bootstrap;
                        };
                        Object[] damagedArguments = name.equals("recipeThatDoesNotFit")
                                ? new Object[] {"\u0001\u0001"} : arguments;
                        super.visitInvokeDynamicInsn(callName, callDescriptor, damaged, damagedArguments);
                    }
                };
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void javac(Path sources, Map<String, String> files, Path output) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", output.toString()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path source = sources.resolve(file.getKey());
            Files.createDirectories(source.getParent());
            Files.writeString(source, file.getValue());
            arguments.add(source.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "javac failed");
    }

    @Test
    void sameLinkageErrorsAsHotSpotWhenTheCodeRuns() throws Exception {
        List<String> warnings = new ArrayList<>();
        KilnRunner.Outcome kiln = KilnRunner.onLinux(KilnRunner.compile(runtimeClassPath, MAIN,
                new CompilerOptions(Optional.empty(), false, warnings::add)), MAIN);
        KilnRunner.Outcome hotSpot = KilnRunner.onHotSpot(runtimeClassPath, MAIN);
        assertTrue(hotSpot.output().contains("removed method: java.lang.NoSuchMethodError"), hotSpot.output());
        assertEquals(hotSpot.output(), kiln.output());
        assertEquals(hotSpot.status(), kiln.status());
        // one warning per reference that does not link, naming the error it throws
        for (String error : List.of("NoSuchMethodError: 'void linkdemo.Lib.gone()'", "NoSuchFieldError: removedField",
                "NoSuchFieldError: changesType", "IncompatibleClassChangeError: Expected static method",
                "IncompatibleClassChangeError: Expecting non-static method", "IllegalAccessError: class linkdemo.Main",
                "InstantiationError: linkdemo.Concrete", "NoClassDefFoundError: linkdemo/Helper",
                "NoClassDefFoundError: linkdemo/Base", "NoClassDefFoundError: linkdemo/Shape",
                "NoClassDefFoundError: linkdemo/GoneException", "NoClassDefFoundError: linkdemo/GoneBootstraps",
                "NoSuchMethodError: 'java.lang.invoke.CallSite java.lang.invoke.StringConcatFactory.makeConcatWithConstantz(",
                "BootstrapMethodError: bootstrap method initialization exception")) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains(error)), error + " not among " + warnings);
        }
        // Base three times (new, <init>, the static call) and Shape twice: each instruction that names the class
        assertEquals(17, warnings.size(), String.join("\n", warnings));
    }

    @Test
    void linkAtBuildTimeMakesThemErrors() {
        CompilationException e = assertThrows(CompilationException.class, () -> KilnRunner.compile(runtimeClassPath,
                MAIN, new CompilerOptions(Optional.empty(), true, warning -> { })));
        assertEquals(17, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("linkdemo.Main.lambda$main$2()V at bytecode offset 0: NoSuchMethodError:"
                + " 'void linkdemo.Lib.gone()'"), e.getMessage());
        assertTrue(e.getMessage().contains("kiln.linkAtBuildTime makes this an error"), e.getMessage());
    }
}
