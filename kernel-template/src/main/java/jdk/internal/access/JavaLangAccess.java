package jdk.internal.access;

/**
 * The part of the JDK's java.lang back door ({@link SharedSecrets#getJavaLangAccess()}) that Kiln implements.
 * A JDK class that calls any other of the JDK's methods here fails the build, naming the method.
 */
public interface JavaLangAccess {
    /** The enum's constants; callers (EnumSet, EnumMap) may keep the array but must not change it. */
    <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass);
}
