package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The kernel template's registration of the JDK's locale data (META-INF/native-image/dev.kiln/locale) and the
 * locales Kiln's {@code PackedLocaleData} tells the CLDR adapter about must agree: a locale announced without
 * its data would fall back to the root data instead of its parent's, and data without the announcement is never
 * used. Every registered class must exist in the build JDK, or the registration is silently skipped.
 */
class LocaleDataTest {
    private static final Path CONFIG = KilnRunner.KERNEL_TEMPLATE.resolve(
            "META-INF/native-image/dev.kiln/locale/reflect-config.json");
    private static final Path PACKED_LOCALE_DATA = KilnRunner.KERNEL_TEMPLATE.resolve(
            "kiln/lib/locale/PackedLocaleData.class");

    @Test
    void registeredDataMatchesTheAnnouncedLocales() throws Exception {
        List<String> names = registeredClassNames();
        assertFalse(names.isEmpty(), "no classes registered in " + CONFIG);
        TreeSet<String> extensionLocales = new TreeSet<>();
        for (String name : names) {
            if (name.contains(".cldr.ext.")) {
                String tag = name.substring(name.indexOf('_') + 1).replace('_', '-');
                extensionLocales.add(tag);
            }
        }
        TreeSet<String> announced = new TreeSet<>(List.of(announcedTags().trim().split(" ")));
        assertEquals(announced, extensionLocales, "PackedLocaleData.CLDR_EXTENSION_TAGS against " + CONFIG);
    }

    @Test
    void everyRegisteredClassIsInTheBuildJdk() throws Exception {
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (String name : registeredClassNames()) {
            String file = name.replace('.', '/') + ".class";
            boolean found;
            try (var modules = Files.list(jrt.getPath("/modules"))) {
                found = modules.anyMatch(module -> Files.isRegularFile(module.resolve(file)));
            }
            assertTrue(found, name + " is registered but not in the build JDK's run-time image");
        }
    }

    private static List<String> registeredClassNames() throws Exception {
        Matcher names = Pattern.compile("\"name\"\\s*:\\s*\"([\\w.$]+)\"").matcher(Files.readString(CONFIG));
        List<String> found = new ArrayList<>();
        while (names.find()) {
            if (!names.group(1).equals("<init>")) {
                found.add(names.group(1));
            }
        }
        return found;
    }

    /** The constant's value, read from the class file (the class itself cannot be loaded outside java.base). */
    private static String announcedTags() throws Exception {
        String[] value = new String[1];
        new ClassReader(Files.readAllBytes(PACKED_LOCALE_DATA)).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object constant) {
                if (name.equals("CLDR_EXTENSION_TAGS")) {
                    value[0] = (String) constant;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE);
        assertTrue(value[0] != null, "PackedLocaleData has no CLDR_EXTENSION_TAGS constant");
        return value[0];
    }
}
