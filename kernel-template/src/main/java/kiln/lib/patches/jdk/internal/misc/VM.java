package kiln.lib.patches.jdk.internal.misc;

/**
 * Replaces the one native that the JDK's {@code jdk.internal.misc.VM} runs when it is initialized (see the
 * compiler's JdkMethodPatches). {@code java.lang.ref.ReferenceQueue} reaches the class for its final-reference
 * count. HotSpot's {@code initialize} looks up the JVM's own library and registers the class's other natives with
 * it; a Kiln image is linked as a whole, so there is nothing to look up or register.
 */
public final class VM {
    private VM() {
    }

    public static void initialize() {
    }
}
