package java.lang;

import java.util.Locale;

/**
 * An immutable sequence of UTF-16 chars. Kiln keeps the JDK 8 representation (one char[], no Latin-1
 * compaction), which the compiler relies on: {@code value} and {@code hash} are the first two fields, and
 * string literals are laid out in the image with them (docs/abi.md "Class objects").
 *
 * <p>Differences from the JDK: case mapping ignores the locale and the final-sigma context ({@link #toLowerCase});
 * {@link #intern} holds the strings it was asked for strongly (HotSpot's table lets them go when nothing else
 * refers to them); the charset is always UTF-8.
 */
public final class String implements java.io.Serializable, Comparable<String>, CharSequence {
    private final char[] value;
    /** Cached {@link #hashCode()}, 0 until computed (and for strings whose hash is 0). */
    private int hash;

    public String() {
        this.value = "".value;
    }

    public String(String original) {
        this.value = original.value;
        this.hash = original.hash;
    }

    public String(char[] value) {
        this(value, 0, value.length);
    }

    public String(char[] value, int offset, int count) {
        checkBoundsOffCount(offset, count, value.length);
        this.value = copyOfRange(value, offset, count);
    }

    /** The code points {@code codePoints[offset .. offset+count)}, supplementary ones as surrogate pairs. */
    public String(int[] codePoints, int offset, int count) {
        checkBoundsOffCount(offset, count, codePoints.length);
        int length = 0;
        for (int k = offset; k < offset + count; k++) {
            int c = codePoints[k];
            if (!Character.isValidCodePoint(c)) {
                throw new IllegalArgumentException(Integer.toString(c));
            }
            length += Character.charCount(c);
        }
        char[] chars = new char[length];
        int at = 0;
        for (int k = offset; k < offset + count; k++) {
            int c = codePoints[k];
            if (Character.isBmpCodePoint(c)) {
                chars[at++] = (char) c;
            } else {
                chars[at++] = Character.highSurrogate(c);
                chars[at++] = Character.lowSurrogate(c);
            }
        }
        this.value = chars;
    }

    /**
     * Each byte is the low half of a char whose high half is {@code hibyte}'s low eight bits (the JDK 1.0 constructor
     * that the JDK's {@code java.lang.CharacterName} uses to build names from its ASCII pool).
     */
    @Deprecated(since = "1.1")
    public String(byte[] ascii, int hibyte, int offset, int count) {
        checkBoundsOffCount(offset, count, ascii.length);
        char[] chars = new char[count];
        int high = (hibyte & 0xFF) << 8;
        for (int i = 0; i < count; i++) {
            chars[i] = (char) (high | ascii[offset + i] & 0xFF);
        }
        this.value = chars;
    }

    /** Decodes UTF-8, the default charset. */
    public String(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public String(byte[] bytes, int offset, int length) {
        checkBoundsOffCount(offset, length, bytes.length);
        this.value = decodeUtf8(bytes, offset, length);
    }

    /** Decodes with {@code charset}; malformed and unmappable input becomes its replacement, as the JDK's. */
    public String(byte[] bytes, java.nio.charset.Charset charset) {
        this(bytes, 0, bytes.length, charset);
    }

    public String(byte[] bytes, int offset, int length, java.nio.charset.Charset charset) {
        if (charset == null) {
            throw new NullPointerException("charset");
        }
        checkBoundsOffCount(offset, length, bytes.length);
        this.value = decode(charset, bytes, offset, length);
    }

    public String(byte[] bytes, String charsetName) throws java.io.UnsupportedEncodingException {
        this(bytes, 0, bytes.length, charsetNamed(charsetName));
    }

    public String(byte[] bytes, int offset, int length, String charsetName) throws java.io.UnsupportedEncodingException {
        this(bytes, offset, length, charsetNamed(charsetName));
    }

    public String(StringBuffer buffer) {
        this.value = buffer.toString().value;
    }

    public String(StringBuilder builder) {
        this.value = builder.toString().value;
    }

    /** Takes ownership of {@code value}, which the caller must not change afterwards. */
    String(char[] value, boolean shared) {
        this.value = value;
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public char charAt(int index) {
        if (index < 0 || index >= value.length) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return value[index];
    }

    public int codePointAt(int index) {
        if (index < 0 || index >= value.length) {
            throw new StringIndexOutOfBoundsException("index " + index + ", length " + value.length);
        }
        char high = value[index];
        if (Character.isHighSurrogate(high) && index + 1 < value.length && Character.isLowSurrogate(value[index + 1])) {
            return Character.toCodePoint(high, value[index + 1]);
        }
        return high;
    }

    /** The code point that ends just before {@code index}: a low surrogate there joins its high surrogate. */
    public int codePointBefore(int index) {
        if (index < 1 || index > value.length) {
            throw new StringIndexOutOfBoundsException(index);
        }
        return Character.codePointBefore(value, index);
    }

    /** How many code points {@code [beginIndex, endIndex)} holds, an unpaired surrogate counting as one. */
    public int codePointCount(int beginIndex, int endIndex) {
        if (beginIndex < 0 || beginIndex > endIndex || endIndex > value.length) {
            throw new IndexOutOfBoundsException();
        }
        return Character.codePointCount(value, beginIndex, endIndex - beginIndex);
    }

    /** The index {@code codePointOffset} code points away from {@code index} (backwards if negative). */
    public int offsetByCodePoints(int index, int codePointOffset) {
        if (index < 0 || index > value.length) {
            throw new IndexOutOfBoundsException();
        }
        return Character.offsetByCodePoints(this, index, codePointOffset);
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkBoundsBeginEnd(srcBegin, srcEnd, value.length);
        checkBoundsOffCount(dstBegin, srcEnd - srcBegin, dst.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, srcEnd - srcBegin);
    }

    /**
     * Encodes with {@code charset}: UTF-8 with Kiln's own encoder below, any other with the charset's encoder,
     * which replaces what it cannot map, as the JDK's String does.
     */
    public byte[] getBytes(java.nio.charset.Charset charset) {
        if (charset == null) {
            throw new NullPointerException();
        }
        if (charset.name().equals("UTF-8")) {
            return getBytes();
        }
        java.nio.ByteBuffer encoded = charset.encode(java.nio.CharBuffer.wrap(value));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }

    public byte[] getBytes(String charsetName) throws java.io.UnsupportedEncodingException {
        return getBytes(charsetNamed(charsetName));
    }

    /** The charset of that name, or the JDK's UnsupportedEncodingException naming it. */
    private static java.nio.charset.Charset charsetNamed(String charsetName) throws java.io.UnsupportedEncodingException {
        if (charsetName == null) {
            throw new NullPointerException("charsetName");
        }
        try {
            return java.nio.charset.Charset.forName(charsetName);
        } catch (IllegalArgumentException unknownOrIllegal) {
            throw new java.io.UnsupportedEncodingException(charsetName);
        }
    }

    private static char[] decode(java.nio.charset.Charset charset, byte[] bytes, int offset, int length) {
        if (charset.name().equals("UTF-8")) {
            return decodeUtf8(bytes, offset, length);
        }
        java.nio.CharBuffer decoded = charset.decode(java.nio.ByteBuffer.wrap(bytes, offset, length));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        return chars;
    }

    /** Encodes UTF-8, the default charset; an unpaired surrogate becomes '?', as the JDK's encoder does. */
    public byte[] getBytes() {
        int length = 0;
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (isSurrogatePairAt(i)) {
                length += 4;
                i++;
            } else {
                length += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        byte[] bytes = new byte[length];
        int n = 0;
        for (int i = 0; i < value.length; i++) {
            char c = value[i];
            if (c < 0x80) {
                bytes[n++] = (byte) c;
            } else if (c < 0x800) {
                bytes[n++] = (byte) (0xC0 | c >> 6);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            } else if (isSurrogatePairAt(i)) {
                int codePoint = Character.toCodePoint(c, value[++i]);
                bytes[n++] = (byte) (0xF0 | codePoint >> 18);
                bytes[n++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[n++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[n++] = '?';
            } else {
                bytes[n++] = (byte) (0xE0 | c >> 12);
                bytes[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return bytes;
    }

    private boolean isSurrogatePairAt(int i) {
        return Character.isHighSurrogate(value[i]) && i + 1 < value.length && Character.isLowSurrogate(value[i + 1]);
    }

    /**
     * UTF-8 to UTF-16. A malformed sequence becomes one U+FFFD per maximal valid prefix (Unicode 14 §3.9,
     * "U+FFFD Substitution of Maximal Subparts"); the second-byte bounds below exclude overlong forms and code
     * points above U+10FFFF (Unicode Table 3-7). One exception, as HotSpot decodes: an encoded surrogate
     * ({@code ED A0..BF 80..BF}, or a prefix of one) is a single U+FFFD, not one per byte.
     */
    private static char[] decodeUtf8(byte[] bytes, int offset, int length) {
        char[] chars = new char[length]; // never more UTF-16 units than bytes
        int n = 0;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int lead = bytes[i++] & 0xFF;
            if (lead < 0x80) {
                chars[n++] = (char) lead;
                continue;
            }
            int continuations;
            int codePoint;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuations = 1;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuations = 2;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuations = 3;
                codePoint = lead & 0x07;
            } else {
                chars[n++] = '\uFFFD';
                continue;
            }
            int lower = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
            int upper = lead == 0xF4 ? 0x8F : 0xBF;
            int seen = 0;
            while (seen < continuations && i < end) {
                int next = bytes[i] & 0xFF;
                if (next < lower || next > upper) {
                    break;
                }
                codePoint = codePoint << 6 | next & 0x3F;
                i++;
                seen++;
                lower = 0x80;
                upper = 0xBF;
            }
            if (seen < continuations || Character.isSurrogate((char) codePoint) && continuations == 2) {
                chars[n++] = '\uFFFD';
            } else if (codePoint >= Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                chars[n++] = Character.highSurrogate(codePoint);
                chars[n++] = Character.lowSurrogate(codePoint);
            } else {
                chars[n++] = (char) codePoint;
            }
        }
        return n == chars.length ? chars : copyOfRange(chars, 0, n);
    }

    public boolean equals(Object anObject) {
        if (this == anObject) {
            return true;
        }
        if (!(anObject instanceof String other) || other.value.length != value.length) {
            return false;
        }
        char[] otherValue = other.value; // the two arrays directly: contentEquals makes two interface calls per char
        for (int i = 0; i < value.length; i++) {
            if (value[i] != otherValue[i]) {
                return false;
            }
        }
        return true;
    }

    public boolean contentEquals(StringBuffer sb) {
        return contentEquals((CharSequence) sb);
    }

    public boolean contentEquals(CharSequence cs) {
        if (cs.length() != value.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (value[i] != cs.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean equalsIgnoreCase(String anotherString) {
        return anotherString != null && anotherString.value.length == value.length
                && regionMatches(true, 0, anotherString, 0, value.length);
    }

    /** s[0]*31^(n-1) + s[1]*31^(n-2) + ... + s[n-1], in int arithmetic (overflow wraps), as in the JDK. */
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            for (char c : value) {
                h = 31 * h + c;
            }
            hash = h;
        }
        return h;
    }

    public int compareTo(String anotherString) {
        char[] other = anotherString.value;
        int common = Math.min(value.length, other.length);
        for (int i = 0; i < common; i++) {
            if (value[i] != other[i]) {
                return value[i] - other[i];
            }
        }
        return value.length - other.length;
    }

    /** Orders as {@link #compareToIgnoreCase}. */
    public static final java.util.Comparator<String> CASE_INSENSITIVE_ORDER = new CaseInsensitiveComparator();

    private static final class CaseInsensitiveComparator implements java.util.Comparator<String>, java.io.Serializable {
        @Override
        public int compare(String s1, String s2) {
            return s1.compareToIgnoreCase(s2);
        }
    }

    public int compareToIgnoreCase(String str) {
        char[] other = str.value;
        int common = Math.min(value.length, other.length);
        for (int i = 0; i < common; i++) {
            char c1 = value[i];
            char c2 = other[i];
            if (c1 != c2) {
                c1 = Character.toUpperCase(c1);
                c2 = Character.toUpperCase(c2);
                if (c1 != c2) {
                    c1 = Character.toLowerCase(c1);
                    c2 = Character.toLowerCase(c2);
                    if (c1 != c2) {
                        return c1 - c2;
                    }
                }
            }
        }
        return value.length - other.length;
    }

    /**
     * Compares without case mapping, so that {@link #startsWith} and {@link #endsWith}, which every image's kernel
     * uses, do not bring the Unicode case tables ({@code java.lang.CharacterData00} and the other planes') into it.
     */
    public boolean regionMatches(int toffset, String other, int ooffset, int len) {
        if (ooffset < 0 || toffset < 0 || toffset > (long) value.length - len || ooffset > (long) other.value.length - len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (value[toffset + i] != other.value[ooffset + i]) {
                return false;
            }
        }
        return true;
    }

    public boolean regionMatches(boolean ignoreCase, int toffset, String other, int ooffset, int len) {
        if (!ignoreCase) {
            return regionMatches(toffset, other, ooffset, len);
        }
        if (ooffset < 0 || toffset < 0 || toffset > (long) value.length - len || ooffset > (long) other.value.length - len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c1 = value[toffset + i];
            char c2 = other.value[ooffset + i];
            if (c1 == c2) {
                continue;
            }
            char u1 = Character.toUpperCase(c1);
            char u2 = Character.toUpperCase(c2);
            if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) {
                return false;
            }
        }
        return true;
    }

    public boolean startsWith(String prefix, int toffset) {
        return toffset >= 0 && toffset <= value.length - prefix.value.length
                && regionMatches(toffset, prefix, 0, prefix.value.length);
    }

    public boolean startsWith(String prefix) {
        return startsWith(prefix, 0);
    }

    public boolean endsWith(String suffix) {
        return startsWith(suffix, value.length - suffix.value.length);
    }

    public int indexOf(int ch) {
        return indexOf(ch, 0);
    }

    public int indexOf(int ch, int fromIndex) {
        if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            for (int i = Math.max(fromIndex, 0); i < value.length; i++) {
                if (value[i] == ch) {
                    return i;
                }
            }
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        return indexOf(new String(Character.toChars(ch), true), fromIndex);
    }

    public int lastIndexOf(int ch) {
        return lastIndexOf(ch, value.length - 1);
    }

    public int lastIndexOf(int ch, int fromIndex) {
        if (ch < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            for (int i = Math.min(fromIndex, value.length - 1); i >= 0; i--) {
                if (value[i] == ch) {
                    return i;
                }
            }
            return -1;
        }
        if (!Character.isValidCodePoint(ch)) {
            return -1;
        }
        return lastIndexOf(new String(Character.toChars(ch), true), fromIndex);
    }

    public int indexOf(String str) {
        return indexOf(str, 0);
    }

    public int indexOf(String str, int fromIndex) {
        return indexOf(value, value.length, str, fromIndex);
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(str, value.length);
    }

    public int lastIndexOf(String str, int fromIndex) {
        return lastIndexOf(value, value.length, str, fromIndex);
    }

    /**
     * {@link #indexOf(String, int)} over the first {@code sourceLength} chars of {@code source}; StringBuilder's too.
     * A loop over the chars looks for the first wanted char, and only where it is found compares the rest (a call):
     * {@code split(" ")} searches this way for every word.
     */
    static int indexOf(char[] source, int sourceLength, String target, int fromIndex) {
        char[] wanted = target.value;
        if (fromIndex >= sourceLength) {
            return wanted.length == 0 ? sourceLength : -1;
        }
        int from = fromIndex > 0 ? fromIndex : 0;
        if (wanted.length == 0) {
            return from;
        }
        char first = wanted[0];
        for (int i = from, last = sourceLength - wanted.length; i <= last; i++) {
            if (source[i] == first && matchesAt(source, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    static int lastIndexOf(char[] source, int sourceLength, String target, int fromIndex) {
        char[] wanted = target.value;
        for (int i = Math.min(fromIndex, sourceLength - wanted.length); i >= 0; i--) {
            if (matchesAt(source, i, wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matchesAt(char[] source, int at, char[] wanted) {
        for (int j = 0; j < wanted.length; j++) {
            if (source[at + j] != wanted[j]) {
                return false;
            }
        }
        return true;
    }

    public boolean contains(CharSequence s) {
        return indexOf(s.toString()) >= 0;
    }

    public String substring(int beginIndex) {
        return substring(beginIndex, value.length);
    }

    public String substring(int beginIndex, int endIndex) {
        checkBoundsBeginEnd(beginIndex, endIndex, value.length);
        if (beginIndex == 0 && endIndex == value.length) {
            return this;
        }
        return new String(copyOfRange(value, beginIndex, endIndex - beginIndex), true);
    }

    public CharSequence subSequence(int beginIndex, int endIndex) {
        return substring(beginIndex, endIndex);
    }

    public String concat(String str) {
        if (str.isEmpty()) {
            return this;
        }
        char[] chars = new char[value.length + str.value.length];
        System.arraycopy(value, 0, chars, 0, value.length);
        System.arraycopy(str.value, 0, chars, value.length, str.value.length);
        return new String(chars, true);
    }

    public String replace(char oldChar, char newChar) {
        if (oldChar == newChar || indexOf(oldChar) < 0) {
            return this;
        }
        char[] chars = value.clone();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == oldChar) {
                chars[i] = newChar;
            }
        }
        return new String(chars, true);
    }

    /** Replaces every occurrence, left to right; an empty target matches before every char and at the end. */
    public String replace(CharSequence target, CharSequence replacement) {
        String targetString = target.toString();
        String replacementString = replacement.toString();
        int match = indexOf(targetString);
        if (match < 0) {
            return this;
        }
        StringBuilder result = new StringBuilder(value.length + replacementString.length());
        if (targetString.isEmpty()) {
            for (char c : value) {
                result.append(replacementString).append(c);
            }
            return result.append(replacementString).toString();
        }
        int copied = 0;
        do {
            result.append(this, copied, match).append(replacementString);
            copied = match + targetString.length();
            match = indexOf(targetString, copied);
        } while (match >= 0);
        return result.append(this, copied, value.length).toString();
    }

    /** Removes leading and trailing chars up to U+0020, as the JDK does. */
    public String trim() {
        int begin = 0;
        int end = value.length;
        while (begin < end && value[begin] <= ' ') {
            begin++;
        }
        while (end > begin && value[end - 1] <= ' ') {
            end--;
        }
        return substring(begin, end);
    }

    public String strip() {
        int begin = leadingWhitespace();
        return begin == value.length ? "" : substring(begin, value.length - trailingWhitespace());
    }

    public String stripLeading() {
        return substring(leadingWhitespace());
    }

    public String stripTrailing() {
        return substring(0, value.length - trailingWhitespace());
    }

    /**
     * The lines of this string (JDK 11): split after each \n, \r or \r\n, terminators dropped; a final line
     * counts only if it is not empty.
     */
    public java.util.stream.Stream<String> lines() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < value.length) {
            char c = value[i];
            if (c == '\n' || c == '\r') {
                lines.add(new String(value, start, i - start));
                i += c == '\r' && i + 1 < value.length && value[i + 1] == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < value.length) {
            lines.add(new String(value, start, value.length - start));
        }
        return lines.stream();
    }

    /** {@code f.apply(this)} (JDK 12). */
    public <R> R transform(java.util.function.Function<? super String, ? extends R> f) {
        return f.apply(this);
    }

    public boolean isBlank() {
        return leadingWhitespace() == value.length;
    }

    private int leadingWhitespace() {
        int n = 0;
        while (n < value.length && Character.isWhitespace(value[n])) {
            n++;
        }
        return n;
    }

    private int trailingWhitespace() {
        int n = 0;
        while (n < value.length && Character.isWhitespace(value[value.length - 1 - n])) {
            n++;
        }
        return n;
    }

    /**
     * Unicode's full upper-case mapping of each code point, through the JDK's {@code Character} tables: one code point
     * may become several ('ß' becomes "SS", 'ﬁ' "FI": {@code Character.toUpperCaseCharArray}). The locale is
     * ignored: the Turkish, Azeri and Lithuanian rules of the JDK's {@code ConditionalSpecialCasing} are not applied.
     */
    public String toUpperCase() {
        StringBuilder upper = null;
        for (int i = 0; i < value.length; ) {
            int codePoint = codePointAt(i);
            int mapped = Character.toUpperCaseEx(codePoint);
            if (upper == null && mapped != codePoint) {
                upper = new StringBuilder(value.length + 8).append(this, 0, i);
            }
            if (upper != null) {
                if (mapped == Character.ERROR) {
                    upper.append(Character.toUpperCaseCharArray(codePoint));
                } else {
                    upper.appendCodePoint(mapped);
                }
            }
            i += Character.charCount(codePoint);
        }
        return upper == null ? this : upper.toString();
    }

    public String toUpperCase(Locale locale) {
        return toUpperCase();
    }

    /**
     * Unicode's lower-case mapping of each code point, through the JDK's {@code Character} tables, and the one
     * unconditional expansion of SpecialCasing.txt: 'İ' becomes "i̇". The locale and the context are ignored:
     * HotSpot maps a capital sigma at the end of a word to 'ς' (found with a {@code BreakIterator}, which would
     * bring the locale providers' break data into the image) and applies the Turkish, Azeri and Lithuanian rules.
     */
    public String toLowerCase() {
        StringBuilder lower = null;
        for (int i = 0; i < value.length; ) {
            int codePoint = codePointAt(i);
            int mapped = Character.toLowerCase(codePoint);
            if (lower == null && mapped != codePoint) {
                lower = new StringBuilder(value.length + 1).append(this, 0, i);
            }
            if (lower != null) {
                if (codePoint == '\u0130') {
                    lower.append("i\u0307");
                } else {
                    lower.appendCodePoint(mapped);
                }
            }
            i += Character.charCount(codePoint);
        }
        return lower == null ? this : lower.toString();
    }

    public String toLowerCase(Locale locale) {
        return toLowerCase();
    }

    public char[] toCharArray() {
        return value.clone();
    }

    public String[] split(String regex) {
        return split(regex, 0);
    }

    /**
     * Splits at each match of {@code regex}, following {@link java.util.regex.Pattern#split(CharSequence,
     * int)}: a positive limit caps the number of parts, zero also drops trailing empty parts. A separator
     * that matches literally (a regex without metacharacters, or a backslash followed by a char that is not
     * an ASCII letter or digit: the JDK's fast path) is searched for directly, without the regex engine.
     */
    public String[] split(String regex, int limit) {
        String separator = literalSeparator(regex);
        if (separator == null) {
            return java.util.regex.Pattern.compile(regex).split(this, limit);
        }
        String[] parts = new String[8];
        int count = 0;
        int partStart = 0;
        for (int match = nextSplit(separator, 0); match >= 0; match = nextSplit(separator, partStart)) {
            if (limit > 0 && count == limit - 1) {
                break;
            }
            if (count == parts.length) {
                parts = copyOf(parts, count * 2);
            }
            parts[count++] = substring(partStart, match);
            partStart = match + separator.length();
        }
        if (count == 0) {
            return new String[] {this};
        }
        if (count == parts.length) {
            parts = copyOf(parts, count + 1);
        }
        parts[count++] = substring(partStart);
        if (limit == 0) {
            while (count > 0 && parts[count - 1].isEmpty()) {
                count--;
            }
        }
        return copyOf(parts, count);
    }

    public boolean matches(String regex) {
        return java.util.regex.Pattern.matches(regex, this);
    }

    public String replaceAll(String regex, String replacement) {
        return java.util.regex.Pattern.compile(regex).matcher(this).replaceAll(replacement);
    }

    public String replaceFirst(String regex, String replacement) {
        return java.util.regex.Pattern.compile(regex).matcher(this).replaceFirst(replacement);
    }

    private static String literalSeparator(String regex) {
        if (regex.length() == 2 && regex.charAt(0) == '\\') {
            char escaped = regex.charAt(1);
            boolean asciiLetterOrDigit = escaped < 0x80 && Character.isLetterOrDigit(escaped);
            return asciiLetterOrDigit ? null : String.valueOf(escaped);
        }
        for (int i = 0; i < regex.length(); i++) {
            if (".$|()[{^?*+\\".indexOf(regex.charAt(i)) >= 0) {
                return null;
            }
        }
        return regex;
    }

    /**
     * Where the next part ends, searching from {@code from}. The empty separator matches between any two
     * chars and at the end, but not at the start (a zero-width match there yields no leading empty part).
     */
    private int nextSplit(String separator, int from) {
        if (separator.isEmpty()) {
            return from < value.length ? from + 1 : -1;
        }
        return indexOf(separator, from);
    }

    public static String join(CharSequence delimiter, CharSequence... elements) {
        if (delimiter == null) {
            throw new NullPointerException();
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                joined.append(delimiter);
            }
            joined.append(elements[i]);
        }
        return joined.toString();
    }

    public static String join(CharSequence delimiter, Iterable<? extends CharSequence> elements) {
        if (delimiter == null) {
            throw new NullPointerException();
        }
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (CharSequence element : elements) {
            if (!first) {
                joined.append(delimiter);
            }
            joined.append(element);
            first = false;
        }
        return joined.toString();
    }

    public String repeat(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        if (count == 1) {
            return this;
        }
        if (value.length == 0 || count == 0) {
            return "";
        }
        if (Integer.MAX_VALUE / count < value.length) {
            throw new OutOfMemoryError("Repeating " + value.length + " bytes String " + count
                    + " times will produce a String exceeding maximum size.");
        }
        char[] chars = new char[value.length * count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(value, 0, chars, i * value.length, value.length);
        }
        return new String(chars, true);
    }

    public String toString() {
        return this;
    }

    public String intern() {
        return Interned.canonical(this);
    }

    /**
     * The canonical strings (JLS §3.10.5): every literal in the image (found on the first {@link #intern}), then
     * each string {@code intern} found no equal of. Open addressing, linear probing, at most half full.
     */
    private static final class Interned {
        private static String[] table;
        private static int count;

        static {
            String[] literals = kiln.runtime.LibrarySupport.stringLiterals();
            int size = 64;
            while (size < 4 * literals.length) {
                size *= 2;
            }
            table = new String[size];
            for (String literal : literals) {
                canonical(literal);
            }
        }

        static synchronized String canonical(String s) {
            int i = slot(table, s);
            if (table[i] != null) {
                return table[i];
            }
            table[i] = s;
            if (++count * 2 > table.length) {
                String[] old = table;
                table = new String[old.length * 2];
                for (String t : old) {
                    if (t != null) {
                        table[slot(table, t)] = t;
                    }
                }
            }
            return s;
        }

        /** Where {@code s}, or a string equal to it, is in {@code table}, or the free slot where it goes. */
        private static int slot(String[] table, String s) {
            int mask = table.length - 1;
            int i = s.hashCode() & mask;
            while (table[i] != null && !table[i].equals(s)) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }

    /** Through the JDK's {@link java.util.Formatter}, in the default locale's format category. */
    public static String format(String format, Object... args) {
        return new java.util.Formatter().format(format, args).toString();
    }

    public static String format(Locale l, String format, Object... args) {
        return new java.util.Formatter(l).format(format, args).toString();
    }

    public String formatted(Object... args) {
        return new java.util.Formatter().format(this, args).toString();
    }

    public static String valueOf(Object obj) {
        return obj == null ? "null" : obj.toString();
    }

    public static String valueOf(char[] data) {
        return new String(data);
    }

    public static String valueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String copyValueOf(char[] data) {
        return new String(data);
    }

    public static String copyValueOf(char[] data, int offset, int count) {
        return new String(data, offset, count);
    }

    public static String valueOf(boolean b) {
        return b ? "true" : "false";
    }

    /** The JDK's {@code Character.toString(int)} calls this (package-private in the JDK's String too). */
    static String valueOfCodePoint(int codePoint) {
        return new String(Character.toChars(codePoint), true);
    }

    public static String valueOf(char c) {
        return new String(new char[] {c}, true);
    }

    public static String valueOf(int i) {
        return Integer.toString(i);
    }

    public static String valueOf(long l) {
        return Long.toString(l);
    }

    /** Delegates to {@link Float#toString(float)}, which Kiln does not substitute yet. */
    public static String valueOf(float f) {
        return Float.toString(f);
    }

    /** Delegates to {@link Double#toString(double)}, which Kiln does not substitute yet. */
    public static String valueOf(double d) {
        return Double.toString(d);
    }

    static void checkBoundsBeginEnd(int begin, int end, int length) {
        if (begin < 0 || begin > end || end > length) {
            throw new StringIndexOutOfBoundsException("begin " + begin + ", end " + end + ", length " + length);
        }
    }

    static void checkBoundsOffCount(int offset, int count, int length) {
        if (offset < 0 || count < 0 || offset > length - count) {
            throw new StringIndexOutOfBoundsException("offset " + offset + ", count " + count + ", length " + length);
        }
    }

    private static char[] copyOfRange(char[] chars, int offset, int count) {
        char[] copy = new char[count];
        System.arraycopy(chars, offset, copy, 0, count);
        return copy;
    }

    private static String[] copyOf(String[] strings, int length) {
        String[] copy = new String[length];
        System.arraycopy(strings, 0, copy, 0, Math.min(length, strings.length));
        return copy;
    }
}
