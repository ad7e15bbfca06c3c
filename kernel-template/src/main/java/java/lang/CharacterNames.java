package java.lang;

/**
 * Kiln's, not the JDK's: the one door from {@code kiln.lib.patches.java.lang.Character.getName} to the JDK's
 * package-private {@code java.lang.CharacterName} (the Unicode names of {@code uniName.dat}). The patch's code runs
 * inside {@code java.lang.Character}, where that class is accessible, but javac compiles it in the patch's own
 * package and would refuse the reference. <i>Rejected</i>: substituting the whole {@code Character} for one method.
 */
public final class CharacterNames {
    private CharacterNames() {
    }

    /** The name {@code uniName.dat} gives {@code codePoint}, or null (unnamed, e.g. CJK ideographs and unassigned). */
    public static String lookUp(int codePoint) {
        return CharacterName.getInstance().getName(codePoint);
    }
}
