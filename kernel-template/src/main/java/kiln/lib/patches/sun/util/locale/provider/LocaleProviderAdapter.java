package kiln.lib.patches.sun.util.locale.provider;

import kiln.lib.locale.LocaleAdapters;

/**
 * Replaces {@code LocaleProviderAdapter.forType} (see the compiler's JdkMethodPatches), which makes adapters by
 * class name through reflection, with {@link LocaleAdapters}, which makes them with {@code new}.
 */
public final class LocaleProviderAdapter {
    private LocaleProviderAdapter() {
    }

    public static sun.util.locale.provider.LocaleProviderAdapter forType(
            sun.util.locale.provider.LocaleProviderAdapter.Type type) {
        return LocaleAdapters.forType(type);
    }
}
