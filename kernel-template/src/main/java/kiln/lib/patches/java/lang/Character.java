package kiln.lib.patches.java.lang;

/**
 * The JDK's {@code java.lang.Character} with the methods that format a message replaced (see the compiler's
 * JdkMethodPatches): the JDK's {@code toChars} and {@code getName} build the message of their
 * {@code IllegalArgumentException} with {@code String.format("Not a valid Unicode code point: 0x%X", codePoint)}, and
 * {@code String.indexOf(int)}, {@code StringBuilder.appendCodePoint} and the JDK's regex parser ({@code \N{name}}
 * through {@code codePointOf}) call them, so every image that reaches them would carry {@code java.util.Formatter}
 * with its locale data (about 7,000 methods, README "Image formats and sizes") for an error message. These answer
 * what the JDK's do, with the message built by concatenation in {@link #toChars(int)}, which the others call to
 * throw it; {@code Character.UnicodeBlock.of} and {@code UnicodeScript.of} have the same patch (the classes next to
 * this one). The rest of the class, its Unicode tables included, stays the JDK's bytecode.
 */
public final class Character {
    private Character() {
    }

    /** {@code %X} of an int is its two's complement in upper-case hexadecimal. */
    public static char[] toChars(int codePoint) {
        if (java.lang.Character.isBmpCodePoint(codePoint)) {
            return new char[] {(char) codePoint};
        }
        if (!java.lang.Character.isValidCodePoint(codePoint)) {
            StringBuilder message = new StringBuilder("Not a valid Unicode code point: 0x");
            for (char digit : Integer.toHexString(codePoint).toCharArray()) {
                // upper-cased digit by digit: String.toUpperCase would bring the case tables into every image
                message.append(digit >= 'a' ? (char) (digit - 'a' + 'A') : digit);
            }
            throw new IllegalArgumentException(message.toString());
        }
        return new char[] {java.lang.Character.highSurrogate(codePoint), java.lang.Character.lowSurrogate(codePoint)};
    }

    /** Writes nothing unless it can write the whole code point (a pair: the low surrogate first, as the JDK does). */
    public static int toChars(int codePoint, char[] dst, int dstIndex) {
        if (java.lang.Character.isBmpCodePoint(codePoint)) {
            dst[dstIndex] = (char) codePoint;
            return 1;
        }
        char[] pair = java.lang.Character.toChars(codePoint);
        dst[dstIndex + 1] = pair[1];
        dst[dstIndex] = pair[0];
        return 2;
    }

    /**
     * The name in the Unicode Character Database's names list, else for an assigned code point its block's name
     * with spaces for underscores and its upper-case hexadecimal value ({@code "CJK UNIFIED IDEOGRAPHS 4E00"}), else
     * null, as the JDK's javadoc specifies.
     */
    public static String getName(int codePoint) {
        if (!java.lang.Character.isValidCodePoint(codePoint)) {
            java.lang.Character.toChars(codePoint); // throws the JDK's message
        }
        String listed = java.lang.CharacterNames.lookUp(codePoint);
        if (listed != null || java.lang.Character.getType(codePoint) == java.lang.Character.UNASSIGNED) {
            return listed;
        }
        String hex = Integer.toHexString(codePoint).toUpperCase(java.util.Locale.ROOT);
        java.lang.Character.UnicodeBlock block = java.lang.Character.UnicodeBlock.of(codePoint);
        return block == null ? hex : block.toString().replace('_', ' ') + " " + hex;
    }
}
