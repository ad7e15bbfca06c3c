package kiln.lib.locale;

import sun.util.locale.provider.LocaleDataMetaInfo;
import sun.util.locale.provider.LocaleProviderAdapter;

/**
 * Which of the CLDR locale data outside {@code java.base} an image contains, as the JDK's locale providers ask
 * it: HotSpot's CLDR adapter learns the locales of the {@code jdk.localedata} module from that module's
 * {@code LocaleDataMetaInfo} service (about a thousand); a Kiln image packs English only, so this answers the
 * English locales beyond {@code java.base}'s {@code en} and {@code en-US}: {@code en-GB} and its CLDR parent
 * {@code en-001}. Kiln's {@code ServiceLoader.loadInstalled} hands it to the adapter in place of the module's.
 * A locale not listed is not supported by the CLDR adapter, so the JDK's lookup falls back to its parent
 * locales and the root data, as on a JDK whose run-time image lacks {@code jdk.localedata}.
 *
 * <p>The data classes themselves are registered for reflection by the kernel template's
 * {@code META-INF/native-image/dev.kiln/locale/reflect-config.json}, which {@code BundleLookup} instantiates;
 * {@code LocaleDataTest} checks that the two agree.
 */
public final class PackedLocaleData implements LocaleDataMetaInfo {
    /** The language tags, in the JDK's format for this answer: each preceded by a space. */
    public static final String CLDR_EXTENSION_TAGS = " en-001 en-GB";

    @Override
    public LocaleProviderAdapter.Type getType() {
        return LocaleProviderAdapter.Type.CLDR;
    }

    /** The CLDR adapter asks for category {@code AvailableLocales} only, as jdk.localedata's answers only that. */
    @Override
    public String availableLanguageTags(String category) {
        return category.equals("AvailableLocales") ? CLDR_EXTENSION_TAGS : "";
    }
}
