package jdk.internal.access;

/**
 * The part of the JDK's java.lang back door ({@link SharedSecrets#getJavaLangAccess()}) that Kiln implements.
 * A JDK class that calls any other of the JDK's methods here fails the build, naming the method.
 */
public interface JavaLangAccess {
    /** The enum's constants; callers (EnumSet, EnumMap) may keep the array but must not change it. */
    <E extends Enum<E>> E[] getEnumConstantsShared(Class<E> klass);

    /**
     * The charsets' fast paths (sun.nio.cs, US-ASCII and ISO-8859-1): decodes {@code len} bytes from
     * {@code src[srcOff]} to chars up to the first byte above 0x7F; answers how many it decoded.
     */
    int decodeASCII(byte[] src, int srcOff, char[] dst, int dstOff, int len);

    /** Encodes {@code len} chars to bytes up to the first char above U+007F; answers how many it encoded. */
    int encodeASCII(char[] src, int srcOff, byte[] dst, int dstOff, int len);

    /** Widens {@code len} bytes, each read as unsigned (ISO-8859-1), to chars. */
    void inflateBytesToChars(byte[] src, int srcOff, char[] dst, int dstOff, int len);

    /**
     * Strict conversions, failing on malformed or unmappable input instead of substituting: HexFormat
     * (ISO-8859-1), and ZipCoder's entry names and comments (UTF-8) in ZipInputStream and ZipOutputStream.
     */
    String newStringNoRepl(byte[] bytes, java.nio.charset.Charset charset) throws java.nio.charset.CharacterCodingException;

    byte[] getBytesNoRepl(String s, java.nio.charset.Charset charset) throws java.nio.charset.CharacterCodingException;

    /** As {@link #newStringNoRepl} for UTF-8, the coding error wrapped in an IllegalArgumentException. */
    String newStringUTF8NoRepl(byte[] bytes, int off, int len);

    /** As {@link #getBytesNoRepl} for UTF-8, the coding error wrapped in an IllegalArgumentException. */
    byte[] getBytesUTF8NoRepl(String s);

    /**
     * {@code prefix}, the first {@code size} of {@code elements} with {@code delimiter} between them, and
     * {@code suffix}: the JDK's StringJoiner keeps its elements in an array and joins them here.
     */
    String join(String prefix, String suffix, String delimiter, String[] elements, int size);
}
