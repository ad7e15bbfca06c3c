package kiln.lib.patches.java.util;

/**
 * Replaces how the JDK's {@code java.util.Locale} finds the default locale (see the compiler's JdkMethodPatches): the
 * JDK's reads {@code user.language}, {@code user.country} and the per-category properties, which HotSpot derives from
 * the host's {@code LANG}; the guest has no environment. Kiln's default is English without a country, what HotSpot
 * answers under {@code LANG=C.UTF-8} or {@code POSIX} (the usual setting of containers and build machines), for every
 * category. {@code Locale.setDefault} works as in the JDK.
 */
public final class Locale {
    private Locale() {
    }

    private static java.util.Locale initDefault() {
        return java.util.Locale.ENGLISH;
    }

    private static java.util.Locale initDefault(java.util.Locale.Category category) {
        return java.util.Locale.getDefault();
    }
}
