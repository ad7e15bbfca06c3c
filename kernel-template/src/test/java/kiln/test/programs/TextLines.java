package kiln.test.programs;

import java.util.stream.Collectors;

/** String.lines, chars, codePoints and transform, as Java 11+ programs use them. */
public class TextLines {
    public static void main(String[] args) {
        String text = "alpha\nbeta\r\ngamma\rdelta\n\nepsilon\n";
        System.out.println(text.lines().count() + " " + text.lines().collect(Collectors.joining("|")));
        System.out.println("".lines().count() + " " + "x".lines().count() + " " + "\n".lines().count() + " " + "a\n\n".lines().count());
        System.out.println("hello".chars().sum() + " " + "hello".chars().filter(c -> c == 'l').count());
        String withPair = "a\uD83D\uDE00b\uD800c";
        System.out.println(withPair.chars().count() + " " + withPair.codePoints().count() + " "
                + withPair.codePoints().mapToObj(Integer::toHexString).collect(Collectors.joining(",")));
        StringBuilder sb = new StringBuilder("xyz");
        System.out.println(sb.chars().map(Character::toUpperCase).mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining()));
        System.out.println("kiln".transform(s -> s + "!") + " " + "42".transform(Integer::parseInt) * 2);
        String csv = "name,age\nann,31\nbob,27";
        System.out.println(csv.lines().skip(1).map(r -> r.split(",")[0]).collect(Collectors.toList()));
    }
}
