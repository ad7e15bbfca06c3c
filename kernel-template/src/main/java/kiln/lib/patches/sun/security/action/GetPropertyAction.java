package kiln.lib.patches.sun.security.action;

import java.util.Properties;
import kiln.lib.SystemPropertiesView;

/**
 * Replaces {@code GetPropertyAction.privilegedGetProperties()} (see the compiler's JdkMethodPatches), which answers
 * {@code System.getProperties()}, a Properties object Kiln's System does not keep: the JDK's callers (Locale,
 * BaseLocale, TimeZone, the locale providers) only look keys up, which {@link SystemPropertiesView} answers.
 */
public final class GetPropertyAction {
    private GetPropertyAction() {
    }

    public static Properties privilegedGetProperties() {
        return new SystemPropertiesView();
    }
}
