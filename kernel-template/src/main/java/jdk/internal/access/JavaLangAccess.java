package jdk.internal.access;

/**
 * The part of the JDK's java.lang back door ({@link SharedSecrets#getJavaLangAccess()}) that Kiln implements.
 * A JDK class that calls any other of the JDK's methods here fails the build, naming the method.
 */
public interface JavaLangAccess {
    /** The enum's constants; callers (EnumSet, EnumMap) may keep the array but must not change it. */
    <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass);

    // The charsets' array loops (sun.nio.cs) take their fast path through these, as HotSpot intrinsifies them.

    /** Copies {@code len} Latin-1 bytes to chars. */
    default void inflateBytesToChars(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        for (int i = 0; i < len; i++) {
            dst[dstOff + i] = (char) (src[srcOff + i] & 0xFF);
        }
    }

    /** Copies bytes to chars up to the first that is not ASCII; answers how many it copied. */
    default int decodeASCII(byte[] src, int srcOff, char[] dst, int dstOff, int len) {
        int n = 0;
        while (n < len && src[srcOff + n] >= 0) {
            dst[dstOff + n] = (char) src[srcOff + n];
            n++;
        }
        return n;
    }

    /** Copies chars to bytes up to the first that is not ASCII; answers how many it copied. */
    default int encodeASCII(char[] src, int srcOff, byte[] dst, int dstOff, int len) {
        int n = 0;
        while (n < len && src[srcOff + n] < 0x80) {
            dst[dstOff + n] = (byte) src[srcOff + n];
            n++;
        }
        return n;
    }
}
