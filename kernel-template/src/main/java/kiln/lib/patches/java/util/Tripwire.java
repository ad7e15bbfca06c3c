package kiln.lib.patches.java.util;

/**
 * Replaces the report of the JDK's {@code java.util.Tripwire} (see the compiler's JdkMethodPatches), the debugging
 * aid of the primitive spliterators and iterators that warns when they box their elements once the system property
 * {@code org.openjdk.java.util.stream.tripwire} is true. The JDK's logs through {@code PlatformLogger}, which
 * would bring the logging and module machinery into every program with a primitive stream; this writes the same
 * warning to {@code System.err}. Whether it is on stays the JDK's code.
 */
public final class Tripwire {
    private Tripwire() {
    }

    /** {@code message} is a {@code MessageFormat} pattern whose {0} is the tripping class's name. */
    static void trip(Class<?> trippingClass, String message) {
        kiln.lib.TripwireWarning.print(trippingClass, message);
    }
}
