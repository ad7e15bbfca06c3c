package dev.kiln.compiler.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.compiler.ClassPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * UnsafeOffsets on the JDK's own classes: the folded value is the field's place in the compiler's layout, array
 * base and scale are the ABI's, a literal naming no instance field is a build error, and a call whose arguments
 * are not literals stays a call.
 */
class UnsafeOffsetsTest {
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";
    private static final String FIELD_OFFSET = "(Ljava/lang/Class;Ljava/lang/String;)J";

    private ClassFileLoader loader;
    private World world;
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        loader = new ClassFileLoader(ClassPath.of(List.of(Path.of("target/test-classes"))));
        world = new World(loader);
    }

    @AfterEach
    void tearDown() throws Exception {
        loader.close();
    }

    /** {@code U.name(operands...)}: the receiver, then the operand instructions, then the call. */
    private UnsafeOffsets.Folded fold(String name, String descriptor, AbstractInsnNode... operands) {
        InsnList code = new InsnList();
        code.add(new FieldInsnNode(Opcodes.GETSTATIC, "java/util/concurrent/ConcurrentHashMap", "U", "L" + UNSAFE + ";"));
        for (AbstractInsnNode operand : operands) {
            code.add(operand);
        }
        MethodInsnNode call = new MethodInsnNode(Opcodes.INVOKEVIRTUAL, UNSAFE, name, descriptor);
        code.add(call);
        return UnsafeOffsets.fold(call, world, problems::add);
    }

    @Test
    void fieldOffsetIsTheLaidOutOffset() {
        UnsafeOffsets.Folded folded = fold("objectFieldOffset", FIELD_OFFSET,
                new LdcInsnNode(Type.getObjectType("java/util/concurrent/ConcurrentHashMap")), new LdcInsnNode("sizeCtl"));
        ClassInfo map = world.require("java/util/concurrent/ConcurrentHashMap");
        assertEquals(map.declaredFields.get("sizeCtl").offset(), folded.value());
        assertEquals(3, folded.slots());
        assertTrue(folded.value() >= ClassInfo.HEADER_BYTES && folded.value() < map.instanceSize, "offset " + folded.value());
        assertEquals(List.of(), problems);
    }

    @Test
    void arrayBaseAndScaleAreTheAbis() {
        UnsafeOffsets.Folded base = fold("arrayBaseOffset", "(Ljava/lang/Class;)I", new LdcInsnNode(Type.getType("[Ljava/lang/Object;")));
        UnsafeOffsets.Folded longScale = fold("arrayIndexScale", "(Ljava/lang/Class;)I", new LdcInsnNode(Type.getType("[J")));
        UnsafeOffsets.Folded charScale = fold("arrayIndexScale", "(Ljava/lang/Class;)I", new LdcInsnNode(Type.getType("[C")));
        assertEquals(24, base.value());
        assertEquals(8, longScale.value());
        assertEquals(2, charScale.value());
        assertEquals(2, base.slots());
    }

    @Test
    void aLiteralNamingNoInstanceFieldIsABuildError() {
        assertNull(fold("objectFieldOffset", FIELD_OFFSET,
                new LdcInsnNode(Type.getObjectType("java/util/concurrent/ConcurrentHashMap")), new LdcInsnNode("noSuchField")));
        assertNull(fold("objectFieldOffset", FIELD_OFFSET,
                new LdcInsnNode(Type.getObjectType("java/util/concurrent/ConcurrentHashMap")), new LdcInsnNode("NCPU")));
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Unsafe.objectFieldOffset(java.util.concurrent.ConcurrentHashMap.class,"
                + " \"noSuchField\"): java.util.concurrent.ConcurrentHashMap declares no instance field noSuchField"), problems.get(0));
        assertTrue(problems.get(1).contains("declares no instance field NCPU"), problems.get(1)); // a static field
    }

    @Test
    void otherArgumentsStayACall() {
        assertNull(fold("objectFieldOffset", FIELD_OFFSET,
                new LdcInsnNode(Type.getObjectType("java/util/concurrent/ConcurrentHashMap")), new VarInsnNode(Opcodes.ALOAD, 0)));
        assertNull(fold("arrayIndexScale", "(Ljava/lang/Class;)I", new VarInsnNode(Opcodes.ALOAD, 0)));
        assertNull(fold("getInt", "(Ljava/lang/Object;J)I", new VarInsnNode(Opcodes.ALOAD, 0), new VarInsnNode(Opcodes.LLOAD, 1)));
        assertEquals(List.of(), problems);
    }
}
