package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.ClassPath;
import dev.kiln.compiler.CompilationException;
import dev.kiln.compiler.Compiler;
import dev.kiln.compiler.CompilerOptions;
import dev.kiln.compiler.EntryPoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reflection from build-time metadata (docs/compiler.md "Reflection"): registered classes answer as on HotSpot;
 * an unregistered one fails with an error that names it and says how to register it.
 */
class ReflectionTest {
    @Test
    void registeredClassesAnswerAsOnHotSpot() throws Exception {
        KilnRunner.assertSameAsHotSpot("kiln.test.programs.Reflection", KilnRunner.onKiln("kiln.test.programs.Reflection"));
    }

    /** JDK generic types named in a registered class's signatures answer their generic supertypes. */
    @Test
    void genericSupertypesOfJdkTypesInSignaturesAnswerAsOnHotSpot() throws Exception {
        String main = "kiln.test.programs.GenericSupertypes";
        KilnRunner.assertSameAsHotSpot(main, KilnRunner.onLinux(main));
    }

    /** Primitive and array classes answer member queries without registration. */
    @Test
    void primitiveAndArrayClassesAnswerAsOnHotSpot() throws Exception {
        String main = "kiln.test.programs.PrimitiveReflection";
        KilnRunner.assertSameAsHotSpot(main, KilnRunner.onLinux(main));
    }

    /** Proxy classes made at build time for the constant interface arrays at newProxyInstance calls. */
    @Test
    void proxiesAnswerAsOnHotSpot() throws Exception {
        String main = "kiln.test.programs.Proxies";
        KilnRunner.assertSameAsHotSpot(main, KilnRunner.onLinux(main));
    }

    /** reflect-config.json and reachability-metadata.json on the class path, with their conditions. */
    @Test
    void graalVmMetadataOnTheClassPathRegistersClasses() throws Exception {
        String main = "kiln.test.programs.ConfiguredReflection";
        KilnRunner.assertSameAsHotSpot(main, KilnRunner.onLinux(main));
    }

    @Test
    void unregisteredClassFailsWithTheClassAndTheHint() throws Exception {
        String main = "kiln.test.programs.UnregisteredReflection";
        KilnRunner.Outcome hotSpot = KilnRunner.onHotSpot(main);
        assertTrue(hotSpot.output().contains("methods 1"), hotSpot.output());
        KilnRunner.Outcome kiln = KilnRunner.onLinux(main);
        assertEquals(0, kiln.status(), kiln.output());
        String hidden = "kiln.test.programs.UnregisteredReflection$Hidden";
        assertTrue(kiln.output().startsWith("found " + hidden + " modifiers 9\n"), kiln.output());
        assertTrue(kiln.output().contains("kiln.lib.reflect.MissingReflectionRegistrationError: " + hidden
                + ".getDeclaredMethods(): " + hidden + " is not registered for reflection in this Kiln image; register"
                + " it at build time: name it as a constant where the code reflects on it (Class.forName(\"" + hidden
                + "\") or Hidden.class.getDeclaredMethods()), list it in the kiln-maven-plugin's <reflection>, add"
                + " {\"name\": \"" + hidden + "\"} to a META-INF/native-image/.../reflect-config.json on the class path,"
                + " or build with -Dkiln.reflectAll"), kiln.output());
        assertTrue(hotSpot.output().contains("\nsize 0\n"), hotSpot.output());
        assertTrue(kiln.output().contains("\nfound public int java.util.ArrayList.size()\n"
                + "kiln.lib.reflect.MissingReflectionRegistrationError: invoke public int java.util.ArrayList.size():"
                + " java.util.ArrayList is registered for reflective queries only, as a supertype of a registered class;"
                + " to invoke its members, register java.util.ArrayList itself"), kiln.output());
        assertTrue(kiln.output().contains("java.lang.ClassNotFoundException: " + hidden + "Missing (Kiln: no class of"
                + " this name is in the image"), kiln.output());
    }

    /** The plugin's {@code <reflection>} list reaches the compiler as {@link CompilerOptions#reflection()}. */
    @Test
    void classNamedInTheOptionsIsRegistered() throws Exception {
        String main = "kiln.test.programs.UnregisteredReflection";
        CompilerOptions options = CompilerOptions.defaults().withReflection(List.of(main + "$Hidden"), false);
        KilnRunner.Outcome kiln = KilnRunner.onLinux(KilnRunner.compile(KilnRunner.PROGRAMS, main, options), main);
        assertTrue(kiln.output().contains("\nmethods 1\n"), kiln.output());
    }

    /** kiln.reflectAll registers every class of the class path that the closed world reaches. */
    @Test
    void reflectAllRegistersTheProgramsClasses() throws Exception {
        String main = "kiln.test.programs.UnregisteredReflection";
        CompilerOptions options = CompilerOptions.defaults().withReflection(List.of(), true);
        KilnRunner.Outcome kiln = KilnRunner.onLinux(KilnRunner.compile(KilnRunner.PROGRAMS, main, options), main);
        assertTrue(kiln.output().contains("\nmethods 1\n"), kiln.output());
    }

    /** A name in the options that is on no class path is a build error that says how to fix it. */
    @Test
    void unknownClassInTheOptionsFailsTheBuild() {
        CompilerOptions options = CompilerOptions.defaults().withReflection(List.of("com.example.Nope"), false);
        CompilationException e = assertThrows(CompilationException.class,
                () -> KilnRunner.compile(KilnRunner.PROGRAMS, "kiln.test.programs.Hello", options));
        assertTrue(e.problems().get(0).startsWith("class com.example.Nope is registered for reflection but is not on the"
                + " class path"), e.problems().toString());
    }

    /** A malformed metadata file fails the build, naming the file and the fix, instead of being skipped. */
    @Test
    void malformedMetadataFailsTheBuild(@TempDir Path work) throws Exception {
        Path config = work.resolve("META-INF/native-image/com.example/broken/reflect-config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "[{\"name\": \"com.example.A\"},");
        CompilationException e = assertThrows(CompilationException.class, () -> Compiler.compile(
                ClassPath.of(List.of(KilnRunner.KERNEL_TEMPLATE, KilnRunner.PROGRAMS, work)),
                new EntryPoints("kiln.test.programs.Hello"), CompilerOptions.defaults()));
        assertTrue(e.problems().get(0).startsWith("META-INF/native-image/com.example/broken/reflect-config.json in "
                + work + " is not GraalVM reachability metadata: "), e.problems().toString());
    }
}
