package java.util.stream;

/**
 * The streams' debugging aid that warns when a primitive stream boxes its elements. The JDK reads a system
 * property and logs through {@code PlatformLogger}, which pulls the logging and module machinery into every
 * program that uses a primitive stream. Kiln has no system properties, so the tripwire is off; {@link #trip}
 * writes to {@code System.err} in case a substitute ever turns it on.
 */
final class Tripwire {
    static final boolean ENABLED = false;

    private Tripwire() {
    }

    /** {@code message} is a {@code MessageFormat} pattern whose {0} is the tripping class's name. */
    static void trip(Class<?> trippingClass, String message) {
        System.err.println("WARNING: " + message.replace("{0}", trippingClass.getName()));
    }
}
