package kiln.test.programs;

import java.util.Locale;
import java.util.Scanner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Unicode character data beyond Latin-1: Character's classification and case mapping, regex classes, Scanner. */
public class UnicodeText {
    /** Prints with every char above ASCII escaped, so that the output does not depend on the console's encoding. */
    static void say(Object line) {
        StringBuilder escaped = new StringBuilder();
        for (char c : String.valueOf(line).toCharArray()) {
            if (c < 0x7f) {
                escaped.append(c);
            } else {
                escaped.append("\\u").append(Integer.toHexString(c));
            }
        }
        System.out.println(escaped);
    }

    static void character(int c) {
        say(Integer.toHexString(c) + " type=" + Character.getType(c) + " letter=" + Character.isLetter(c)
                + " digit=" + Character.isDigit(c) + "/" + Character.digit(c, 10) + " numeric=" + Character.getNumericValue(c)
                + " upper=" + Integer.toHexString(Character.toUpperCase(c)) + " lower=" + Integer.toHexString(Character.toLowerCase(c))
                + " title=" + Integer.toHexString(Character.toTitleCase(c)) + " isUpper=" + Character.isUpperCase(c)
                + " isLower=" + Character.isLowerCase(c) + " alpha=" + Character.isAlphabetic(c)
                + " ideo=" + Character.isIdeographic(c) + " javaStart=" + Character.isJavaIdentifierStart(c)
                + " space=" + Character.isSpaceChar(c) + "/" + Character.isWhitespace(c)
                + " dir=" + Character.getDirectionality(c) + " mirrored=" + Character.isMirrored(c)
                + " block=" + Character.UnicodeBlock.of(c) + " script=" + Character.UnicodeScript.of(c)
                + " name=" + Character.getName(c));
    }

    static void find(String regex, int flags, String input) {
        Matcher m = Pattern.compile(regex, flags).matcher(input);
        StringBuilder out = new StringBuilder(regex).append(':');
        while (m.find()) {
            out.append(" [").append(m.start()).append(',').append(m.end()).append(' ').append(m.group()).append(']');
        }
        say(out.append(" hitEnd=").append(m.hitEnd()));
    }

    public static void main(String[] args) {
        for (int c : new int[] {'A', 'e', 0xE9, 0xDF, 0xFF, 0x3BB, 0x3A3, 0x3C2, 0x1C5, 0x4E2D, 0x661, 0xFF11, 0x2167,
                0x1D400, 0x1F600, 0x10400, 0x2028, 0x3000, 0xE000, 0xD800, 0x378, 0x0301, 0x05D0, 0x20AC}) {
            character(c);
        }
        say(Character.codePointOf("GREEK SMALL LETTER LAMDA") + " " + Character.codePointOf("latin small letter e with acute")
                + " " + Character.getName(0x4E00) + " " + Character.toString(0x1F600).length() + " " + Character.isLetter('\u00e9'));
        for (int bad : new int[] {-1, 0x110000}) {
            try {
                Character.toChars(bad);
            } catch (IllegalArgumentException e) {
                say(e.getMessage());
            }
            try {
                Character.UnicodeScript.of(bad);
            } catch (IllegalArgumentException e) {
                say(e.getMessage());
            }
            try {
                Character.UnicodeBlock.of(bad);
            } catch (IllegalArgumentException e) {
                say(e.getMessage());
            }
            try {
                Character.getName(bad);
            } catch (IllegalArgumentException e) {
                say(e.getMessage());
            }
        }
        say(Character.UnicodeScript.forName("greek") + " " + Character.UnicodeBlock.forName("Basic Latin")
                + " " + Integer.parseInt("\u0661\u0662\u0663") + " " + Long.parseLong("\uff14\uff12"));
        // String's case mapping beyond Latin-1 (full mappings: one code point may become several).
        say("stra\u00dfe \ufb01ne \u03bb\u03cc\u03b3\u03bf\u03b9 \u01c6 \ud801\udc28 \u0149".toUpperCase());
        say("\u0130STANBUL \u039b\u038c\u0393\u039f\u0399 \u01c4 \ud801\udc00 \u00c9T\u00c9".toLowerCase());
        say("\u039b\u038c\u0393\u039f\u0399".equalsIgnoreCase("\u03bb\u03cc\u03b3\u03bf\u03b9") + " "
                + "\u00c9t\u00e9".compareToIgnoreCase("\u00e9T\u00c9") + " " + "ABC".toLowerCase() + "xyz".toUpperCase());
        // Regular expressions with Unicode classes, scripts, blocks and case folding.
        String text = "Straße café ΛΌΓΟΣ λόγος 中文 naïve ﬁne \uD835\uDC00x 42 \u0663\u0664";
        find("\\p{L}+", 0, text);
        find("\\p{IsGreek}+", 0, text);
        find("\\p{InCJKUnifiedIdeographs}+", 0, text);
        find("\\p{javaLowerCase}+", 0, text);
        find("\\p{Lu}\\p{Ll}*", 0, text);
        find("\\p{IsLatin}+", 0, text);
        find("\\p{Nd}+", 0, text);
        find("\\w+", Pattern.UNICODE_CHARACTER_CLASS, text);
        find("\\w+", 0, text);
        find("λόγος", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, text);
        find("λόγος", Pattern.CASE_INSENSITIVE, text);
        find("STRASSE|CAFÉ", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE, text);
        find("(?iu)Σ", 0, "σς Σ");
        find("\\N{GREEK SMALL LETTER LAMDA}", 0, text);
        find("e\u0301", Pattern.CANON_EQ, "caf\u00e9 cafe\u0301");
        find("\\X", 0, "e\u0301a\uD83D\uDE00");
        find("(?<=\\p{IsGreek})\\s", 0, text);
        find("(?<!\\d)\\d{2}(?!\\d)", 0, "1 22 333 44");
        Matcher named = Pattern.compile("(?<word>\\p{L}+)-(?<num>\\p{N}+)").matcher("αβ-\u0663\u0664 x-1");
        while (named.find()) {
            say(named.group("word") + " " + named.group("num") + " " + named.start("num"));
        }
        Matcher partial = Pattern.compile("abc\\d+").matcher("xx ab");
        say(partial.find() + " hitEnd=" + partial.hitEnd());
        Matcher full = Pattern.compile("\\d+").matcher("123");
        say(full.matches() + " hitEnd=" + full.hitEnd() + " requireEnd=" + full.requireEnd());
        Matcher early = Pattern.compile("a|ab").matcher("xa");
        say(early.find() + " hitEnd=" + early.hitEnd());
        // Scanner: locale-aware numbers, delimiters, findInLine.
        Scanner numbers = new Scanner("1,234 -5 3.5 1e3 true 0x1F 99999999999 NaN end").useLocale(Locale.US);
        say(numbers.nextInt() + " " + numbers.nextInt() + " " + numbers.nextDouble() + " "
                + numbers.hasNextDouble() + " " + numbers.next() + " " + numbers.nextBoolean() + " " + numbers.hasNextInt()
                + " " + numbers.next() + " " + numbers.hasNextInt() + " " + numbers.hasNextLong() + " " + numbers.nextLong()
                + " " + numbers.nextDouble() + " " + numbers.next() + " " + numbers.hasNext());
        Scanner delimited = new Scanner("a, b,,c ;d").useDelimiter("\\s*[,;]\\s*");
        StringBuilder tokens = new StringBuilder();
        while (delimited.hasNext()) {
            tokens.append('<').append(delimited.next()).append('>');
        }
        say(tokens + " " + delimited.delimiter());
        Scanner lines = new Scanner("name=Ada age=36\nname=Bob age=7\n");
        while (lines.hasNextLine()) {
            String name = lines.findInLine("name=(\\p{L}+)");
            say(name + " " + lines.match().group(1) + " " + lines.findInLine("\\d+") + " [" + lines.nextLine() + "]");
        }
        Scanner radix = new Scanner("ff 101 \u0664\u0662").useLocale(Locale.ENGLISH);
        say(radix.nextInt(16) + " " + radix.nextInt(2) + " " + radix.nextInt());
        try {
            new Scanner("x").nextInt();
        } catch (java.util.InputMismatchException e) {
            say("InputMismatchException " + e.getMessage());
        }
    }
}
