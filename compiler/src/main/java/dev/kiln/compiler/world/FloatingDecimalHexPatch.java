package dev.kiln.compiler.world;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Points the hexadecimal branch of the JDK's {@code jdk.internal.math.FloatingDecimal} (behind
 * {@code Double.parseDouble}, {@code Float.parseFloat} and their {@code valueOf}s) at {@code kiln.lib.math.HexFloat}
 * (design comment there): the code of {@code parseHexString(String)} becomes
 * {@code return new PreparedASCIIToBinaryBuffer(HexFloat.parseDouble(s), HexFloat.parseFloat(s));}, so that
 * parsing a number no longer reaches {@code java.util.regex}. The decimal conversion stays the JDK's.
 * <i>Rejected</i>: a method patch in Java (JdkMethodPatches), because the method answers a package-private type
 * of {@code FloatingDecimal} that Java source outside the package cannot name; Kiln's own parser for all of
 * {@code parseDouble}, which it was (a second decimal reader to keep in step with the JDK's).
 */
final class FloatingDecimalHexPatch {
    static final String TARGET_CLASS = "jdk/internal/math/FloatingDecimal";
    private static final String PREPARED_BUFFER = "jdk/internal/math/FloatingDecimal$PreparedASCIIToBinaryBuffer";
    private static final String HEX_FLOAT = "kiln/lib/math/HexFloat";

    private FloatingDecimalHexPatch() {
    }

    /** Replaces the code of {@code parseHexString} in {@code floatingDecimal}, the JDK's {@link #TARGET_CLASS}. */
    static void apply(ClassNode floatingDecimal) {
        MethodNode parseHex = floatingDecimal.methods.stream()
                .filter(m -> m.name.equals("parseHexString")
                        && m.desc.equals("(Ljava/lang/String;)Ljdk/internal/math/FloatingDecimal$ASCIIToBinaryConverter;"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the JDK's " + TARGET_CLASS.replace('/', '.')
                        + " has no parseHexString(String) to point at kiln.lib.math.HexFloat (did the JDK change it?)"));
        InsnList code = new InsnList();
        code.add(new TypeInsnNode(Opcodes.NEW, PREPARED_BUFFER));
        code.add(new InsnNode(Opcodes.DUP));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HEX_FLOAT, "parseDouble", "(Ljava/lang/String;)D", false));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, HEX_FLOAT, "parseFloat", "(Ljava/lang/String;)F", false));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, PREPARED_BUFFER, "<init>", "(DF)V", false));
        code.add(new InsnNode(Opcodes.ARETURN));
        parseHex.instructions = code;
        parseHex.tryCatchBlocks.clear();
        parseHex.localVariables = null;
        parseHex.maxStack = 5;
        parseHex.maxLocals = 1;
    }
}
