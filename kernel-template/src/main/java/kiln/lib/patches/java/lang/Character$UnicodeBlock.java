package kiln.lib.patches.java.lang;

/**
 * {@code Character.UnicodeBlock.of(int)} without {@code String.format} in its error path (see {@link Character},
 * which throws the message). It searches the JDK's own table: {@code blockStarts} and {@code blocks} stand for the
 * JDK class's private fields of those names (JdkMethodPatches); the rest of the class is the JDK's.
 */
public final class Character$UnicodeBlock {
    /** Ascending first code points; the last block runs to U+10FFFF. */
    private static int[] blockStarts;
    /** The block from each start on; null for a range that is no block. */
    private static java.lang.Character.UnicodeBlock[] blocks;

    private Character$UnicodeBlock() {
    }

    public static java.lang.Character.UnicodeBlock of(int codePoint) {
        if (!java.lang.Character.isValidCodePoint(codePoint)) {
            java.lang.Character.toChars(codePoint); // throws the JDK's message
        }
        int found = java.util.Arrays.binarySearch(blockStarts, codePoint);
        return blocks[found >= 0 ? found : -found - 2]; // the last start at or below codePoint (blockStarts[0] is 0)
    }
}
