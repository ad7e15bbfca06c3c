package dev.kiln.compiler.world;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Points the one call of {@code SecureRandom.getSeed} in the JDK's {@code ThreadLocalRandom} static initializer at
 * {@code kiln.lib.random.SecureSeed} (design comment there). The rest of {@code ThreadLocalRandom}, its seeding
 * from the clocks included, is the JDK's bytecode.
 *
 * <p><i>Rejected</i>: a method patch of {@code SecureRandom.getSeed} (JdkMethodPatches): the call would still
 * initialize {@code SecureRandom}, whose static initializer reaches {@code sun.security.util.Debug}, regular
 * expressions and locales, about 800 methods in every image with a {@code ConcurrentHashMap}; a patch of the
 * whole static initializer (it sets eight private fields that Java source outside the class cannot name);
 * Kiln's own {@code ThreadLocalRandom}, which it was until this patch (a copy of the JDK's API and of its
 * package-private probes to keep in step).
 */
final class ThreadLocalRandomSeedPatch {
    static final String TARGET_CLASS = "java/util/concurrent/ThreadLocalRandom";
    private static final String SECURE_RANDOM = "java/security/SecureRandom";
    private static final String SECURE_SEED = "kiln/lib/random/SecureSeed";
    private static final String GET_SEED = "getSeed";
    private static final String GET_SEED_DESCRIPTOR = "(I)[B";

    private ThreadLocalRandomSeedPatch() {
    }

    /** Redirects the {@code SecureRandom.getSeed(int)} call of {@code threadLocalRandom}'s static initializer. */
    static void apply(ClassNode threadLocalRandom) {
        MethodNode clinit = threadLocalRandom.methods.stream()
                .filter(m -> m.name.equals("<clinit>"))
                .findFirst()
                .orElseThrow(() -> changed("has no static initializer"));
        int redirected = 0;
        for (AbstractInsnNode insn : clinit.instructions) {
            if (insn instanceof MethodInsnNode call && call.getOpcode() == Opcodes.INVOKESTATIC
                    && call.owner.equals(SECURE_RANDOM) && call.name.equals(GET_SEED)
                    && call.desc.equals(GET_SEED_DESCRIPTOR)) {
                call.owner = SECURE_SEED;
                redirected++;
            }
        }
        if (redirected != 1) {
            throw changed("calls SecureRandom.getSeed(int) " + redirected + " times in its static initializer, not once");
        }
    }

    private static IllegalStateException changed(String what) {
        return new IllegalStateException("the JDK's " + TARGET_CLASS.replace('/', '.') + " " + what
                + " (did the JDK change it?); Kiln redirects its secure seeding (ThreadLocalRandomSeedPatch)");
    }
}
