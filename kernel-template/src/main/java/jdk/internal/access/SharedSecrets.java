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

    /** Registered by {@code java.nio.Buffer}'s class initializer, as in the JDK. */
    private static JavaNioAccess javaNioAccess;

    /** Set by the JDK's ResourceBundle's class initializer, so there once any bundle exists. */
    private static JavaUtilResourceBundleAccess resourceBundleAccess;

    private static JavaNetURLAccess urlAccess;
    private static JavaNetUriAccess uriAccess;

    private SharedSecrets() {
    }

    public static void setJavaNioAccess(JavaNioAccess access) {
        javaNioAccess = access;
    }

    /**
     * The JDK's getter first initializes {@code java.nio.Buffer} by reflection; here it is whatever Buffer's
     * class initializer registered, which is there once any buffer has been made (and null before, when no
     * buffer exists to ask about).
     */
    public static JavaNioAccess getJavaNioAccess() {
        return javaNioAccess;
    }

    /**
     * The JDK's answers what AWT's {@code AppContext} registered, null until AWT is loaded; a guest has no AWT, so
     * it is always null ({@code LogManager} then keeps one logger context for the whole program, as on HotSpot
     * without AWT).
     */
    public static JavaAWTAccess getJavaAWTAccess() {
        return null;
    }

    /** Registered by {@code java.beans.Introspector}'s class initializer, as in the JDK. */
    private static JavaBeansAccess javaBeansAccess;

    public static void setJavaBeansAccess(JavaBeansAccess access) {
        javaBeansAccess = access;
    }

    /** Whatever {@code Introspector} registered: null until it is initialized (the JDK's getter is the same). */
    public static JavaBeansAccess getJavaBeansAccess() {
        return javaBeansAccess;
    }

    /**
     * Registered by the class initializers of {@code java.security.Security}, {@code Signature} and
     * {@code EncodedKeySpec}, as in the JDK. The getters answer what was registered: the JDK's first initialize
     * the registering class, which has run before a caller can hold the {@code Signature} or key spec it asks
     * about. No getter for the properties access: its callers do not hold a {@code Security} object to vouch for
     * that, and none of them is supported yet.
     */
    private static JavaSecuritySignatureAccess securitySignatureAccess;
    private static JavaSecuritySpecAccess securitySpecAccess;

    /** Kept nowhere: the getter's callers are not supported (see above). */
    public static void setJavaSecurityPropertiesAccess(JavaSecurityPropertiesAccess access) {
    }

    public static void setJavaSecuritySignatureAccess(JavaSecuritySignatureAccess access) {
        securitySignatureAccess = access;
    }

    public static JavaSecuritySignatureAccess getJavaSecuritySignatureAccess() {
        return securitySignatureAccess;
    }

    public static void setJavaSecuritySpecAccess(JavaSecuritySpecAccess access) {
        securitySpecAccess = access;
    }

    public static JavaSecuritySpecAccess getJavaSecuritySpecAccess() {
        return securitySpecAccess;
    }

    /** Used by Kiln's BundleLookup, on bundles it has just made (so ResourceBundle is initialized). */
    public static JavaUtilResourceBundleAccess getJavaUtilResourceBundleAccess() {
        return resourceBundleAccess;
    }

    public static void setJavaUtilResourceBundleAccess(JavaUtilResourceBundleAccess access) {
        resourceBundleAccess = access;
    }

    /**
     * The static initializers of {@code java.net.URL} and {@code java.net.URI} register their accesses (a URL's
     * handler, URI building) for other packages; nothing in Kiln reads
     * them back yet, but the getters answer what was registered, as the JDK's do.
     */
    public static void setJavaNetURLAccess(JavaNetURLAccess access) {
        urlAccess = access;
    }

    public static JavaNetURLAccess getJavaNetURLAccess() {
        return urlAccess;
    }

    public static void setJavaNetUriAccess(JavaNetUriAccess access) {
        uriAccess = access;
    }

    public static JavaNetUriAccess getJavaNetUriAccess() {
        return uriAccess;
    }

    private static JavaObjectInputStreamAccess objectInputStreamAccess;
    private static JavaObjectInputStreamReadString objectInputStreamReadString;
    private static JavaObjectInputFilterAccess objectInputFilterAccess;

    /**
     * The static initializers of {@code ObjectInputStream} and {@code ObjectInputFilter.Config} register their
     * back doors (array-size checks, unshared string reads, filter creation) for other packages, as in the JDK;
     * the getters answer what was registered.
     */
    public static void setJavaObjectInputStreamAccess(JavaObjectInputStreamAccess access) {
        objectInputStreamAccess = access;
    }

    public static JavaObjectInputStreamAccess getJavaObjectInputStreamAccess() {
        return objectInputStreamAccess;
    }

    public static void setJavaObjectInputStreamReadString(JavaObjectInputStreamReadString access) {
        objectInputStreamReadString = access;
    }

    public static JavaObjectInputStreamReadString getJavaObjectInputStreamReadString() {
        return objectInputStreamReadString;
    }

    public static void setJavaObjectInputFilterAccess(JavaObjectInputFilterAccess access) {
        objectInputFilterAccess = access;
    }

    public static JavaObjectInputFilterAccess getJavaObjectInputFilterAccess() {
        return objectInputFilterAccess;
    }

    /**
     * The JDK's {@code AccessibleObject} registers its back door into {@code java.lang.reflect} here; Kiln's
     * reflection (kiln.lib.reflect, docs/compiler.md "Reflection") has none, so this answers null.
     * {@code jdk.internal.reflect.ReflectionFactory}'s constructor keeps it, and the factory's methods that would
     * use it are those of the JDK's reflection and serialization, which do not run in an image
     * ({@code ObjectStreamClass.lookup} says so: kiln.lib.patches.java.io.ObjectStreamClass).
     */
    public static JavaLangReflectAccess getJavaLangReflectAccess() {
        return null;
    }

    /** Used by {@code Stream.toList()} and the unmodifiable collectors. */
    public static JavaUtilCollectionAccess getJavaUtilCollectionAccess() {
        return COLLECTION_ACCESS;
    }

    /** Used by EnumSet and EnumMap. */
    public static JavaLangAccess getJavaLangAccess() {
        return LANG_ACCESS;
    }

    /**
     * Kiln's {@code values()} returns a fresh array each time, so nothing is shared, which is safe too. The
     * ASCII and Latin-1 loops are the charsets' (the JDK runs its String internals or intrinsics there).
     */
    private static final class LangAccess implements JavaLangAccess {
        @Override
        public <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass) {
            return klass.getEnumConstants();
        }

        @Override
        public int decodeASCII(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
            int count = 0;
            while (count < len && src[srcOff + count] >= 0) {
                dst[dstOff + count] = (char) src[srcOff + count];
                count++;
            }
            return count;
        }

        @Override
        public int encodeASCII(char[] src, int srcOff, byte[] dst, int dstOff, int len) {
            int count = 0;
            while (count < len && src[srcOff + count] < 0x80) {
                dst[dstOff + count] = (byte) src[srcOff + count];
                count++;
            }
            return count;
        }

        @Override
        public void inflateBytesToChars(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
            for (int i = 0; i < len; i++) {
                dst[dstOff + i] = (char) (src[srcOff + i] & 0xFF);
            }
        }

        @Override
        public String join(String prefix, String suffix, String delimiter, String[] elements, int size) {
            int length = prefix.length() + suffix.length() + Math.max(0, size - 1) * delimiter.length();
            for (int i = 0; i < size; i++) {
                length += elements[i].length();
            }
            StringBuilder joined = new StringBuilder(length).append(prefix);
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    joined.append(delimiter);
                }
                joined.append(elements[i]);
            }
            return joined.append(suffix).toString();
        }

        @Override
        public String newStringNoRepl(byte[] bytes, java.nio.charset.Charset charset)
                throws java.nio.charset.CharacterCodingException {
            return charset.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }

        @Override
        public byte[] getBytesNoRepl(String s, java.nio.charset.Charset charset)
                throws java.nio.charset.CharacterCodingException {
            java.nio.ByteBuffer encoded = charset.newEncoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(s));
            return Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        }

        @Override
        public String newStringUTF8NoRepl(byte[] bytes, int off, int len) {
            try {
                return newStringNoRepl(Arrays.copyOfRange(bytes, off, off + len), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        @Override
        public byte[] getBytesUTF8NoRepl(String s) {
            try {
                return getBytesNoRepl(s, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new IllegalArgumentException(e);
            }
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
