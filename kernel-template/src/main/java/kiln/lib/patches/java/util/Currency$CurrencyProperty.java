package kiln.lib.patches.java.util;

/**
 * Replaces {@code Currency.CurrencyProperty.info} (see the compiler's JdkMethodPatches), which reports a malformed
 * {@code currency.properties} override file through the JDK's platform logger, whose lookup of a logger finder
 * goes through service loading, file permissions and stack walking. A guest has no such file to read (Kiln's
 * {@code java.io.EmptyFileSystem}), so there is nothing to report; the message goes to the standard error as
 * java.util.logging's default handler would print its level and text.
 */
public final class Currency$CurrencyProperty {
    private Currency$CurrencyProperty() {
    }

    private static void info(String message, Throwable cause) {
        System.err.println("INFO: " + message + (cause != null ? ": " + cause : ""));
    }
}
