package kiln.lib.patches.java.io;

/**
 * Replaces the descriptor lookup and the native set-up of the JDK's {@code java.io.ObjectStreamClass} (see the
 * compiler's JdkMethodPatches): Java serialization of objects does not run in a Kiln image. A class descriptor
 * reads and writes fields through {@code Unsafe} offsets of {@code Field}s found at run time (Kiln fixes
 * offsets at build time and keeps no field table), makes objects through {@code ReflectionFactory}'s
 * constructors for serialization (HotSpot generates those; Kiln's reflection has none), and reads records and
 * {@code readObject} hooks through method handles, which the guest does not have (docs/compiler.md
 * "VarHandles"). So every {@code ObjectOutputStream.writeObject} and {@code ObjectInputStream.readObject} of
 * an object fails here with a message that says so, instead of deep inside, and none of that machinery is
 * in the image: the streams' own framing, headers and primitive data ({@code writeInt}, {@code readUTF},
 * block data, {@code null}) are the JDK's bytecode and work.
 */
public final class ObjectStreamClass {
    private ObjectStreamClass() {
    }

    /** HotSpot caches field and method IDs for the class's natives here; no natives remain in an image. */
    private static void initNative() {
    }

    static java.io.ObjectStreamClass lookup(Class<?> cl, boolean all) {
        throw new UnsupportedOperationException("Java serialization of " + cl.getName() + " is not supported in a"
                + " Kiln image (object streams need run-time field offsets, serialization constructors and method"
                + " handles); write the fields with DataOutputStream, or a text format such as JSON, instead");
    }
}
