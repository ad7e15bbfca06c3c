package kiln.lib.patches.java.util.stream;

/**
 * Replaces the report of the JDK's {@code java.util.stream.Tripwire}, the stream package's copy of
 * {@code java.util.Tripwire} (see kiln.lib.patches.java.util.Tripwire: the same warning, on {@code System.err}).
 */
public final class Tripwire {
    private Tripwire() {
    }

    static void trip(Class<?> trippingClass, String message) {
        kiln.lib.TripwireWarning.print(trippingClass, message);
    }
}
