package dev.kiln.testengine;

import org.objectweb.asm.tree.AnnotationNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a {@code @CsvSource}, split as JUnit splits them (JUnit 5 User Guide §2.16.3): by the delimiter
 * ({@code ,} unless {@code delimiter}/{@code delimiterString} say otherwise), values quoted with
 * {@code quoteCharacter} ({@code '}) kept as written, unquoted values stripped; an empty unquoted value and
 * any of {@code nullValues} are null, an empty quoted value is {@code emptyValue} ({@code ""}). Rows come from
 * {@code value} and, one per line, from {@code textBlock}, where lines starting with {@code #} are comments.
 */
final class CsvRows {
    private CsvRows() {
    }

    static List<List<String>> parse(AnnotationNode csv, String where) throws TestDiscoveryException {
        String delimiter = TestDiscovery.value(csv, "delimiterString").map(String.class::cast).filter(s -> !s.isEmpty())
                .orElse(TestDiscovery.value(csv, "delimiter").map(c -> String.valueOf((char) (Character) c))
                        .filter(s -> s.charAt(0) != '\0').orElse(","));
        char quote = TestDiscovery.value(csv, "quoteCharacter").map(c -> (char) (Character) c).orElse('\'');
        String emptyValue = TestDiscovery.value(csv, "emptyValue").map(String.class::cast).orElse("");
        @SuppressWarnings("unchecked")
        List<String> nullValues = TestDiscovery.value(csv, "nullValues").map(v -> (List<String>) v).orElse(List.of());
        if (TestDiscovery.value(csv, "useHeadersInDisplayName").map(Boolean.class::cast).orElse(false)) {
            throw new TestDiscoveryException(where + ": @CsvSource(useHeadersInDisplayName) is not supported by kiln:test");
        }
        List<String> lines = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> values = TestDiscovery.value(csv, "value").map(v -> (List<String>) v).orElse(List.of());
        lines.addAll(values);
        String textBlock = TestDiscovery.value(csv, "textBlock").map(String.class::cast).orElse("");
        textBlock.lines().filter(line -> !line.isBlank() && !line.strip().startsWith("#")).forEach(lines::add);
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(split(line, delimiter, quote, emptyValue, nullValues, where));
        }
        return rows;
    }

    static List<String> split(String line, String delimiter, char quote, String emptyValue, List<String> nullValues,
                              String where) throws TestDiscoveryException {
        List<String> row = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder value = new StringBuilder();
            boolean quoted = false;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == quote) {
                quoted = true;
                int close = line.indexOf(quote, i + 1);
                if (close < 0) {
                    throw new TestDiscoveryException(where + ": the @CsvSource row \"" + line + "\" has an unclosed "
                            + quote + "quote" + quote);
                }
                value.append(line, i + 1, close);
                i = close + 1;
            }
            int next = line.indexOf(delimiter, i);
            String rest = next < 0 ? line.substring(i) : line.substring(i, next);
            if (quoted) {
                if (!rest.isBlank()) {
                    throw new TestDiscoveryException(where + ": the @CsvSource row \"" + line + "\" has text after a"
                            + " quoted value");
                }
                String text = value.toString();
                row.add(text.isEmpty() ? emptyValue : nullValues.contains(text) ? null : text);
            } else {
                String text = rest.strip();
                row.add(text.isEmpty() || nullValues.contains(text) ? null : text);
            }
            if (next < 0) {
                return row;
            }
            i = next + delimiter.length();
        }
    }
}
