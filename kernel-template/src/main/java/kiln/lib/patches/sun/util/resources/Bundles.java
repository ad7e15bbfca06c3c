package kiln.lib.patches.sun.util.resources;

import java.util.Locale;
import java.util.ResourceBundle;
import kiln.lib.locale.BundleLookup;

/**
 * Replaces {@code Bundles.of}, through which the JDK's locale providers load their locale data (see the compiler's
 * JdkMethodPatches): the JDK's asks {@code Class.forName(Module, String)} and provider modules through
 * {@code ServiceLoader}; Kiln's finds the data classes packed into the image ({@link BundleLookup}).
 */
public final class Bundles {
    private Bundles() {
    }

    public static ResourceBundle of(String baseName, Locale locale, sun.util.resources.Bundles.Strategy strategy) {
        return BundleLookup.localeData(baseName, locale, strategy);
    }
}
