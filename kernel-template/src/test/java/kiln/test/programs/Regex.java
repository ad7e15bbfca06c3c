package kiln.test.programs;

import java.util.Arrays;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** java.util.regex: syntax, flags, Matcher's API and String's regex methods. */
public class Regex {
    static void find(String regex, String input) {
        find(regex, 0, input);
    }

    static void find(String regex, int flags, String input) {
        Matcher m = Pattern.compile(regex, flags).matcher(input);
        StringBuilder out = new StringBuilder(regex).append(" in \"").append(input.replace("\n", "\\n")).append("\":");
        while (m.find()) {
            out.append(" [").append(m.start()).append(',').append(m.end()).append(" '").append(m.group()).append('\'');
            for (int g = 1; g <= m.groupCount(); g++) {
                out.append(" g").append(g).append('=').append(m.group(g)).append('@').append(m.start(g));
            }
            out.append(']');
        }
        System.out.println(out);
    }

    static void split(String input, String regex, int limit) {
        System.out.println('"' + input + "\".split(\"" + regex + "\", " + limit + ") = "
                + Arrays.toString(input.split(regex, limit)) + " #" + input.split(regex, limit).length);
    }

    static void bad(String regex) {
        try {
            Pattern.compile(regex);
            System.out.println("compiled " + regex);
        } catch (PatternSyntaxException e) {
            System.out.println(e.getMessage());
            System.out.println(e.getDescription() + " | " + e.getIndex() + " | " + e.getPattern());
        }
    }

    public static void main(String[] args) {
        // Literals, escapes, classes.
        find("a\\.b", "a.b axb a.b");
        find("\\t|\\n|\\\\", "x\ty\nz\\");
        find("\\Qa.b*\\E+", "a.b*a.b**");
        find("\\u0041\\x42\\0103", "ABC abc");
        find(".", "a\nb");
        find("[abc]+", "xxabcbayc");
        find("[^a-z]+", "abc123DEF ghi");
        find("[a-zA-Z0-9_]+", "foo_bar-99 baz");
        find("[a-z&&[^aeiou]]+", "consonants here");
        find("\\d+|\\D+", "ab12cd3");
        find("\\w+", "hello, world_2!");
        find("\\W+", "hello, world_2!");
        find("\\s+", "a b\t\tc\n d");
        find("\\S+", "a b\t\tc\n d");
        find("\\p{Alpha}+\\p{Digit}*", "abc123 X9 42");
        find("\\p{Upper}\\p{Lower}+", "Hello World FOO Bar");
        find("\\p{Punct}", "a,b.c!d?");
        find("\\p{Alnum}+", "ab1--c2");
        find("\\p{Space}", "a b\tc");
        find("[\\[\\]-]", "a[b]c-d");
        // A surrogate pair is one code point to '.', classes and literals.
        find(".", "a\uD83D\uDE00b");
        find("[^a]+?", "a\uD83D\uDE00b");
        find("\\x{1F600}|\uD83D\uDE00", "x\uD83D\uDE00\uD83D\uDE00");
        find("\\p{InGreek}+|\\p{InCombiningDiacriticalMarks}", "abc \u03b1\u03b2 e\u0301");
        // Anchors.
        find("^\\w+", "first second");
        find("\\w+$", "first second");
        find("^\\w+$", Pattern.MULTILINE, "one\ntwo\nthree");
        find("\\bcat\\b", "cat concat cat's bobcat");
        find("\\Bcat", "cat concat bobcat");
        find("\\Aab|ab\\z", "ab ab ab");
        find("ab\\Z", "xab\n");
        find("a$", "a\n");
        // Quantifiers.
        find("a*", "baaac");
        find("a+?", "aaa");
        find("a??b", "ab b");
        find("a{2}", "aaaaa");
        find("a{2,}", "a aa aaaa");
        find("a{1,3}", "aaaaaaa");
        find("a{1,3}?", "aaaa");
        find("a*+a", "aaaa");
        find("a++b", "aaab");
        find("<.+>", "<a><b>");
        find("<.+?>", "<a><b>");
        find("(ab)+", "ababab abx");
        find("(a|b)*c", "abbac ac c");
        find("(a?){3}", "aa");
        // Groups.
        find("(\\w+)@(\\w+)\\.com", "mail bob@example.com and eve@corp.com");
        find("(?:ab)+(c)", "ababc");
        find("(a)(b)?(c)", "ac abc");
        find("(\\w)\\1", "hello book keeper");
        find("(?<word>\\w+) \\k<word>", "the the cat sat sat down");
        find("(x)|(y)", "xyz");
        find("((a)|b)+", "abab");
        // Alternation and lookahead.
        find("cat|category|dog", "category dog");
        find("\\w+(?=!)", "hi! there yes!");
        find("\\b(?!un)\\w+", "undo redo unit it");
        find("(?<=\\$)\\d+", "cost $42 or 17 or $7");
        find("(?<!-)\\b\\d+", "5 -6 7");
        find("(?>a+)b", "aaab");
        // Flags.
        find("hello", Pattern.CASE_INSENSITIVE, "Hello HELLO hello hElLo");
        find("(?i)[a-c]+", "xABCabcx");
        find("a(?i)b(?-i)c", "aBc aBC abc");
        find("a(?i:b)c", "aBc aBC");
        find("a.b", Pattern.DOTALL, "a\nb");
        find("(?s)a.b", "a\nb");
        find("(?m)^\\d", "1a\n2b\n3c");
        find(" a  b # comment\n c", Pattern.COMMENTS, "abc a b c");
        find("(?x) \\d+ [a-z]", "12x 3 y 4z");
        find("a.c", Pattern.LITERAL, "abc a.c");
        Pattern p = Pattern.compile("[a-z]+", Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
        System.out.println(p.pattern() + " " + p.flags() + " " + p + " " + Pattern.quote("a.b") + " " + Pattern.quote("x\\Ey"));
        // Matcher API.
        Matcher m = Pattern.compile("(?<key>\\w+)=(?<value>\\d+)").matcher("a=1, bb=22, c=x, ddd=333");
        System.out.println(m.groupCount() + " " + m.lookingAt() + " " + m.matches());
        m.reset();
        while (m.find()) {
            System.out.println(m.group("key") + " -> " + m.group("value") + " " + m.start("value") + ".." + m.end("value")
                    + " " + m.start(1) + " " + m.end(2) + " " + m.group(0));
        }
        System.out.println(m.find(10) + " " + m.group() + " " + m.find() + " " + m.find());
        m.reset("zz=9");
        System.out.println(m.matches() + " " + m.group(2));
        MatchResult snapshot = m.toMatchResult();
        m.reset("q=5");
        m.find();
        System.out.println(snapshot.group(1) + " " + snapshot.start(2) + " " + m.group(1));
        Matcher words = Pattern.compile("\\d+").matcher("1 22 333");
        words.usePattern(Pattern.compile("\\d"));
        System.out.println(words.find() + " " + words.group());
        StringBuilder sb = new StringBuilder();
        Matcher sums = Pattern.compile("(\\d+)\\+(\\d+)").matcher("1+2, 30+12 and 5+5.");
        while (sums.find()) {
            int sum = Integer.parseInt(sums.group(1)) + Integer.parseInt(sums.group(2));
            sums.appendReplacement(sb, "$0=" + sum);
        }
        sums.appendTail(sb);
        System.out.println(sb);
        System.out.println(Pattern.compile("\\d+").matcher("a1b22c333").replaceAll(r -> "<" + r.group().length() + ">"));
        System.out.println(Pattern.compile("(?<first>\\w+) (?<last>\\w+)").matcher("John Smith, Ada Lovelace")
                .replaceAll("${last} $1 \\$ \\\\"));
        System.out.println(Pattern.compile("o").matcher("foo boo").replaceFirst("0"));
        System.out.println(Pattern.compile("\\d").matcher("a1b2").results().map(MatchResult::group).collect(Collectors.toList()));
        System.out.println(Matcher.quoteReplacement("$1\\x") + " " + "cost".replaceAll("o", Matcher.quoteReplacement("$")));
        try {
            Pattern.compile("a").matcher("a").group();
        } catch (IllegalStateException e) {
            System.out.println("IllegalStateException " + e.getMessage());
        }
        try {
            Matcher g = Pattern.compile("a").matcher("a");
            g.find();
            g.group(2);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("IndexOutOfBoundsException " + e.getMessage());
        }
        try {
            Matcher g = Pattern.compile("a").matcher("a");
            g.find();
            g.group("nope");
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        for (String replacement : new String[] {"$", "\\", "$2", "${x}", "$x"}) {
            try {
                System.out.println("a".replaceAll("(a)", replacement));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                System.out.println(e.getClass().getSimpleName() + " " + e.getMessage());
            }
        }
        List<String> kept = java.util.stream.Stream.of("apple", "banana", "cherry")
                .filter(Pattern.compile("an").asPredicate()).collect(Collectors.toList());
        System.out.println(kept + " " + Pattern.compile("\\w+").asMatchPredicate().test("abc"));
        // String's regex methods.
        split(",a,,b,,", ",", 0);
        split(",a,,b,,", ",", -1);
        split(",a,,b,,", ",", 2);
        split("a1b22c333", "\\d+", 0);
        split("a1b22c333", "\\d+", -1);
        split("a1b22c333", "\\d+", 2);
        split("abc", "", 0);
        split("abc", "", -1);
        split("abc", "", 2);
        split("", ",", 0);
        split("", "\\s+", 0);
        split("  leading and  trailing  ", "\\s+", 0);
        split("a.b.c", "\\.", 0);
        split("a|b|c", "\\|", 0);
        split("one, two;three ,four", "\\s*[,;]\\s*", 0);
        split("aXbxc", "(?i)x", 0);
        split("boo:and:foo", "o", 0);
        split("boo:and:foo", "o", -2);
        split("boo:and:foo", "o", 5);
        split("abc", "(?=b)", 0);
        split("1a2", "(?=\\d)", 0);
        System.out.println(Arrays.toString(Pattern.compile(":").split("a:b::", 0)) + " "
                + Arrays.toString(Pattern.compile("x*").split("axbxxc")));
        String text = "The quick brown fox -- jumps over, the LAZY dog; the end.";
        System.out.println(text.toLowerCase().split("[^a-z]+").length + " " + text.split("\\s+").length);
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String w : text.toLowerCase().split("[^a-z]+")) {
            counts.merge(w, 1, Integer::sum);
        }
        System.out.println(counts);
        for (String email : new String[] {"bob@example.com", "a.b-c@x.org", "bad@", "@bad.com", "no spaces@x.com"}) {
            System.out.print(email + "=" + email.matches("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+") + " ");
        }
        System.out.println();
        for (String number : new String[] {"42", "-3.14", "+1e10", "1.", ".5", "abc", "1e", "0x1F"}) {
            System.out.print(number + "=" + number.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?") + " ");
        }
        System.out.println();
        System.out.println("2024-01-15".replaceAll("(\\d+)-(\\d+)-(\\d+)", "$3/$2/$1") + " "
                + "hello world".replaceFirst("o", "0") + " " + "a.b.c".replace(".", "$") + " "
                + "tabs\tand  spaces".replaceAll("\\s+", "_") + " " + "CamelCaseString".replaceAll("([A-Z])", "_$1").toLowerCase()
                + " " + "x".replaceAll("", "-") + " " + "aaa".replaceAll("a*", "X"));
        // Long inputs: single-char repetitions iterate instead of recursing.
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            big.append('a');
        }
        String longText = big.append('b').toString();
        System.out.println(longText.matches("a*b") + " " + longText.matches("[a-z]+") + " "
                + longText.replaceAll("a+?b", "!").length() + " " + longText.split("a*").length + " " + longText.matches(".*b"));
        // Syntax errors.
        bad("(");
        bad("[a-");
        bad("*a");
        bad("a{2,1}");
        bad("a)");
        bad("[z-a]");
        bad("x{2");
        bad("a\\y");
        bad("(?<1a>x)");
        bad("\\k<nope>");
        bad("(?<n>a)(?<n>b)");
        bad("a**");
        bad("(?z)");
        bad("[]");
        bad("\\u12");
        bad("{2}");
    }
}
