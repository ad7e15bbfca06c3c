package kiln.test.programs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** StringBuffer's whole API, side by side with StringBuilder's, and regex replacement into a StringBuffer. */
public class StringBuffers {
    public static void main(String[] args) {
        StringBuffer sb = new StringBuffer();
        System.out.println("empty: [" + sb + "] length " + sb.length() + " capacity " + sb.capacity());
        sb.append(true).append(',').append('c').append(',').append(42).append(',').append(-7L).append(',')
                .append(1.5f).append(',').append(-0.25).append(',').append("str").append(',')
                .append((Object) Integer.valueOf(9)).append(',').append((String) null).append(',')
                .append((Object) null).append(',').append(new char[] {'x', 'y', 'z'}).append(',')
                .append(new char[] {'a', 'b', 'c', 'd'}, 1, 2).append(',').append((CharSequence) "seq").append(',')
                .append("0123456789", 3, 6).append(',').append((CharSequence) new StringBuilder("bld"))
                .append(',').append(new StringBuffer("buf")).append(',').append((StringBuffer) null)
                .appendCodePoint(0x1F600).append(Double.NaN);
        System.out.println(sb + " length " + sb.length());

        StringBuffer growth = new StringBuffer();
        StringBuilder growthBuilder = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            growth.append('x');
            growthBuilder.append('x');
            if (i % 8 == 0) {
                System.out.println("capacity after " + (i + 1) + ": " + growth.capacity() + " / " + growthBuilder.capacity());
            }
        }
        growth.ensureCapacity(500);
        System.out.println("ensured " + growth.capacity());
        growth.trimToSize();
        System.out.println("trimmed " + growth.capacity() + " " + new StringBuffer(5).capacity() + " "
                + new StringBuffer("abc").capacity() + " " + new StringBuffer((CharSequence) "ab").capacity());

        StringBuffer ins = new StringBuffer("middle");
        ins.insert(0, "<").insert(ins.length(), '>').insert(1, 3).insert(1, 4L).insert(1, true).insert(1, 2.5)
                .insert(1, 1.25f).insert(1, (Object) "obj").insert(1, new char[] {'p', 'q'})
                .insert(1, new char[] {'1', '2', '3', '4'}, 1, 2).insert(1, (CharSequence) "cs")
                .insert(1, "abcdef", 2, 4).insert(1, (String) null);
        System.out.println(ins);

        StringBuffer edit = new StringBuffer("Hello, wonderful world");
        edit.delete(7, 17);
        System.out.println(edit + "|" + edit.length());
        edit.deleteCharAt(0).replace(0, 4, "JELLO").replace(3, 100, "!");
        System.out.println(edit);
        edit.delete(2, 99);
        System.out.println(edit);
        edit.setLength(5);
        System.out.println(edit.length() + " " + (int) edit.charAt(4) + " " + edit.charAt(0));
        edit.setCharAt(4, 'Z');
        edit.setLength(2);
        System.out.println(edit + " " + edit.length());

        StringBuffer rev = new StringBuffer("ab\uD83D\uDE00cd");
        System.out.println(rev.reverse() + " " + (int) rev.charAt(2) + " " + (int) rev.charAt(3));

        StringBuffer points = new StringBuffer("a\uD83D\uDE00b\uDC00\uD800c");
        System.out.println(points.codePointAt(0) + " " + points.codePointAt(1) + " " + points.codePointAt(2) + " "
                + points.codePointAt(4) + " " + points.codePointAt(5) + " " + points.codePointBefore(3) + " "
                + points.codePointBefore(2) + " " + points.codePointBefore(7) + " " + points.codePointCount(0, 7) + " "
                + points.codePointCount(2, 6) + " " + points.offsetByCodePoints(0, 3) + " "
                + points.offsetByCodePoints(7, -5) + " " + points.offsetByCodePoints(2, 0) + " "
                + new StringBuilder("x\uD83D\uDE00").codePointAt(1));

        StringBuffer search = new StringBuffer("abcabcabc");
        System.out.println(search.indexOf("bc") + " " + search.indexOf("bc", 2) + " " + search.indexOf("zz") + " "
                + search.lastIndexOf("abc") + " " + search.lastIndexOf("abc", 5) + " " + search.indexOf(""));
        System.out.println(search.substring(3) + " " + search.substring(2, 5) + " " + search.subSequence(1, 4));
        char[] dst = new char[5];
        java.util.Arrays.fill(dst, '.');
        search.getChars(1, 4, dst, 1);
        System.out.println(new String(dst));

        StringBuffer buffer = new StringBuffer("same content \u00e9");
        StringBuilder builder = new StringBuilder("same content \u00e9");
        boolean sameChars = buffer.length() == builder.length();
        for (int i = 0; i < buffer.length() && sameChars; i++) {
            sameChars = buffer.charAt(i) == builder.charAt(i);
        }
        System.out.println("same chars " + sameChars + " " + buffer.toString().equals(builder.toString()) + " "
                + CharSequence.compare(buffer, builder) + " " + "same content \u00e9".contentEquals(buffer) + " "
                + "other".contentEquals(buffer) + " " + new String(buffer) + " " + new String(builder));
        System.out.println("compareTo " + new StringBuffer("abc").compareTo(new StringBuffer("abd")) + " "
                + new StringBuffer("abc").compareTo(new StringBuffer("ab")) + " "
                + new StringBuffer("x").compareTo(new StringBuffer("x")) + " "
                + new StringBuilder("b").compareTo(new StringBuilder("a")));
        System.out.println(new StringBuilder("sb:").append(new StringBuffer("buffer")).append((StringBuffer) null));
        System.out.println(buffer.isEmpty() + " " + new StringBuffer().isEmpty());

        Appendable appendable = new StringBuffer();
        try {
            appendable.append("via ").append('A').append("ppendable!", 0, 9);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        System.out.println(appendable);

        Matcher matcher = Pattern.compile("(\\w+)@(\\w+)").matcher("mail alice@home and bob@work now");
        StringBuffer replaced = new StringBuffer();
        while (matcher.find()) {
            matcher.appendReplacement(replaced, "$2[$1]");
        }
        System.out.println(matcher.appendTail(replaced));
        Matcher digits = Pattern.compile("\\d").matcher("a1b2c3");
        StringBuffer escaped = new StringBuffer("pre:");
        digits.find();
        digits.appendReplacement(escaped, "\\$");
        System.out.println(digits.appendTail(escaped));

        fails(() -> new StringBuffer("abc").charAt(3));
        fails(() -> new StringBuffer("abc").charAt(-1));
        fails(() -> new StringBuffer("abc").setCharAt(5, 'x'));
        fails(() -> new StringBuffer("abc").deleteCharAt(3));
        fails(() -> new StringBuffer("abc").delete(2, 1));
        fails(() -> new StringBuffer("abc").insert(4, "x"));
        fails(() -> new StringBuffer("abc").substring(2, 5));
        fails(() -> new StringBuffer("abc").setLength(-1));
        fails(() -> new StringBuffer("abc").replace(4, 5, "x"));
        fails(() -> new StringBuffer("abc").append(new char[2], 1, 3));
        fails(() -> new StringBuffer(-1));
        fails(() -> new StringBuffer("abc").codePointAt(3));
        fails(() -> new StringBuffer("abc").codePointBefore(0));
        failsWithout(() -> new StringBuffer("abc").codePointCount(2, 1));
        failsWithout(() -> new StringBuffer("abc").offsetByCodePoints(1, 3));
        failsWithout(() -> new StringBuffer("abc").offsetByCodePoints(4, 0));
        try {
            new StringBuffer((String) null);
        } catch (NullPointerException e) {
            System.out.println("NullPointerException"); // HotSpot's helpful message names javac's locals
        }
        fails(() -> Pattern.compile("a").matcher("a").appendReplacement(new StringBuffer(), "x"));
    }

    /** For exceptions whose message the JDK leaves to an implementation detail. */
    static void failsWithout(Runnable action) {
        try {
            action.run();
            System.out.println("no exception");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getName());
        }
    }

    static void fails(Runnable action) {
        try {
            action.run();
            System.out.println("no exception");
        } catch (RuntimeException e) {
            System.out.println(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
