package dev.kiln.it.library;

import java.util.function.UnaryOperator;

/** Loads a text transformation by a name computed at run time, as plugin registries do. */
public final class Plugins {
    public static final class Uppercase implements UnaryOperator<String> {
        @Override
        public String apply(String text) {
            return text.toUpperCase();
        }
    }

    private Plugins() {
    }

    @SuppressWarnings("unchecked")
    public static UnaryOperator<String> load(String simpleName) throws ReflectiveOperationException {
        Class<?> type = Class.forName(Plugins.class.getName() + "$" + simpleName);
        return (UnaryOperator<String>) type.getDeclaredConstructor().newInstance();
    }
}
