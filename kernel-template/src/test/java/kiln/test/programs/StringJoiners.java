package kiln.test.programs;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The JDK's StringJoiner, with String.join and Collectors.joining on top of it. */
public class StringJoiners {
    public static void main(String[] args) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        System.out.println(joiner + " " + joiner.length());
        joiner.setEmptyValue("EMPTY");
        System.out.println(joiner + " " + joiner.length());
        joiner.add("one").add(null).add("").add("three");
        System.out.println(joiner + " " + joiner.length());

        StringJoiner other = new StringJoiner("-", "{", "}");
        other.add("x").add("y");
        joiner.merge(other);
        System.out.println(joiner + " " + joiner.length());
        StringJoiner empty = new StringJoiner("/");
        joiner.merge(empty);
        empty.merge(other);
        System.out.println(joiner + " | " + empty + " " + empty.length());
        StringJoiner self = new StringJoiner("+").add("a").add("b");
        self.merge(self);
        System.out.println(self);

        System.out.println(String.join("::", "a", "b", "c") + " " + String.join(",", List.of()) + "|"
                + String.join("|", List.of("x", "\u00e9\u20ac", "z")));
        System.out.println(Stream.of("p", "q", "r").collect(Collectors.joining(";", "<", ">")));
        System.out.println(Stream.<String>empty().collect(Collectors.joining(";", "<", ">")));
        StringJoiner many = new StringJoiner(",");
        for (int i = 0; i < 1000; i++) {
            many.add(Integer.toString(i));
        }
        System.out.println(many.length() + " " + many.toString().hashCode());
        try {
            new StringJoiner(null);
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
        try {
            joiner.setEmptyValue(null);
        } catch (NullPointerException e) {
            System.out.println(e.getMessage());
        }
    }
}
