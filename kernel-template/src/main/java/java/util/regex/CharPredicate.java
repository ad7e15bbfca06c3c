package java.util.regex;

/** Which chars one position of a pattern accepts: literals, classes, ranges and their combinations. */
interface CharPredicate {
    boolean test(int c);

    default CharPredicate union(CharPredicate other) {
        return c -> test(c) || other.test(c);
    }

    default CharPredicate and(CharPredicate other) {
        return c -> test(c) && other.test(c);
    }

    default CharPredicate negate() {
        return c -> !test(c);
    }

    static CharPredicate single(int wanted, int flags) {
        if ((flags & Pattern.CASE_INSENSITIVE) != 0 && hasOtherCase(wanted, flags)) {
            return c -> sameChar(wanted, c, flags);
        }
        return c -> c == wanted;
    }

    /**
     * A range; with CASE_INSENSITIVE a char also matches when its other case is in range (ASCII only,
     * unless UNICODE_CASE), as in the JDK.
     */
    static CharPredicate range(int low, int high, int flags) {
        if ((flags & Pattern.CASE_INSENSITIVE) == 0) {
            return c -> c >= low && c <= high;
        }
        boolean unicode = (flags & Pattern.UNICODE_CASE) != 0;
        return c -> (c >= low && c <= high) || inRange(upper(c, unicode), low, high)
                || inRange(lower(c, unicode), low, high);
    }

    private static boolean inRange(int c, int low, int high) {
        return c >= low && c <= high;
    }

    static boolean sameChar(int a, int b, int flags) {
        if (a == b) {
            return true;
        }
        if ((flags & Pattern.CASE_INSENSITIVE) == 0) {
            return false;
        }
        boolean unicode = (flags & Pattern.UNICODE_CASE) != 0;
        return upper(a, unicode) == upper(b, unicode) || lower(a, unicode) == lower(b, unicode);
    }

    private static boolean hasOtherCase(int c, int flags) {
        boolean unicode = (flags & Pattern.UNICODE_CASE) != 0;
        return upper(c, unicode) != c || lower(c, unicode) != c;
    }

    private static int upper(int c, boolean unicode) {
        if (unicode) {
            return Character.toUpperCase(c);
        }
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    }

    private static int lower(int c, boolean unicode) {
        if (unicode) {
            return Character.toLowerCase(c);
        }
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Any char but a line terminator (only '\n' with UNIX_LINES); any char at all with DOTALL. */
    static CharPredicate dot(int flags) {
        if ((flags & Pattern.DOTALL) != 0) {
            return c -> true;
        }
        if ((flags & Pattern.UNIX_LINES) != 0) {
            return c -> c != '\n';
        }
        return c -> c != '\n' && c != '\r' && c != '\u0085' && c != '\u2028' && c != '\u2029';
    }

    /** The predefined classes {@code \d \w \s \h \v} (and their negations by upper case), ASCII as in the JDK. */
    static CharPredicate predefined(char name) {
        CharPredicate positive;
        switch (Character.toLowerCase(name)) {
            case 'd':
                positive = c -> c >= '0' && c <= '9';
                break;
            case 'w':
                positive = c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                break;
            case 's':
                positive = c -> c == ' ' || (c >= '\t' && c <= '\r');
                break;
            case 'h':
                positive = c -> c == ' ' || c == '\t' || c == 0xA0 || c == 0x1680 || c == 0x180E
                        || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
                break;
            default:
                positive = c -> (c >= '\n' && c <= '\r') || c == 0x85 || c == 0x2028 || c == 0x2029;
                break;
        }
        return Character.isUpperCase(name) ? positive.negate() : positive;
    }

    /** The POSIX classes of {@code \p{...}} (US-ASCII only, as in the JDK), or null for other names. */
    static CharPredicate posix(String name) {
        switch (name) {
            case "Lower":
                return c -> c >= 'a' && c <= 'z';
            case "Upper":
                return c -> c >= 'A' && c <= 'Z';
            case "ASCII":
                return c -> c < 0x80;
            case "Alpha":
                return c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            case "Digit":
                return c -> c >= '0' && c <= '9';
            case "Alnum":
                return c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            case "Punct":
                return c -> c < 0x80 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
            case "Graph":
                return c -> c > ' ' && c < 0x7F;
            case "Print":
                return c -> c >= ' ' && c < 0x7F;
            case "Blank":
                return c -> c == ' ' || c == '\t';
            case "Cntrl":
                return c -> c < ' ' || c == 0x7F;
            case "XDigit":
                return c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            case "Space":
                return c -> c == ' ' || (c >= '\t' && c <= '\r');
            case "javaLowerCase":
                return c -> Character.isLowerCase(c);
            case "javaUpperCase":
                return c -> Character.isUpperCase(c);
            case "javaWhitespace":
                return c -> Character.isWhitespace(c);
            case "javaDigit":
                return c -> Character.isDigit(c);
            case "javaLetter":
                return c -> Character.isLetter(c);
            case "javaLetterOrDigit":
                return c -> Character.isLetterOrDigit(c);
            default:
                return null;
        }
    }

    /**
     * A few Unicode blocks for {@code \p{InX}}, by canonical name (Unicode's Blocks.txt), that name without
     * spaces, or the Character.UnicodeBlock constant's name, ignoring case as UnicodeBlock.forName does;
     * null for other blocks.
     */
    static CharPredicate block(String name) {
        String[] names = {"Basic Latin", "Latin-1 Supplement", "Latin Extended-A", "Latin Extended-B",
            "IPA Extensions", "Spacing Modifier Letters", "Combining Diacritical Marks", "Greek and Coptic", "Greek",
            "Cyrillic", "Latin Extended Additional", "General Punctuation", "Currency Symbols", "Hiragana",
            "Katakana", "CJK Unified Ideographs"};
        int[] ranges = {0x0000, 0x007F, 0x0080, 0x00FF, 0x0100, 0x017F, 0x0180, 0x024F, 0x0250, 0x02AF, 0x02B0,
            0x02FF, 0x0300, 0x036F, 0x0370, 0x03FF, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF, 0x2000, 0x206F,
            0x20A0, 0x20CF, 0x3040, 0x309F, 0x30A0, 0x30FF, 0x4E00, 0x9FFF};
        for (int k = 0; k < names.length; k++) {
            String canonical = names[k];
            String constant = canonical.replace(' ', '_').replace('-', '_');
            if (name.equalsIgnoreCase(canonical) || name.equalsIgnoreCase(canonical.replace(" ", ""))
                    || name.equalsIgnoreCase(constant)) {
                int low = ranges[2 * k];
                int high = ranges[2 * k + 1];
                return c -> c >= low && c <= high;
            }
        }
        return null;
    }
}
