package kiln.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.junit.jupiter.api.Test;

/**
 * The kernel template's layering (docs/abi.md "Intrinsics", kiln.runtime.LibrarySupport): Kiln's class
 * library ({@code java.*}, {@code jdk.*}, {@code kiln.lib}) reaches the kernel only through the ABI package
 * {@code kiln.runtime}, never a {@code kiln.kernel} class and never the intrinsics.
 */
class KernelLayoutTest {
    private static final List<String> LIBRARY_PACKAGES = List.of("java/", "jdk/", "sun/", "kiln/lib/");

    @Test
    void classLibraryUsesNoKernelClassAndNoIntrinsic() throws IOException {
        Set<String> violations = new TreeSet<>();
        int libraryClasses = 0;
        try (Stream<Path> files = Files.walk(KilnRunner.KERNEL_TEMPLATE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = KilnRunner.KERNEL_TEMPLATE.relativize(file).toString().replace('\\', '/');
                if (LIBRARY_PACKAGES.stream().noneMatch(name::startsWith)) {
                    continue;
                }
                libraryClasses++;
                ClassNode node = new ClassNode();
                new ClassReader(Files.readAllBytes(file)).accept(node, ClassReader.SKIP_FRAMES);
                for (MethodNode method : node.methods) {
                    for (AbstractInsnNode insn : method.instructions) {
                        String owner = insn instanceof MethodInsnNode call ? call.owner
                                : insn instanceof FieldInsnNode field ? field.owner
                                : insn instanceof TypeInsnNode type ? type.desc
                                : null;
                        if (owner != null && forbidden(Type.getObjectType(owner).getInternalName())) {
                            violations.add(node.name + "." + method.name + " uses " + owner);
                        }
                    }
                }
            }
        }
        assertTrue(libraryClasses > 100, "the class library was not found in " + KilnRunner.KERNEL_TEMPLATE);
        assertEquals(Set.of(), violations);
    }

    private static boolean forbidden(String internalName) {
        return internalName.startsWith("kiln/kernel/") || internalName.equals("kiln/runtime/Intrinsics");
    }
}
