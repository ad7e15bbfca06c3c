package kiln.lib.patches.java.nio.charset;

/**
 * Replaces the two lookups of {@code java.nio.charset.Charset.forName} (and {@code isSupported}) that go past
 * java.base's own charsets (see the compiler's JdkMethodPatches). An image has no charset providers to find:
 * {@code lookupViaProviders} asks {@code ServiceLoader} for {@code CharsetProvider}s on the class path, and
 * {@code lookupExtendedCharset} for the {@code jdk.charsets} module's; both would make the closed world reach
 * ServiceLoader, the module layer, jar files and the file system (over a hundred natives) for every library
 * that names a charset by a string, as Commons IO and jsoup do. So only java.base's standard provider
 * ({@code sun.nio.cs.StandardCharsets}) answers, by any of a charset's names: with the charsets the image has,
 * those of {@code java.nio.charset.StandardCharsets} (UTF-8, UTF-16, UTF-16BE, UTF-16LE, US-ASCII, ISO-8859-1);
 * the provider makes its other ones (windows-1252, the other ISO-8859 pages) by reflection, from classes the
 * image does not contain. Any other name throws {@code UnsupportedCharsetException}, as the JDK does for a name
 * that no provider knows. <i>Rejected</i>: replacing {@code Charset} whole, for two private lookups.
 */
public final class Charset {
    private Charset() {
    }

    private static java.nio.charset.Charset lookupViaProviders(String charsetName) {
        return null;
    }

    private static java.nio.charset.Charset lookupExtendedCharset(String charsetName) {
        return null;
    }
}
