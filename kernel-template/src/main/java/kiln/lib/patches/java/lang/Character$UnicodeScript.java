package kiln.lib.patches.java.lang;

/**
 * {@code Character.UnicodeScript.of(int)} without {@code String.format} in its error path (see {@link Character},
 * which throws the message). It searches the JDK's own table: {@code scriptStarts} and {@code scripts} stand for the
 * JDK class's private fields of those names (JdkMethodPatches); the rest of the class is the JDK's.
 */
public final class Character$UnicodeScript {
    /** Ascending first code points of the ranges of one script each; the first is 0. */
    private static int[] scriptStarts;
    private static java.lang.Character.UnicodeScript[] scripts;

    private Character$UnicodeScript() {
    }

    /** Unassigned code points are {@code UNKNOWN} whatever range they lie in, as the JDK's javadoc specifies. */
    public static java.lang.Character.UnicodeScript of(int codePoint) {
        if (!java.lang.Character.isValidCodePoint(codePoint)) {
            java.lang.Character.toChars(codePoint); // throws the JDK's message
        }
        if (java.lang.Character.getType(codePoint) == java.lang.Character.UNASSIGNED) {
            return java.lang.Character.UnicodeScript.UNKNOWN;
        }
        int found = java.util.Arrays.binarySearch(scriptStarts, codePoint);
        return scripts[found >= 0 ? found : -found - 2];
    }
}
