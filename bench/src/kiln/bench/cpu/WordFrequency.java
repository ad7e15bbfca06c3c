package kiln.bench.cpu;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Application-like: counts the words of generated text, document by document, with String.split, a
 * HashMap&lt;String, Integer&gt; and streams, then prints the ten most frequent (ties by word) and totals.
 * Words are 1 to 3 syllables drawn with a skew toward the first syllables, so a few words are common and
 * many rare, as in prose. Strings, hashing, boxing, lambdas, sorting.
 */
public final class WordFrequency {
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ba", "de", "fi", "gu",
        "ha", "je", "ko", "lu", "ma", "no", "pe", "qui", "ra", "so", "tu", "ze"};
    private static final int WORDS_PER_DOCUMENT = 50_000;

    private static int seed = 7;

    public static void main(String[] args) {
        int documents = Output.size(args, 40);
        Map<String, Integer> counts = new HashMap<>();
        long characters = 0;
        for (int d = 0; d < documents; d++) {
            String[] words = document().split(" ");
            characters += Arrays.stream(words).mapToInt(String::length).sum();
            for (String word : words) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println(total + " words, " + counts.size() + " distinct, " + characters + " letters");
        counts.entrySet().stream()
                .sorted(Comparator.comparing(Map.Entry<String, Integer>::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(10)
                .forEach(entry -> System.out.println(entry.getKey() + " " + entry.getValue()));
    }

    private static String document() {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < WORDS_PER_DOCUMENT; w++) {
            if (w > 0) {
                text.append(' ');
            }
            int syllables = 1 + next() % 3;
            for (int s = 0; s < syllables; s++) {
                int pick = next();
                int range = 1 + next() % SYLLABLES.length;
                text.append(SYLLABLES[pick % range]);
            }
        }
        return text.toString();
    }

    /** A 15-bit pseudo-random number: x ← 1103515245x + 12345 mod 2^32, bits 16..30. */
    private static int next() {
        seed = seed * 1103515245 + 12345;
        return (seed >>> 16) & 0x7fff;
    }
}
