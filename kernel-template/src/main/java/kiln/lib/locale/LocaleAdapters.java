package kiln.lib.locale;

import java.util.ServiceConfigurationError;
import java.util.concurrent.ConcurrentHashMap;
import sun.util.cldr.CLDRLocaleProviderAdapter;
import sun.util.locale.provider.FallbackLocaleProviderAdapter;
import sun.util.locale.provider.JRELocaleProviderAdapter;
import sun.util.locale.provider.LocaleProviderAdapter;

/**
 * {@code LocaleProviderAdapter.forType} (a method patch): one adapter per type, made on first use. The JDK's
 * makes them by class name through reflection, which would register each adapter with all its members (every
 * provider and its data, whether the program formats with it or not); a closed world knows the classes.
 * The host's adapter (its natives ask the operating system's locale settings) and the SPI adapter (the
 * {@code java.locale.providers=SPI} setting) are not in images: asking for them fails as the JDK fails for an
 * adapter it cannot make.
 */
public final class LocaleAdapters {
    private static final ConcurrentHashMap<LocaleProviderAdapter.Type, LocaleProviderAdapter> MADE =
            new ConcurrentHashMap<>();

    private LocaleAdapters() {
    }

    public static LocaleProviderAdapter forType(LocaleProviderAdapter.Type type) {
        return MADE.computeIfAbsent(type, LocaleAdapters::make);
    }

    private static LocaleProviderAdapter make(LocaleProviderAdapter.Type type) {
        switch (type) {
            case CLDR:
                return new CLDRLocaleProviderAdapter();
            case JRE:
                return new JRELocaleProviderAdapter();
            case FALLBACK:
                return new FallbackLocaleProviderAdapter();
            default:
                throw new ServiceConfigurationError("Locale provider adapter \"" + type + "\"cannot be instantiated.",
                        new UnsupportedOperationException("Kiln images have the CLDR, COMPAT and fallback locale"
                                + " providers only"));
        }
    }
}
