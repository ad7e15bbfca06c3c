package kiln.lib.patches.java.util;

import java.util.Locale;
import java.util.Objects;
import kiln.lib.locale.BundleLookup;

/**
 * Replaces the static {@code getBundle} methods of the JDK's {@code java.util.ResourceBundle} but those taking a
 * {@code Module} (see the compiler's JdkMethodPatches): the JDK's find the caller's module by stack walking and load
 * through module layers and class loaders; Kiln's find the program's bundles in the image ({@link BundleLookup}).
 * The bundles themselves, {@code Control} and the rest of the class are the JDK's. A class loader argument is
 * checked for null as the JDK does and otherwise not used: the image has one class path.
 */
public final class ResourceBundle {
    private ResourceBundle() {
    }

    public static java.util.ResourceBundle getBundle(String baseName) {
        return BundleLookup.program(baseName, Locale.getDefault(), BundleLookup.defaultControl());
    }

    public static java.util.ResourceBundle getBundle(String baseName, java.util.ResourceBundle.Control control) {
        return BundleLookup.program(baseName, Locale.getDefault(), control);
    }

    public static java.util.ResourceBundle getBundle(String baseName, Locale locale) {
        return BundleLookup.program(baseName, locale, BundleLookup.defaultControl());
    }

    public static java.util.ResourceBundle getBundle(String baseName, Locale targetLocale,
            java.util.ResourceBundle.Control control) {
        return BundleLookup.program(baseName, targetLocale, control);
    }

    public static java.util.ResourceBundle getBundle(String baseName, Locale locale, ClassLoader loader) {
        Objects.requireNonNull(loader);
        return BundleLookup.program(baseName, locale, BundleLookup.defaultControl());
    }

    public static java.util.ResourceBundle getBundle(String baseName, Locale targetLocale, ClassLoader loader,
            java.util.ResourceBundle.Control control) {
        Objects.requireNonNull(loader);
        return BundleLookup.program(baseName, targetLocale, control);
    }
}
