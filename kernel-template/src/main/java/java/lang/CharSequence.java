package java.lang;

/** As in JDK 17, without the stream-returning defaults {@code chars()} and {@code codePoints()}. */
public interface CharSequence {
    int length();

    char charAt(int index);

    default boolean isEmpty() {
        return length() == 0;
    }

    CharSequence subSequence(int start, int end);

    /** The chars as ints (JDK 8); built eagerly, the sequence is read once. */
    default java.util.stream.IntStream chars() {
        int[] chars = new int[length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = charAt(i);
        }
        return java.util.Arrays.stream(chars);
    }

    /** The code points, a surrogate pair counting as one and a lone surrogate as itself (JDK 8). */
    default java.util.stream.IntStream codePoints() {
        int length = length();
        int[] codePoints = new int[length];
        int count = 0;
        for (int i = 0; i < length; i++) {
            char c = charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(charAt(i + 1))) {
                codePoints[count++] = Character.toCodePoint(c, charAt(++i));
            } else {
                codePoints[count++] = c;
            }
        }
        return java.util.Arrays.stream(codePoints, 0, count);
    }

    String toString();

    static int compare(CharSequence cs1, CharSequence cs2) {
        if (cs1 == cs2) {
            return 0;
        }
        for (int i = 0, length = Math.min(cs1.length(), cs2.length()); i < length; i++) {
            char a = cs1.charAt(i);
            char b = cs2.charAt(i);
            if (a != b) {
                return a - b;
            }
        }
        return cs1.length() - cs2.length();
    }
}
