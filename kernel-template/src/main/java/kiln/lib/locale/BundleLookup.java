package kiln.lib.locale;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import jdk.internal.access.JavaUtilResourceBundleAccess;
import jdk.internal.access.SharedSecrets;
import sun.util.resources.Bundles;

/**
 * Finds resource bundles in the image: the JDK's locale data for its locale providers
 * ({@code sun.util.resources.Bundles.of}) and the program's own bundles ({@code ResourceBundle.getBundle}), both
 * reached through method patches (docs/compiler.md "Locale data and resource bundles").
 *
 * <p>What the JDK decides stays the JDK's: the candidate locales, bundle names, formats and fallback locale come from
 * the JDK's {@code Bundles.Strategy} or {@code ResourceBundle.Control}, and the bundles found are the JDK's classes
 * (its {@code ListResourceBundle}, {@code PropertyResourceBundle}, the CLDR and COMPAT data classes) chained to their
 * parents as the JDK chains them. What Kiln does differently is the loading: a bundle class is found among the
 * image's classes by name ({@code Class.inImage}) and made through its registered no-argument constructor, and a
 * properties bundle is read from the resources packed into the image. A bundle that is not in the image is missing,
 * so lookup falls back along the candidate list to the parent locales and the root bundle, as the JDK does for a
 * locale it has no data for.
 *
 * <p><i>Rejected</i>: the JDK's own lookup code. {@code ResourceBundle.getBundle} finds its caller's module by stack
 * walking, asks the module layer, service loaders and class loaders for {@code URL}s and reads jar files; the locale
 * data's {@code Bundles} asks {@code Class.forName(Module, String)} and {@code ServiceLoader.loadInstalled} for
 * provider modules. In a closed world the answer to all of it is known when the image is built, and compiling it
 * would bring in the file system, zip and jar code, and the security providers that verify jars.
 */
public final class BundleLookup {
    /** Bundles found, by base name, locale and the strategy or control that chose the candidates. */
    private static final ConcurrentHashMap<List<Object>, ResourceBundle> FOUND = new ConcurrentHashMap<>();

    private BundleLookup() {
    }

    /** Loads the bundle of one candidate locale, or answers null when the image has none. */
    private interface CandidateLoader {
        ResourceBundle load(Locale candidate);
    }

    /** {@code sun.util.resources.Bundles.of}: the JDK's locale data, by the strategy's candidates and names. */
    public static ResourceBundle localeData(String baseName, Locale locale, Bundles.Strategy strategy) {
        List<Object> key = List.of(baseName, locale, strategy);
        ResourceBundle found = FOUND.get(key);
        if (found == null) {
            List<Locale> candidates = strategy.getCandidateLocales(baseName, locale);
            found = chain(baseName, candidates, 0, candidate -> {
                String bundleName = strategy.toBundleName(baseName, candidate);
                ResourceBundle bundle = newBundle(bundleName);
                String otherName = Bundles.toOtherBundleName(baseName, bundleName, candidate);
                return bundle != null || otherName.equals(bundleName) ? bundle : newBundle(otherName);
            });
            if (found == null) {
                throw missing(baseName, locale);
            }
            found = cached(key, found);
        }
        return found;
    }

    /**
     * {@code ResourceBundle.getBundle}: the program's bundle classes and properties files, for {@code locale} and,
     * when only the base bundle exists for it, for the control's fallback locale (the default locale) first. A
     * control's own {@code newBundle} is not called: bundles are loaded from the image as described above.
     */
    public static ResourceBundle program(String baseName, Locale locale, ResourceBundle.Control control) {
        Objects.requireNonNull(baseName);
        Objects.requireNonNull(locale);
        Objects.requireNonNull(control);
        List<Object> key = List.of(baseName, locale, control);
        ResourceBundle found = FOUND.get(key);
        if (found != null) {
            return found;
        }
        List<String> formats = control.getFormats(baseName);
        CandidateLoader loader = candidate -> {
            String bundleName = control.toBundleName(baseName, candidate);
            for (String format : formats) {
                ResourceBundle bundle = format.equals("java.class") ? newBundle(bundleName)
                        : format.equals("java.properties") ? propertiesBundle(control.toResourceName(bundleName,
                                "properties")) : null;
                if (bundle != null) {
                    return bundle;
                }
            }
            return null;
        };
        ResourceBundle baseOnly = null;
        for (Locale target = locale; target != null; target = control.getFallbackLocale(baseName, target)) {
            List<Locale> candidates = control.getCandidateLocales(baseName, target);
            ResourceBundle bundle = chain(baseName, candidates, 0, loader);
            if (bundle != null) {
                // A bundle of a real locale ends the search; the base bundle only if it is what was asked for.
                boolean isBase = bundle.getLocale().equals(Locale.ROOT);
                if (!isBase || locale.equals(Locale.ROOT)
                        || (candidates.size() == 1 && candidates.get(0).equals(Locale.ROOT))) {
                    found = bundle;
                    break;
                }
                if (baseOnly == null) {
                    baseOnly = bundle;
                }
            }
        }
        if (found == null) {
            found = baseOnly;
        }
        if (found == null) {
            throw missing(baseName, locale);
        }
        return cached(key, found);
    }

    /** The control {@code getBundle} uses when given none: classes, then properties files. */
    public static ResourceBundle.Control defaultControl() {
        return ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_DEFAULT);
    }

    private static ResourceBundle cached(List<Object> key, ResourceBundle bundle) {
        ResourceBundle earlier = FOUND.putIfAbsent(key, bundle);
        return earlier != null ? earlier : bundle;
    }

    /**
     * The bundle of {@code candidates[index]} with the bundles of the later candidates as its parents, or the
     * first of those when that locale has none; null when none of them has a bundle.
     */
    private static ResourceBundle chain(String baseName, List<Locale> candidates, int index, CandidateLoader loader) {
        if (index == candidates.size()) {
            return null;
        }
        Locale candidate = candidates.get(index);
        ResourceBundle parent = chain(baseName, candidates, index + 1, loader);
        ResourceBundle bundle = loader.load(candidate);
        if (bundle == null) {
            return parent;
        }
        JavaUtilResourceBundleAccess access = SharedSecrets.getJavaUtilResourceBundleAccess();
        if (parent != null && access.getParent(bundle) == null) {
            access.setParent(bundle, parent);
        }
        access.setLocale(bundle, candidate);
        access.setName(bundle, baseName);
        return bundle;
    }

    /** A new instance of the image's bundle class of that name, or null if the image has no such bundle class. */
    private static ResourceBundle newBundle(String className) {
        Class<?> c = Class.inImage(className);
        if (c == null || !ResourceBundle.class.isAssignableFrom(c)) {
            return null;
        }
        try {
            return (ResourceBundle) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new MissingResourceException("Kiln: cannot make the bundle class " + className + ": " + e,
                    className, "");
        }
    }

    /**
     * The packed properties file at that path as a bundle, or null if the image has none there. Read as the JDK
     * reads a properties bundle (JDK 9+): as UTF-8, or as ISO-8859-1 if the bytes are not well-formed UTF-8. The
     * JDK's {@code PropertyResourceBundle(InputStream)} decodes through a charset decoder of its own, which Kiln's
     * UTF-8 {@code InputStreamReader} does not take; bytes are well-formed UTF-8 exactly when decoding and
     * encoding them again gives them back (a malformed sequence decodes to U+FFFD, which encodes otherwise).
     */
    private static ResourceBundle propertiesBundle(String path) {
        InputStream in = ClassLoader.getSystemResourceAsStream(path);
        if (in == null) {
            return null;
        }
        try (in) {
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes); // UTF-8, as Kiln's String decodes bytes
            if (!Arrays.equals(text.getBytes(), bytes)) {
                char[] latin1 = new char[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    latin1[i] = (char) (bytes[i] & 0xff);
                }
                text = new String(latin1);
            }
            return new PropertyResourceBundle(new StringReader(text));
        } catch (IOException e) {
            throw new MissingResourceException("Kiln: cannot read " + path + ": " + e, path, "");
        }
    }

    private static MissingResourceException missing(String baseName, Locale locale) {
        return new MissingResourceException("Can't find bundle for base name " + baseName + ", locale " + locale,
                baseName + "_" + locale, "");
    }
}
