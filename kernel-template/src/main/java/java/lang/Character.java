package java.lang;

/**
 * A UTF-16 code unit, with the classification and case mapping of the Unicode Character Database for
 * ASCII and Latin-1 (U+0000..U+00FF) exactly as JDK 17 answers them. Above U+00FF only the surrogate and
 * code-point functions and {@link #isWhitespace} are complete; the letter, digit and case functions answer as
 * for an unassigned code point (false, -1, unchanged), and {@link #getType(int)} knows only surrogates, private
 * use and separators, until Kiln carries Unicode tables. Not provided yet: getName, codePointOf, isIdeographic,
 * UnicodeBlock and UnicodeScript (they need the Unicode name, block and script tables).
 */
public final class Character implements java.io.Serializable, Comparable<Character> {
    public static final int MIN_RADIX = 2;
    public static final int MAX_RADIX = 36;
    public static final char MIN_VALUE = '\u0000';
    public static final char MAX_VALUE = '\uFFFF';
    @SuppressWarnings("unchecked")
    public static final Class<Character> TYPE = (Class<Character>) Class.getPrimitiveClass("char");
    public static final char MIN_HIGH_SURROGATE = '\uD800';
    public static final char MAX_HIGH_SURROGATE = '\uDBFF';
    public static final char MIN_LOW_SURROGATE = '\uDC00';
    public static final char MAX_LOW_SURROGATE = '\uDFFF';
    public static final char MIN_SURROGATE = MIN_HIGH_SURROGATE;
    public static final char MAX_SURROGATE = MAX_LOW_SURROGATE;
    public static final int MIN_SUPPLEMENTARY_CODE_POINT = 0x010000;
    public static final int MIN_CODE_POINT = 0x000000;
    public static final int MAX_CODE_POINT = 0X10FFFF;
    // General categories (getType) and directionalities, with the JDK's values (Unicode §4.5, UAX #9)
    public static final byte UNASSIGNED = 0;
    public static final byte UPPERCASE_LETTER = 1;
    public static final byte LOWERCASE_LETTER = 2;
    public static final byte TITLECASE_LETTER = 3;
    public static final byte MODIFIER_LETTER = 4;
    public static final byte OTHER_LETTER = 5;
    public static final byte NON_SPACING_MARK = 6;
    public static final byte ENCLOSING_MARK = 7;
    public static final byte COMBINING_SPACING_MARK = 8;
    public static final byte DECIMAL_DIGIT_NUMBER = 9;
    public static final byte LETTER_NUMBER = 10;
    public static final byte OTHER_NUMBER = 11;
    public static final byte SPACE_SEPARATOR = 12;
    public static final byte LINE_SEPARATOR = 13;
    public static final byte PARAGRAPH_SEPARATOR = 14;
    public static final byte CONTROL = 15;
    public static final byte FORMAT = 16;
    public static final byte PRIVATE_USE = 18;
    public static final byte SURROGATE = 19;
    public static final byte DASH_PUNCTUATION = 20;
    public static final byte START_PUNCTUATION = 21;
    public static final byte END_PUNCTUATION = 22;
    public static final byte CONNECTOR_PUNCTUATION = 23;
    public static final byte OTHER_PUNCTUATION = 24;
    public static final byte MATH_SYMBOL = 25;
    public static final byte CURRENCY_SYMBOL = 26;
    public static final byte MODIFIER_SYMBOL = 27;
    public static final byte OTHER_SYMBOL = 28;
    public static final byte INITIAL_QUOTE_PUNCTUATION = 29;
    public static final byte FINAL_QUOTE_PUNCTUATION = 30;
    public static final byte DIRECTIONALITY_UNDEFINED = -1;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT = 0;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT = 1;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC = 2;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER = 3;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR = 4;
    public static final byte DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR = 5;
    public static final byte DIRECTIONALITY_ARABIC_NUMBER = 6;
    public static final byte DIRECTIONALITY_COMMON_NUMBER_SEPARATOR = 7;
    public static final byte DIRECTIONALITY_NONSPACING_MARK = 8;
    public static final byte DIRECTIONALITY_BOUNDARY_NEUTRAL = 9;
    public static final byte DIRECTIONALITY_PARAGRAPH_SEPARATOR = 10;
    public static final byte DIRECTIONALITY_SEGMENT_SEPARATOR = 11;
    public static final byte DIRECTIONALITY_WHITESPACE = 12;
    public static final byte DIRECTIONALITY_OTHER_NEUTRALS = 13;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING = 14;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE = 15;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING = 16;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE = 17;
    public static final byte DIRECTIONALITY_POP_DIRECTIONAL_FORMAT = 18;
    public static final byte DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE = 19;
    public static final byte DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE = 20;
    public static final byte DIRECTIONALITY_FIRST_STRONG_ISOLATE = 21;
    public static final byte DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE = 22;
    public static final int SIZE = 16;
    public static final int BYTES = 2;

    private final char value;

    private static final class Cache {
        static final Character[] VALUES = new Character[128];

        static {
            for (int i = 0; i < VALUES.length; i++) {
                VALUES[i] = new Character((char) i);
            }
        }
    }

    @Deprecated(since = "9")
    public Character(char value) {
        this.value = value;
    }

    public static Character valueOf(char c) {
        return c < 128 ? Cache.VALUES[c] : new Character(c);
    }

    public char charValue() {
        return value;
    }

    public int hashCode() {
        return value;
    }

    public static int hashCode(char value) {
        return value;
    }

    public boolean equals(Object obj) {
        return obj instanceof Character && value == ((Character) obj).value;
    }

    public String toString() {
        return String.valueOf(value);
    }

    public static String toString(char c) {
        return String.valueOf(c);
    }

    public static String toString(int codePoint) {
        return new String(toChars(codePoint), true);
    }

    public int compareTo(Character anotherCharacter) {
        return compare(value, anotherCharacter.value);
    }

    public static int compare(char x, char y) {
        return x - y;
    }

    public static char reverseBytes(char ch) {
        return (char) (((ch & 0xFF00) >> 8) | (ch << 8));
    }

    // Code points and surrogates (Unicode §3.9, UTF-16)

    public static boolean isValidCodePoint(int codePoint) {
        return codePoint >= MIN_CODE_POINT && codePoint <= MAX_CODE_POINT;
    }

    public static boolean isBmpCodePoint(int codePoint) {
        return codePoint >>> 16 == 0;
    }

    public static boolean isSupplementaryCodePoint(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT && codePoint <= MAX_CODE_POINT;
    }

    public static boolean isHighSurrogate(char ch) {
        return ch >= MIN_HIGH_SURROGATE && ch <= MAX_HIGH_SURROGATE;
    }

    public static boolean isLowSurrogate(char ch) {
        return ch >= MIN_LOW_SURROGATE && ch <= MAX_LOW_SURROGATE;
    }

    public static boolean isSurrogate(char ch) {
        return ch >= MIN_SURROGATE && ch <= MAX_SURROGATE;
    }

    public static boolean isSurrogatePair(char high, char low) {
        return isHighSurrogate(high) && isLowSurrogate(low);
    }

    public static int charCount(int codePoint) {
        return codePoint >= MIN_SUPPLEMENTARY_CODE_POINT ? 2 : 1;
    }

    public static int toCodePoint(char high, char low) {
        return ((high - MIN_HIGH_SURROGATE) << 10) + (low - MIN_LOW_SURROGATE) + MIN_SUPPLEMENTARY_CODE_POINT;
    }

    public static char highSurrogate(int codePoint) {
        return (char) ((codePoint >>> 10) + (MIN_HIGH_SURROGATE - (MIN_SUPPLEMENTARY_CODE_POINT >>> 10)));
    }

    public static char lowSurrogate(int codePoint) {
        return (char) ((codePoint & 0x3ff) + MIN_LOW_SURROGATE);
    }

    public static char[] toChars(int codePoint) {
        if (isBmpCodePoint(codePoint)) {
            return new char[] {(char) codePoint};
        }
        if (isValidCodePoint(codePoint)) {
            return new char[] {highSurrogate(codePoint), lowSurrogate(codePoint)};
        }
        throw new IllegalArgumentException("Not a valid Unicode code point: 0x" + Integer.toHexString(codePoint).toUpperCase());
    }

    public static int toChars(int codePoint, char[] dst, int dstIndex) {
        if (isBmpCodePoint(codePoint)) {
            dst[dstIndex] = (char) codePoint;
            return 1;
        }
        if (isValidCodePoint(codePoint)) {
            dst[dstIndex + 1] = lowSurrogate(codePoint);
            dst[dstIndex] = highSurrogate(codePoint);
            return 2;
        }
        throw new IllegalArgumentException("Not a valid Unicode code point: 0x" + Integer.toHexString(codePoint).toUpperCase());
    }

    public static int codePointAt(CharSequence seq, int index) {
        char high = seq.charAt(index);
        if (isHighSurrogate(high) && ++index < seq.length()) {
            char low = seq.charAt(index);
            if (isLowSurrogate(low)) {
                return toCodePoint(high, low);
            }
        }
        return high;
    }

    public static int codePointAt(char[] a, int index) {
        return codePointAtUnchecked(a, index, a.length);
    }

    public static int codePointAt(char[] a, int index, int limit) {
        if (index >= limit || index < 0 || limit > a.length) {
            throw new IndexOutOfBoundsException();
        }
        return codePointAtUnchecked(a, index, limit);
    }

    private static int codePointAtUnchecked(char[] a, int index, int limit) {
        char high = a[index];
        if (isHighSurrogate(high) && ++index < limit) {
            char low = a[index];
            if (isLowSurrogate(low)) {
                return toCodePoint(high, low);
            }
        }
        return high;
    }

    public static int codePointBefore(CharSequence seq, int index) {
        char low = seq.charAt(--index);
        if (isLowSurrogate(low) && index > 0) {
            char high = seq.charAt(--index);
            if (isHighSurrogate(high)) {
                return toCodePoint(high, low);
            }
        }
        return low;
    }

    public static int codePointBefore(char[] a, int index) {
        return codePointBeforeUnchecked(a, index, 0);
    }

    public static int codePointBefore(char[] a, int index, int start) {
        if (index <= start || start < 0 || start >= a.length) {
            throw new IndexOutOfBoundsException();
        }
        return codePointBeforeUnchecked(a, index, start);
    }

    private static int codePointBeforeUnchecked(char[] a, int index, int start) {
        char low = a[--index];
        if (isLowSurrogate(low) && index > start) {
            char high = a[--index];
            if (isHighSurrogate(high)) {
                return toCodePoint(high, low);
            }
        }
        return low;
    }

    /** Unpaired surrogates count as one code point each. */
    public static int codePointCount(CharSequence seq, int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > seq.length() || beginIndex > endIndex) {
            throw new IndexOutOfBoundsException();
        }
        int count = endIndex - beginIndex;
        for (int i = beginIndex; i < endIndex; ) {
            if (isHighSurrogate(seq.charAt(i++)) && i < endIndex && isLowSurrogate(seq.charAt(i))) {
                count--;
                i++;
            }
        }
        return count;
    }

    public static int codePointCount(char[] a, int offset, int count) {
        if (count > a.length - offset || offset < 0 || count < 0) {
            throw new IndexOutOfBoundsException();
        }
        int endIndex = offset + count;
        int codePoints = count;
        for (int i = offset; i < endIndex; ) {
            if (isHighSurrogate(a[i++]) && i < endIndex && isLowSurrogate(a[i])) {
                codePoints--;
                i++;
            }
        }
        return codePoints;
    }

    public static int offsetByCodePoints(CharSequence seq, int index, int codePointOffset) {
        int length = seq.length();
        if (index < 0 || index > length) {
            throw new IndexOutOfBoundsException();
        }
        int x = index;
        if (codePointOffset >= 0) {
            int i;
            for (i = 0; x < length && i < codePointOffset; i++) {
                if (isHighSurrogate(seq.charAt(x++)) && x < length && isLowSurrogate(seq.charAt(x))) {
                    x++;
                }
            }
            if (i < codePointOffset) {
                throw new IndexOutOfBoundsException();
            }
        } else {
            int i;
            for (i = codePointOffset; x > 0 && i < 0; i++) {
                if (isLowSurrogate(seq.charAt(--x)) && x > 0 && isHighSurrogate(seq.charAt(x - 1))) {
                    x--;
                }
            }
            if (i < 0) {
                throw new IndexOutOfBoundsException();
            }
        }
        return x;
    }

    /** Moves within {@code a[start, start + count)} only. */
    public static int offsetByCodePoints(char[] a, int start, int count, int index, int codePointOffset) {
        if (count > a.length - start || start < 0 || count < 0 || index < start || index > start + count) {
            throw new IndexOutOfBoundsException();
        }
        int x = index;
        if (codePointOffset >= 0) {
            int limit = start + count;
            int i;
            for (i = 0; x < limit && i < codePointOffset; i++) {
                if (isHighSurrogate(a[x++]) && x < limit && isLowSurrogate(a[x])) {
                    x++;
                }
            }
            if (i < codePointOffset) {
                throw new IndexOutOfBoundsException();
            }
        } else {
            int i;
            for (i = codePointOffset; x > start && i < 0; i++) {
                if (isLowSurrogate(a[--x]) && x > start && isHighSurrogate(a[x - 1])) {
                    x--;
                }
            }
            if (i < 0) {
                throw new IndexOutOfBoundsException();
            }
        }
        return x;
    }

    // General category: Latin-1 exact, see the class comment

    /**
     * {@link #getType} of U+0000..U+00FF, one char each: {@code '0' + category}. Generated from JDK 17's
     * Character.getType (Unicode 13.0).
     */
    private static final String LATIN1_TYPES =
            "????????????????????????????????<HHHJHHHEFHIHDHH9999999999HHIIIHH11111111111111111111111111EHFKGK2222"
            + "2222222222222222222222EIFI?????????????????????????????????<HJJJJLHKL5MI@LKLI;;K2HHK;5N;;;H1111111111"
            + "1111111111111I1111111222222222222222222222222I22222222";

    public static int getType(char ch) {
        return getType((int) ch);
    }

    /**
     * Exact for Latin-1. Above it Kiln carries no category table: surrogate code units answer SURROGATE,
     * the private use areas PRIVATE_USE, the separators {@link #isSpaceChar} knows their separator
     * category, and everything else UNASSIGNED, consistent with isLetter and isDigit answering false there.
     */
    public static int getType(int codePoint) {
        if (codePoint >= 0 && codePoint <= 0xFF) {
            return LATIN1_TYPES.charAt(codePoint) - '0';
        }
        if (codePoint >= MIN_SURROGATE && codePoint <= MAX_SURROGATE) {
            return SURROGATE;
        }
        if (codePoint >= 0xE000 && codePoint <= 0xF8FF || codePoint >= 0xF0000 && codePoint <= 0xFFFFD
                || codePoint >= 0x100000 && codePoint <= 0x10FFFD) {
            return PRIVATE_USE;
        }
        if (codePoint == 0x2028) {
            return LINE_SEPARATOR;
        }
        if (codePoint == 0x2029) {
            return PARAGRAPH_SEPARATOR;
        }
        if (isSpaceChar(codePoint)) {
            return SPACE_SEPARATOR;
        }
        return UNASSIGNED;
    }

    /**
     * {@link #getDirectionality} of U+0000..U+00FF, one char each: {@code 'A' + directionality}. Generated from
     * JDK 17's Character.getDirectionality.
     */
    private static final String LATIN1_DIRECTIONALITIES =
            "JJJJJJJJJLKLMKJJJJJJJJJJJJJJKKKLMNNFFFNNNNNEHEHHDDDDDDDDDDHNNNNNNAAAAAAAAAAAAAAAAAAAAAAAAAANNNNNNAAA"
            + "AAAAAAAAAAAAAAAAAAAAAAANNNNJJJJJJKJJJJJJJJJJJJJJJJJJJJJJJJJJHNFFFFNNNNANNJNNFFDDNANNNDANNNNNAAAAAAAA"
            + "AAAAAAAAAAAAAAANAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAANAAAAAAAA";

    public static byte getDirectionality(char ch) {
        return getDirectionality((int) ch);
    }

    /**
     * Exact for Latin-1 (UAX #9 bidirectional classes). Above it, follows {@link #getType(int)}: surrogates and
     * private use are LEFT_TO_RIGHT, the separators WHITESPACE or PARAGRAPH_SEPARATOR, the rest UNDEFINED.
     */
    public static byte getDirectionality(int codePoint) {
        if (codePoint >= 0 && codePoint <= 0xFF) {
            return (byte) (LATIN1_DIRECTIONALITIES.charAt(codePoint) - 'A');
        }
        switch (getType(codePoint)) {
            case SURROGATE: case PRIVATE_USE: return DIRECTIONALITY_LEFT_TO_RIGHT;
            case PARAGRAPH_SEPARATOR: return DIRECTIONALITY_PARAGRAPH_SEPARATOR;
            case LINE_SEPARATOR: case SPACE_SEPARATOR: return DIRECTIONALITY_WHITESPACE;
            default: return DIRECTIONALITY_UNDEFINED;
        }
    }

    public static boolean isDefined(char ch) {
        return isDefined((int) ch);
    }

    /** Every Latin-1 code point is defined; above Latin-1 see {@link #getType(int)}. */
    public static boolean isDefined(int codePoint) {
        return getType(codePoint) != UNASSIGNED;
    }

    public static boolean isTitleCase(char ch) {
        return isTitleCase((int) ch);
    }

    /** No title-case letters exist in Latin-1 (the first is U+01C5); Kiln knows none above it yet. */
    public static boolean isTitleCase(int codePoint) {
        return false;
    }

    public static boolean isMirrored(char ch) {
        return isMirrored((int) ch);
    }

    /** The Latin-1 brackets ( ) < > [ ] { } and guillemets « »; false above Latin-1 (no table yet). */
    public static boolean isMirrored(int codePoint) {
        switch (codePoint) {
            case '(': case ')': case '<': case '>': case '[': case ']': case '{': case '}': case 0xAB: case 0xBB:
                return true;
            default:
                return false;
        }
    }

    @Deprecated(since = "1.1")
    public static boolean isSpace(char ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\f' || ch == '\r';
    }

    @Deprecated(since = "1.1")
    public static boolean isJavaLetter(char ch) {
        return isJavaIdentifierStart(ch);
    }

    @Deprecated(since = "1.1")
    public static boolean isJavaLetterOrDigit(char ch) {
        return isJavaIdentifierPart(ch);
    }

    public static boolean isIdentifierIgnorable(char ch) {
        return isIdentifierIgnorable((int) ch);
    }

    /** Controls that are not whitespace, and FORMAT characters (in Latin-1 only the soft hyphen U+00AD). */
    public static boolean isIdentifierIgnorable(int codePoint) {
        return codePoint >= 0 && codePoint <= 8 || codePoint >= 0x0E && codePoint <= 0x1B
                || codePoint >= 0x7F && codePoint <= 0x9F || getType(codePoint) == FORMAT;
    }

    public static boolean isUnicodeIdentifierStart(char ch) {
        return isUnicodeIdentifierStart((int) ch);
    }

    /** UAX #31 ID_Start: in Latin-1 exactly the letters. */
    public static boolean isUnicodeIdentifierStart(int codePoint) {
        return isLetter(codePoint);
    }

    public static boolean isUnicodeIdentifierPart(char ch) {
        return isUnicodeIdentifierPart((int) ch);
    }

    /** UAX #31 ID_Continue (letters, digits, '_', the middle dot U+00B7) plus the identifier-ignorables. */
    public static boolean isUnicodeIdentifierPart(int codePoint) {
        return isLetterOrDigit(codePoint) || codePoint == '_' || codePoint == 0xB7 || isIdentifierIgnorable(codePoint);
    }

    // Classification: Latin-1 exact, see the class comment

    public static boolean isDigit(char ch) {
        return isDigit((int) ch);
    }

    public static boolean isDigit(int codePoint) {
        return codePoint >= '0' && codePoint <= '9';
    }

    public static boolean isLetter(char ch) {
        return isLetter((int) ch);
    }

    public static boolean isLetter(int codePoint) {
        return isUpperCase(codePoint) || isLowerCase(codePoint); // in Latin-1 every letter has a case (ª, º included)
    }

    public static boolean isLetterOrDigit(char ch) {
        return isLetterOrDigit((int) ch);
    }

    public static boolean isLetterOrDigit(int codePoint) {
        return isLetter(codePoint) || isDigit(codePoint);
    }

    public static boolean isAlphabetic(int codePoint) {
        return isLetter(codePoint);
    }

    public static boolean isUpperCase(char ch) {
        return isUpperCase((int) ch);
    }

    /** A-Z, À-Ö, Ø-Þ. */
    public static boolean isUpperCase(int codePoint) {
        return codePoint >= 'A' && codePoint <= 'Z'
                || codePoint >= 0xC0 && codePoint <= 0xDE && codePoint != 0xD7;
    }

    public static boolean isLowerCase(char ch) {
        return isLowerCase((int) ch);
    }

    /** a-z, ª, µ, º, ß-ö, ø-ÿ. */
    public static boolean isLowerCase(int codePoint) {
        return codePoint >= 'a' && codePoint <= 'z'
                || codePoint == 0xAA || codePoint == 0xB5 || codePoint == 0xBA
                || codePoint >= 0xDF && codePoint <= 0xFF && codePoint != 0xF7;
    }

    /**
     * Java whitespace: Unicode space separators except the no-break ones (U+00A0, U+2007, U+202F), line
     * and paragraph separators, and the controls \t \n U+000B \f \r U+001C..U+001F. Complete for all of Unicode.
     */
    public static boolean isWhitespace(char ch) {
        return isWhitespace((int) ch);
    }

    public static boolean isWhitespace(int codePoint) {
        return codePoint == ' ' || codePoint >= 0x09 && codePoint <= 0x0D || codePoint >= 0x1C && codePoint <= 0x1F
                || codePoint == 0x1680 || codePoint >= 0x2000 && codePoint <= 0x2006
                || codePoint >= 0x2008 && codePoint <= 0x200A || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x205F || codePoint == 0x3000;
    }

    public static boolean isSpaceChar(char ch) {
        return isSpaceChar((int) ch);
    }

    public static boolean isSpaceChar(int codePoint) {
        return codePoint == ' ' || codePoint == 0xA0 || codePoint == 0x1680 || codePoint >= 0x2000 && codePoint <= 0x200A
                || codePoint == 0x2028 || codePoint == 0x2029 || codePoint == 0x202F || codePoint == 0x205F
                || codePoint == 0x3000;
    }

    public static boolean isISOControl(char ch) {
        return isISOControl((int) ch);
    }

    public static boolean isISOControl(int codePoint) {
        return codePoint >= 0 && codePoint <= 0x1F || codePoint >= 0x7F && codePoint <= 0x9F;
    }

    public static boolean isJavaIdentifierStart(char ch) {
        return isJavaIdentifierStart((int) ch);
    }

    public static boolean isJavaIdentifierStart(int codePoint) {
        return isLetter(codePoint) || codePoint == '$' || codePoint == '_'
                || codePoint == 0xA2 || codePoint == 0xA3 || codePoint == 0xA4 || codePoint == 0xA5; // currency symbols
    }

    public static boolean isJavaIdentifierPart(char ch) {
        return isJavaIdentifierPart((int) ch);
    }

    /** Also the "ignorable" controls U+0000..U+0008, U+000E..U+001B, U+007F..U+009F and the soft hyphen U+00AD. */
    public static boolean isJavaIdentifierPart(int codePoint) {
        return isJavaIdentifierStart(codePoint) || isDigit(codePoint)
                || codePoint >= 0 && codePoint <= 8 || codePoint >= 0x0E && codePoint <= 0x1B
                || codePoint >= 0x7F && codePoint <= 0x9F || codePoint == 0xAD;
    }

    public static char toUpperCase(char ch) {
        return (char) toUpperCase((int) ch);
    }

    /** µ maps to U+039C and ÿ to U+0178 (outside Latin-1); ß has no one-char upper case and stays. */
    public static int toUpperCase(int codePoint) {
        if (codePoint >= 'a' && codePoint <= 'z' || codePoint >= 0xE0 && codePoint <= 0xFE && codePoint != 0xF7) {
            return codePoint - 32;
        }
        if (codePoint == 0xB5) {
            return 0x039C;
        }
        if (codePoint == 0xFF) {
            return 0x0178;
        }
        return codePoint;
    }

    public static char toLowerCase(char ch) {
        return (char) toLowerCase((int) ch);
    }

    public static int toLowerCase(int codePoint) {
        if (codePoint >= 'A' && codePoint <= 'Z' || codePoint >= 0xC0 && codePoint <= 0xDE && codePoint != 0xD7) {
            return codePoint + 32;
        }
        return codePoint;
    }

    public static char toTitleCase(char ch) {
        return toUpperCase(ch);
    }

    /** Title case differs from upper case only for digraphs outside Latin-1, which Kiln does not map yet. */
    public static int toTitleCase(int codePoint) {
        return toUpperCase(codePoint);
    }

    public static int digit(char ch, int radix) {
        return digit((int) ch, radix);
    }

    /** 0-9, a-z, A-Z as digits of {@code radix}; -1 if not one (the fullwidth and other Unicode digits are not known). */
    public static int digit(int codePoint, int radix) {
        if (radix < MIN_RADIX || radix > MAX_RADIX) {
            return -1;
        }
        int value;
        if (codePoint >= '0' && codePoint <= '9') {
            value = codePoint - '0';
        } else if (codePoint >= 'a' && codePoint <= 'z') {
            value = codePoint - 'a' + 10;
        } else if (codePoint >= 'A' && codePoint <= 'Z') {
            value = codePoint - 'A' + 10;
        } else {
            return -1;
        }
        return value < radix ? value : -1;
    }

    public static int getNumericValue(char ch) {
        return getNumericValue((int) ch);
    }

    /** Digits and letters as in {@link #digit}; the superscripts ¹ ² ³ are 1-3, the fractions ¼ ½ ¾ are -2 (not an integer). */
    public static int getNumericValue(int codePoint) {
        switch (codePoint) {
            case 0xB9: return 1;
            case 0xB2: return 2;
            case 0xB3: return 3;
            case 0xBC: case 0xBD: case 0xBE: return -2;
            default: return digit(codePoint, MAX_RADIX);
        }
    }

    public static char forDigit(int digit, int radix) {
        if (digit >= radix || digit < 0 || radix < MIN_RADIX || radix > MAX_RADIX) {
            return '\0';
        }
        return (char) (digit < 10 ? '0' + digit : 'a' - 10 + digit);
    }
}
