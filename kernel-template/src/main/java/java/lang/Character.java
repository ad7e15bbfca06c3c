package java.lang;

/**
 * A UTF-16 code unit, with the classification and case mapping of the Unicode Character Database for
 * ASCII and Latin-1 (U+0000..U+00FF) exactly as JDK 17 answers them. Above U+00FF only the surrogate
 * functions and {@link #isWhitespace} are complete; the letter, digit and case functions answer as for an
 * unassigned code point (false, -1, unchanged) until Kiln carries Unicode tables.
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
