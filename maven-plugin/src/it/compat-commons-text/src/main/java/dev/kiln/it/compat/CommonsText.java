package dev.kiln.it.compat;

import org.apache.commons.text.AlphabetConverter;
import org.apache.commons.text.CaseUtils;
import org.apache.commons.text.RandomStringGenerator;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.StringSubstitutor;
import org.apache.commons.text.StringTokenizer;
import org.apache.commons.text.TextStringBuilder;
import org.apache.commons.text.WordUtils;
import org.apache.commons.text.diff.EditScript;
import org.apache.commons.text.diff.StringsComparator;
import org.apache.commons.text.lookup.StringLookupFactory;
import org.apache.commons.text.similarity.CosineDistance;
import org.apache.commons.text.similarity.HammingDistance;
import org.apache.commons.text.similarity.JaccardSimilarity;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDetailedDistance;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.commons.text.similarity.LongestCommonSubsequence;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Commons Text the way applications use it: variable substitution with nested and default values, word
 * wrapping and capitalization, escaping for Java, JSON, HTML, XML and CSV, tokenizing, string builders,
 * similarity and distance measures, diffs and seeded random strings. Every line printed is computed by the
 * library.
 */
public final class CommonsText {
    public static void main(String[] args) throws Exception {
        substitution();
        words();
        escaping();
        similarity();
        builders();
        System.out.println("commons-text: done");
    }

    private static void substitution() {
        Map<String, Object> values = new HashMap<>();
        values.put("animal", "quick brown fox");
        values.put("target", "lazy dog");
        values.put("who", "${animal}");
        StringSubstitutor substitutor = new StringSubstitutor(values);
        System.out.println(substitutor.replace("The ${animal} jumped over the ${target}."));
        System.out.println(substitutor.replace("Default: ${missing:-nobody}, escaped: $${animal}, undefined: ${nothing}"));
        substitutor.setEnableSubstitutionInVariables(true);
        System.out.println(substitutor.replace("Nested: ${who} / ${${missing:-target}}"));
        StringSubstitutor custom = new StringSubstitutor(values, "%(", ")", '\\');
        System.out.println(custom.replace("Custom %(animal) and \\%(target)"));
        StringLookupFactory lookups = StringLookupFactory.INSTANCE;
        System.out.println("lookups " + new StringSubstitutor(lookups.base64DecoderStringLookup()).replace("${SGVsbG8sIEtpbG4=}")
                + " " + new StringSubstitutor(lookups.urlEncoderStringLookup()).replace("${a b&c=d}")
                + " " + new StringSubstitutor(lookups.functionStringLookup(String::toUpperCase)).replace("${shout}"));
        try {
            StringSubstitutor strict = new StringSubstitutor(values);
            strict.setEnableUndefinedVariableException(true);
            strict.replace("${undefined}");
        } catch (IllegalArgumentException expected) {
            System.out.println("undefined: " + expected.getMessage());
        }
    }

    private static void words() throws Exception {
        String text = "Kiln turns a Maven project into a bootable image that runs on bare metal or in a cloud.";
        System.out.println(WordUtils.wrap(text, 24));
        System.out.println(WordUtils.wrap("a verylongwordthatmustbebroken here", 10, "|", true));
        System.out.println(WordUtils.capitalizeFully("the QUICK bRoWn fox") + " / " + WordUtils.capitalize("hello-world there", ' ', '-'));
        System.out.println(WordUtils.initials("Java Development Kit") + " " + WordUtils.swapCase("Hello World")
                + " " + WordUtils.abbreviate("Now is the time for all good men", 0, 10, "...")
                + " " + WordUtils.containsAllWords("one two three", "three", "one"));
        System.out.println(CaseUtils.toCamelCase("to camel case", false, ' ') + " " + CaseUtils.toCamelCase("TO-CAMEL-CASE", true, '-'));
        StringTokenizer tokenizer = StringTokenizer.getCSVInstance("a, \"b, c\", d");
        System.out.println("tokens " + tokenizer.getTokenList());
        System.out.println("tokens " + new StringTokenizer("x  y\tz").getTokenList() + " " + new StringTokenizer("p;q;;r", ';').getTokenList());
        RandomStringGenerator generator = new RandomStringGenerator.Builder().withinRange('a', 'z')
                .usingRandom(new Random(42)::nextInt).get();
        System.out.println("random " + generator.generate(12) + " " + generator.generate(4, 8).length());
        AlphabetConverter converter = AlphabetConverter.createConverterFromChars(new Character[] {'a', 'b', 'c', 'd'},
                new Character[] {'0', '1'}, new Character[] {});
        String encoded = converter.encode("abcd");
        System.out.println("alphabet " + encoded + " " + converter.decode(encoded));
    }

    private static void escaping() {
        String tricky = "Tab\there \"quoted\" <b>bold</b> & caf\u00e9 \u20ac 'single'\n";
        System.out.println("java " + StringEscapeUtils.escapeJava(tricky));
        System.out.println("json " + StringEscapeUtils.escapeJson(tricky));
        System.out.println("html4 " + StringEscapeUtils.escapeHtml4(tricky).replace("\n", "\\n"));
        System.out.println("xml10 " + ascii(StringEscapeUtils.escapeXml10(tricky).replace("\n", "\\n")));
        System.out.println("csv " + StringEscapeUtils.escapeCsv("a,b \"c\"") + " " + StringEscapeUtils.escapeCsv("plain"));
        System.out.println("ecmascript " + StringEscapeUtils.escapeEcmaScript("</script> 'x'"));
        System.out.println("unescape " + StringEscapeUtils.unescapeJava("\\u0041\\t\\\"B\\\"")
                + " " + StringEscapeUtils.unescapeHtml4("&lt;p&gt;&amp;&copy;&#65;&#x42;&eacute;").length()
                + " " + StringEscapeUtils.unescapeXml("&quot;&apos;&#x43;") + " " + StringEscapeUtils.unescapeCsv("\"a,\"\"b\"\"\""));
    }

    /** Non-ASCII characters as their code points: HotSpot's standard output may not be UTF-8. */
    private static String ascii(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 ? String.valueOf((char) c) : "U+" + Integer.toHexString(c)));
        return out.toString();
    }

    private static void similarity() {
        System.out.println("levenshtein " + LevenshteinDistance.getDefaultInstance().apply("kitten", "sitting")
                + " limited " + new LevenshteinDistance(2).apply("kitten", "sitting")
                + " detailed " + LevenshteinDetailedDistance.getDefaultInstance().apply("kitten", "sitting"));
        System.out.println("jaroWinkler " + new JaroWinklerSimilarity().apply("MARTHA", "MARHTA")
                + " jaccard " + new JaccardSimilarity().apply("night", "nacht")
                + " hamming " + new HammingDistance().apply("karolin", "kathrin"));
        System.out.println("cosine " + new CosineDistance().apply("the cat sat on the mat", "the dog sat on the log")
                + " lcs " + new LongestCommonSubsequence().longestCommonSubsequence("compiler", "complier"));
        EditScript<Character> script = new StringsComparator("kernel", "kestrel").getScript();
        System.out.println("diff modifications " + script.getModifications() + " lcs length " + script.getLCSLength());
    }

    private static void builders() {
        TextStringBuilder builder = new TextStringBuilder();
        builder.append("items:").appendNewLine().appendWithSeparators(new String[] {"a", "b", "c"}, ", ")
                .appendPadding(3, '.').appendFixedWidthPadLeft(42, 6, '0').appendln("!").appendAll(1, 2.5, 'x');
        System.out.println(builder.toString().replace("\n", "\\n"));
        builder.replaceAll("a", "A").deleteFirst("items:").insert(0, '[').append(']');
        System.out.println(builder.build().replace("\n", "\\n") + " size " + builder.size() + " indexOf b " + builder.indexOf("b")
                + " reversed " + new TextStringBuilder("stressed").reverse());
    }
}
