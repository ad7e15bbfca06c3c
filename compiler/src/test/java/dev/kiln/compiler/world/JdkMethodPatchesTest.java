package dev.kiln.compiler.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.MethodNode;

class JdkMethodPatchesTest {
    static final class Target {
        private static int secret = 7;

        static int answer() {
            return 1;
        }

        static int untouched() {
            return 2;
        }

        int instanceMethod() {
            return 3;
        }
    }

    static final class Patch {
        private Patch() {
        }

        static int answer() {
            return 42;
        }
    }

    /** Reads the JDK class's private field through a stand-in of the same name and type. */
    static final class StandInPatch {
        private static int secret;
        private static long unknown;

        static int answer() {
            return secret;
        }

        static int untouched() {
            return (int) unknown;
        }
    }

    static final class PatchOfMissingMethod {
        static int question() {
            return 0;
        }
    }

    /** Without the receiver parameter, a static method cannot stand for an instance method. */
    static final class PatchOfInstanceMethodWithoutReceiver {
        static int instanceMethod() {
            return 0;
        }
    }

    static final class PatchOfInstanceMethod {
        static int instanceMethod(Target self) {
            return 7;
        }
    }

    static final class SelfReferencingPatch {
        static int answer() {
            return helper();
        }

        static int helper() {
            return 0;
        }
    }

    private static ClassNode node(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            ClassNode node = new ClassNode();
            new ClassReader(in.readAllBytes()).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        }
    }

    private static MethodNode method(ClassNode c, String name) {
        return c.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    private static int constantReturned(MethodNode m) {
        // javac compiles "return 42" to bipush 42, "return 2" to iconst_2
        AbstractInsnNode first = m.instructions.getFirst();
        while (first.getOpcode() < 0) {
            first = first.getNext();
        }
        return first instanceof IntInsnNode push ? push.operand : first.getOpcode() - Opcodes.ICONST_0;
    }

    @Test
    void replacesOnlyThePatchedMethodsKeepingTheirAccess() throws IOException {
        ClassNode target = node(Target.class);
        int access = method(target, "answer").access;
        int methods = target.methods.size();
        JdkMethodPatches.apply(target, node(Patch.class));
        assertEquals(42, constantReturned(method(target, "answer")));
        assertEquals(access, method(target, "answer").access);
        assertEquals(2, constantReturned(method(target, "untouched")));
        assertEquals(methods, target.methods.size());
    }

    @Test
    void replacesAnInstanceMethodWithAStaticMethodTakingTheReceiver() throws IOException {
        ClassNode target = node(Target.class);
        int access = method(target, "instanceMethod").access;
        JdkMethodPatches.apply(target, node(PatchOfInstanceMethod.class));
        MethodNode replaced = method(target, "instanceMethod");
        assertEquals(7, constantReturned(replaced));
        assertEquals(access, replaced.access);
        assertEquals("()I", replaced.desc);
    }

    @Test
    void standInFieldsBecomeTheJdkClasssFields() throws IOException {
        ClassNode target = node(Target.class);
        ClassNode patch = node(StandInPatch.class);
        String unmatched = assertThrows(IllegalStateException.class, () -> JdkMethodPatches.apply(target, patch))
                .getMessage(); // answer() is moved before untouched() is looked at
        assertTrue(unmatched.contains("untouched()I refers to its own patch class"), unmatched);
        FieldInsnNode read = (FieldInsnNode) java.util.Arrays.stream(method(target, "answer").instructions.toArray())
                .filter(i -> i instanceof FieldInsnNode).findFirst().orElseThrow();
        assertEquals(target.name + ".secret:I", read.owner + "." + read.name + ":" + read.desc);
    }

    @Test
    void refusesPatchesThatDoNotFit() throws IOException {
        String missing = assertThrows(IllegalStateException.class,
                () -> JdkMethodPatches.apply(node(Target.class), node(PatchOfMissingMethod.class))).getMessage();
        assertTrue(missing.contains("question()I has no method to replace"), missing);
        String instance = assertThrows(IllegalStateException.class, () -> JdkMethodPatches.apply(node(Target.class),
                node(PatchOfInstanceMethodWithoutReceiver.class))).getMessage();
        assertTrue(instance.contains("instanceMethod()I has no method to replace"), instance);
        String self = assertThrows(IllegalStateException.class,
                () -> JdkMethodPatches.apply(node(Target.class), node(SelfReferencingPatch.class))).getMessage();
        assertTrue(self.contains("refers to its own patch class"), self);
    }
}
