package kiln.lib;

/**
 * The warning of the JDK's two {@code Tripwire} classes (kiln.lib.patches.java.util.Tripwire), written to
 * {@code System.err} as {@code PlatformLogger} would log it at level WARNING.
 */
public final class TripwireWarning {
    private TripwireWarning() {
    }

    /** {@code message} is a {@code MessageFormat} pattern whose {0} is the tripping class's name. */
    public static void print(Class<?> trippingClass, String message) {
        System.err.println("WARNING: " + message.replace("{0}", trippingClass.getName()));
    }
}
