package dev.kiln.compiler.world;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Points the JDK's {@code sun.util.calendar.ZoneInfoFile} (the time-zone rules behind {@code java.util.TimeZone},
 * {@code Calendar} and {@code Date}) at the rules packed into the image ({@link dev.kiln.compiler.analysis.TimeZoneDatabase}).
 *
 * <p>{@code ZoneInfoFile}'s static initializer runs a privileged action, {@code ZoneInfoFile$1.run()}, that opens
 * {@code <java.home>/lib/tzdb.dat} with a {@code FileInputStream} and hands it to the private
 * {@code ZoneInfoFile.load(DataInputStream)}. Kiln replaces that one method's code with
 * {@code ZoneInfoFile.load(kiln.runtime.TimeZoneData.open()); return null;}, so the JDK's parser and its
 * conversion into {@code ZoneInfo} (hundreds of lines of compatibility rules) run unchanged on the packed file.
 * <i>Rejected</i>: a method patch in Java (JdkMethodPatches replaces static methods from Java source, and Java
 * source outside the class cannot call the private {@code load}); substituting {@code ZoneInfoFile} (its
 * conversion would have to be rewritten to the bit); a {@code FileInputStream} that serves image data (the
 * whole {@code java.io.File} machinery for one file).
 */
final class ZoneInfoFilePatch {
    /** The privileged action of {@code ZoneInfoFile}'s static initializer. */
    static final String LOADER_CLASS = "sun/util/calendar/ZoneInfoFile$1";
    private static final String ZONE_INFO_FILE = "sun/util/calendar/ZoneInfoFile";
    private static final String DATA_INPUT = "Ljava/io/DataInputStream;";

    private ZoneInfoFilePatch() {
    }

    /** Replaces the code of {@code run()Ljava/lang/Void;} in {@code loader}, the JDK's {@link #LOADER_CLASS}. */
    static void apply(ClassNode loader) {
        MethodNode run = loader.methods.stream()
                .filter(m -> m.name.equals("run") && m.desc.equals("()Ljava/lang/Void;"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the JDK's " + LOADER_CLASS.replace('/', '.')
                        + " has no run()Ljava/lang/Void; to point at the packed time zones (did the JDK change it?)"));
        InsnList code = new InsnList();
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, KernelAbi.TIME_ZONE_DATA_CLASS, "open", "()" + DATA_INPUT,
                false));
        code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, ZONE_INFO_FILE, "load", "(" + DATA_INPUT + ")V", false));
        code.add(new InsnNode(Opcodes.ACONST_NULL));
        code.add(new InsnNode(Opcodes.ARETURN));
        run.instructions = code;
        run.tryCatchBlocks.clear();
        run.localVariables = null;
        run.maxStack = 1;
        run.maxLocals = 1;
    }
}
