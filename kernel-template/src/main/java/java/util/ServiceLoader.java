package java.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Service providers of a closed world. The JDK's ServiceLoader walks module layers, class loaders and their jar
 * files, and checks its caller by stack walking; in an image, the providers are the classes the program's
 * {@code META-INF/services/<service>} file names (packed with the program's resources, docs/compiler.md
 * "Resources"), each made through its public no-argument constructor by reflection, so each must be registered
 * for reflection (a {@code reflect-config.json} entry) — an unregistered one fails with a
 * {@code ServiceConfigurationError} naming it. Providers of the JDK's own modules ({@code loadInstalled}, a module
 * layer) are not in images, so Kiln's answers none, as the JDK does for a module that is not in its run-time image,
 * except for the one the JDK's locale providers ask for, {@code LocaleDataMetaInfo}, which is answered by
 * {@link kiln.lib.locale.PackedLocaleData} (the locale data the image packs).
 * Differences from the JDK: only the first services file of that name on the class path counts, and modules'
 * {@code provides} clauses and {@code provider()} methods are not looked at.
 */
public final class ServiceLoader<S> implements Iterable<S> {
    private final Class<S> service;
    private final boolean programProviders;
    private List<S> providers;

    private ServiceLoader(Class<S> service, boolean programProviders) {
        this.service = Objects.requireNonNull(service);
        this.programProviders = programProviders;
    }

    /** A service provider, made on {@link #get()}. */
    public static interface Provider<S> extends Supplier<S> {
        Class<? extends S> type();

        @Override
        S get();
    }

    public static <S> ServiceLoader<S> load(Class<S> service) {
        return new ServiceLoader<>(service, true);
    }

    public static <S> ServiceLoader<S> load(Class<S> service, ClassLoader loader) {
        return new ServiceLoader<>(service, true);
    }

    public static <S> ServiceLoader<S> loadInstalled(Class<S> service) {
        return new ServiceLoader<>(service, false);
    }

    public static <S> ServiceLoader<S> load(ModuleLayer layer, Class<S> service) {
        Objects.requireNonNull(layer);
        return new ServiceLoader<>(service, false);
    }

    @Override
    public Iterator<S> iterator() {
        return Collections.unmodifiableList(providers()).iterator();
    }

    @Override
    public void forEach(Consumer<? super S> action) {
        providers().forEach(action);
    }

    public Stream<Provider<S>> stream() {
        List<Provider<S>> found = new ArrayList<>();
        for (S provider : providers()) {
            found.add(new Provider<S>() {
                @Override
                @SuppressWarnings("unchecked")
                public Class<? extends S> type() {
                    return (Class<? extends S>) provider.getClass();
                }

                @Override
                public S get() {
                    return provider;
                }
            });
        }
        return StreamSupport.stream(found.spliterator(), false);
    }

    public Optional<S> findFirst() {
        List<S> found = providers();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public void reload() {
        providers = null;
    }

    @Override
    public String toString() {
        return "java.util.ServiceLoader[" + service.getName() + "]";
    }

    private synchronized List<S> providers() {
        if (providers == null) {
            providers = programProviders ? instantiate(providerNames()) : installedProviders();
        }
        return providers;
    }

    private List<S> installedProviders() {
        if (service == sun.util.locale.provider.LocaleDataMetaInfo.class) {
            return List.of(service.cast(new kiln.lib.locale.PackedLocaleData()));
        }
        return List.of();
    }

    /** The class names of the services file: one a line, {@code #} starts a comment (java.util.ServiceLoader's format). */
    private List<String> providerNames() {
        String file = "META-INF/services/" + service.getName();
        InputStream in = ClassLoader.getSystemResourceAsStream(file);
        List<String> names = new ArrayList<>();
        if (in == null) {
            return names;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, "UTF-8"))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new ServiceConfigurationError(service.getName() + ": Error reading configuration file", e);
        }
        return names;
    }

    private List<S> instantiate(List<String> names) {
        List<S> made = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new ServiceConfigurationError(service.getName() + ": Provider " + name + " not found", e);
            }
            if (!service.isAssignableFrom(c)) {
                throw new ServiceConfigurationError(service.getName() + ": Provider " + name + " not a subtype");
            }
            try {
                made.add(service.cast(c.getConstructor().newInstance()));
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new ServiceConfigurationError(service.getName() + ": Provider " + name
                        + " could not be instantiated (Kiln: register it for reflection in a reflect-config.json)", e);
            }
        }
        return made;
    }
}
