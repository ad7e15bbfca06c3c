package jdk.internal.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The JDK's registry through which java.base packages reach each other's internals. The JDK's class
 * initializer creates a {@code MethodHandles.Lookup} and its getters force-initialize the registering
 * classes by reflection, neither of which Kiln has. Kiln's holds only the accesses that code Kiln supports
 * needs, built right here; a JDK class that asks for another one fails the build, naming the getter.
 */
public final class SharedSecrets {
    private static final JavaUtilCollectionAccess COLLECTION_ACCESS = new ImmutableListAccess();
    private static final JavaLangAccess LANG_ACCESS = new LangAccess();

    /** Set by the JDK's ResourceBundle's class initializer, so there once any bundle exists. */
    private static JavaUtilResourceBundleAccess resourceBundleAccess;

    private SharedSecrets() {
    }

    /** Used by Kiln's BundleLookup, on bundles it has just made (so ResourceBundle is initialized). */
    public static JavaUtilResourceBundleAccess getJavaUtilResourceBundleAccess() {
        return resourceBundleAccess;
    }

    public static void setJavaUtilResourceBundleAccess(JavaUtilResourceBundleAccess access) {
        resourceBundleAccess = access;
    }

    /** Used by {@code Stream.toList()} and the unmodifiable collectors. */
    public static JavaUtilCollectionAccess getJavaUtilCollectionAccess() {
        return COLLECTION_ACCESS;
    }

    /** Used by EnumSet and EnumMap. */
    public static JavaLangAccess getJavaLangAccess() {
        return LANG_ACCESS;
    }

    /** Kiln's {@code values()} returns a fresh array each time, so nothing is shared, which is safe too. */
    private static final class LangAccess implements JavaLangAccess {
        @Override
        public <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass) {
            return klass.getEnumConstants();
        }
    }

    /**
     * Immutable lists over arrays that nobody else holds. Without nulls, {@code List.of} gives the very
     * classes the JDK's {@code ImmutableCollections} would. With nulls allowed, the JDK's list class cannot be
     * made through public API; an unmodifiable view of the array behaves the same (same equals, hashCode,
     * toString, iteration, and an UnsupportedOperationException without message on every change).
     */
    private static final class ImmutableListAccess implements JavaUtilCollectionAccess {
        @Override
        @SuppressWarnings("unchecked")
        public <E> List<E> listFromTrustedArray(Object[] array) {
            return (List<E>) List.of(array);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> List<E> listFromTrustedArrayNullsAllowed(Object[] array) {
            return (List<E>) Collections.unmodifiableList(Arrays.asList(array));
        }
    }
}
