package kiln.lib;

import java.util.Properties;

/**
 * The system properties as a {@code java.util.Properties} for the JDK's code that reads them through
 * {@code GetPropertyAction.privilegedGetProperties()} (Locale, BaseLocale, the locale providers): lookups and
 * changes by key go to Kiln's {@code System.getProperty}/{@code setProperty}, which keep the properties
 * (System.getProperties itself is not supported, see Kiln's System). Enumerating the properties answers none.
 */
public final class SystemPropertiesView extends Properties {
    private static final long serialVersionUID = 1L;

    @Override
    public String getProperty(String key) {
        return System.getProperty(key);
    }

    @Override
    public String getProperty(String key, String defaultValue) {
        return System.getProperty(key, defaultValue);
    }

    @Override
    public synchronized Object setProperty(String key, String value) {
        return System.setProperty(key, value);
    }
}
